package io.twinsdk.core.digitaltwin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.twinsdk.core.internal.Json;
import io.twinsdk.core.json.JsonValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Assertions that two JSON texts are the same document down to member order and the written form of numbers. */
final class JsonAssertions {

  private JsonAssertions() {}

  static void assertSameJson(String actual, String expected) {
    assertThat(JsonValues.equivalent(Json.parse(actual), Json.parse(expected)))
        .as("equivalent as JSON: %s", actual)
        .isTrue();
    assertThat(tokens(actual))
        .as("same members in the same order with numbers in the same form")
        .containsExactlyElementsOf(tokens(expected));
  }

  /** Lists the tokens of {@code json} with their source text: member names in order and numbers as written. */
  static List<String> tokens(String json) {
    List<String> tokens = new ArrayList<>();
    try (JsonParser parser = Json.mapper().createParser(json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        tokens.add(token.isStructStart() || token.isStructEnd() ? token.asString() : token + " " + parser.getText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }
}
