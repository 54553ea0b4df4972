package io.twinsdk.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs a merge-patch vector file: the bundled RFC 7386 Appendix A examples, or the file named by
 * {@code -Dmergepatch.cases=...}, with cases of the form {@code doc}, {@code patch}, {@code expected} (optional),
 * {@code comment}, {@code disabled}.
 *
 * <p>Each case checks {@link JsonMergePatch#apply} and, when the patch is an object, {@link MergePatch#applyTo}; a
 * case without {@code expected} only checks that applying succeeds and leaves its inputs untouched.
 */
class JsonMergePatchVectorsTest {

  @TestFactory
  List<DynamicTest> everyCaseBehavesAsTheFileSays() {
    VectorFile vectors = VectorFile.load("mergepatch.cases", "/vectors/json-merge-patch-rfc7386.json");
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
    JsonNode expected = testCase.get("expected");
    JsonNode untouchedDoc = doc.deepCopy();
    JsonNode untouchedPatch = patch.deepCopy();

    JsonNode result = JsonMergePatch.apply(doc, patch);
    JsonNode viaMergePatch = patch.isObject() ? MergePatch.of(patch).applyTo(doc) : result;

    if (expected != null) {
      assertThat(JsonValues.equivalent(result, expected)).as("%s: result %s, expected %s", name, result, expected)
          .isTrue();
      assertThat(JsonValues.equivalent(viaMergePatch, expected))
          .as("%s: MergePatch result %s, expected %s", name, viaMergePatch, expected)
          .isTrue();
    }
    assertThat(doc).as("%s: input document after apply", name).isEqualTo(untouchedDoc);
    assertThat(patch).as("%s: patch after apply", name).isEqualTo(untouchedPatch);
  }
}
