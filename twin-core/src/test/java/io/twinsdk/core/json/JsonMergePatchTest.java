package io.twinsdk.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import org.junit.jupiter.api.Test;

class JsonMergePatchTest {

  @Test
  void nullMemberDeletesAndNestedObjectsMerge() {
    JsonNode target = Json.parse("{\"a\":1,\"b\":{\"c\":2,\"d\":3},\"e\":4}");
    JsonNode patch = Json.parse("{\"a\":null,\"b\":{\"c\":null,\"x\":5}}");

    JsonNode result = JsonMergePatch.apply(target, patch);

    assertThat(result).isEqualTo(Json.parse("{\"b\":{\"d\":3,\"x\":5},\"e\":4}"));
    assertThat(target).isEqualTo(Json.parse("{\"a\":1,\"b\":{\"c\":2,\"d\":3},\"e\":4}"));
  }

  @Test
  void diffTurnsSourceIntoTargetWithNullsForRemovedKeys() {
    JsonNode source = Json.parse("{\"a\":1,\"b\":{\"c\":2,\"d\":3},\"gone\":true,\"same\":1.0}");
    JsonNode target = Json.parse("{\"a\":2,\"b\":{\"c\":2},\"new\":[1],\"same\":1}");

    JsonNode patch = JsonMergePatch.diff(source, target);

    assertThat(patch).isEqualTo(Json.parse("{\"gone\":null,\"a\":2,\"b\":{\"d\":null},\"new\":[1]}"));
    assertThat(JsonValues.equivalent(JsonMergePatch.apply(source, patch), target)).isTrue();
  }

  @Test
  void diffOfEqualDocumentsIsEmpty() {
    JsonNode doc = Json.parse("{\"a\":{\"b\":[1,2]}}");

    assertThat(JsonMergePatch.diff(doc, doc.deepCopy())).isEqualTo(Json.parse("{}"));
  }
}
