package io.twinsdk.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs a json-patch-tests file: the bundled RFC 6902 examples, or the file named by {@code -Djsonpatch.cases=...}.
 *
 * <p>A case with {@code expected} must produce it (compared as JSON values), a case with {@code error} must fail,
 * and a case with neither must apply without error. Every successful case must leave its input untouched.
 */
class JsonPatchVectorsTest {

  @TestFactory
  List<DynamicTest> everyCaseBehavesAsTheFileSays() {
    VectorFile vectors = VectorFile.load("jsonpatch.cases", "/vectors/json-patch-rfc6902-spec-tests.json");
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < vectors.cases().size(); i++) {
      int index = i;
      tests.add(DynamicTest.dynamicTest(vectors.name(i), () -> runCase(vectors, index)));
    }
    return tests;
  }

  private static void runCase(VectorFile vectors, int index) {
    assumeFalse(vectors.disabled(index), "disabled in " + vectors.source());
    String name = vectors.name(index);
    JsonNode testCase = vectors.cases().get(index);
    JsonNode doc = testCase.get("doc");
    JsonNode patch = testCase.get("patch");
    JsonNode untouched = doc.deepCopy();

    if (testCase.has("error")) {
      assertThatExceptionOfType(JsonPatchException.class)
          .as("%s: expected failure (%s)", name, testCase.get("error").asText())
          .isThrownBy(() -> JsonPatch.fromJson(patch).apply(doc));
    } else {
      JsonNode result = applyOrFail(name, patch, doc);
      if (testCase.has("expected")) {
        JsonNode expected = testCase.get("expected");
        assertThat(JsonValues.equivalent(result, expected))
            .as("%s: result %s, expected %s", name, result, expected)
            .isTrue();
      }
    }
    assertThat(doc).as("%s: input document after apply", name).isEqualTo(untouched);
  }

  private static JsonNode applyOrFail(String name, JsonNode patch, JsonNode doc) {
    try {
      return JsonPatch.fromJson(patch).apply(doc);
    } catch (JsonPatchException e) {
      return fail(name + ": " + e.getMessage(), e);
    }
  }
}
