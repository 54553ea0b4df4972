package io.twinsdk.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What {@link JsonPatch#apply} does, operation by operation, and how it fails. */
class JsonPatchApplyTest {

  private static JsonNode apply(String document, JsonPatch patch) {
    return patch.apply(Json.parse(document));
  }

  private static ThrowableAssertAlternative<JsonPatchException> assertFails(String document, JsonPatch patch) {
    return assertThatExceptionOfType(JsonPatchException.class).isThrownBy(() -> apply(document, patch));
  }

  private static JsonNode json(String text) {
    return Json.parse(text);
  }

  @Nested
  class Add {

    @Test
    void addCreatesAMember() {
      assertThat(apply("{\"a\":1}", JsonPatch.builder().add("/b", 2).build())).isEqualTo(json("{\"a\":1,\"b\":2}"));
    }

    @Test
    void addReplacesAnExistingMember() {
      assertThat(apply("{\"a\":1}", JsonPatch.builder().add("/a", 2).build())).isEqualTo(json("{\"a\":2}"));
    }

    @Test
    void addInsertsIntoAnArrayBeforeTheIndex() {
      assertThat(apply("[\"a\",\"c\"]", JsonPatch.builder().add("/1", "b").build()))
          .isEqualTo(json("[\"a\",\"b\",\"c\"]"));
    }

    @Test
    void addAtIndexEqualToSizeAppends() {
      assertThat(apply("[1,2]", JsonPatch.builder().add("/2", 3).build())).isEqualTo(json("[1,2,3]"));
    }

    @Test
    void addAtDashAppends() {
      JsonPatch patch = JsonPatch.builder().add("/list/-", 3).add("/list/-", 4).build();

      assertThat(apply("{\"list\":[1,2]}", patch)).isEqualTo(json("{\"list\":[1,2,3,4]}"));
    }

    @Test
    void addAtDashOfAnEmptyArrayAppends() {
      assertThat(apply("[]", JsonPatch.builder().add("/-", "x").build())).isEqualTo(json("[\"x\"]"));
    }

    @Test
    void addPastTheEndOfAnArrayFailsWithTheValidRange() {
      assertFails("{\"list\":[1,2]}", JsonPatch.builder().add("/list/3", 9).build())
          .withMessage("Operation 0 (add \"/list/3\"): index 3 is out of range for \"/list\", which has 2 elements"
              + " (add accepts 0 to 2, or \"-\" to append)")
          .satisfies(e -> {
            assertThat(e.operationIndex()).isZero();
            assertThat(e.pointer()).contains(JsonPointer.parse("/list/3"));
          });
    }

    @Test
    void arrayIndexWithLeadingZeroIsRefused() {
      assertFails("[1,2]", JsonPatch.builder().add("/01", 9).build())
          .withMessageContaining("array index \"01\" into \"\" has a leading zero");
      assertFails("{\"a\":[1,2]}", JsonPatch.builder().replace("/a/00", 9).build())
          .withMessageContaining("array index \"00\" into \"/a\" has a leading zero");
    }

    @Test
    void arrayIndexThatIsNotANumberIsRefused() {
      assertFails("{\"a\":[1]}", JsonPatch.builder().add("/a/x", 9).build())
          .withMessageEndingWith("\"x\" is not an index into the array \"/a\"");
      assertFails("{\"a\":[1]}", JsonPatch.builder().add("/a/-1", 9).build())
          .withMessageEndingWith("\"-1\" is not an index into the array \"/a\"");
      assertFails("{\"a\":[1]}", JsonPatch.builder().add("/a/", 9).build())
          .withMessageEndingWith("\"\" is not an index into the array \"/a\"");
    }

    @Test
    void indexTooLargeForAnIntIsOutOfRange() {
      assertFails("[1]", JsonPatch.builder().remove("/99999999999999999999").build())
          .withMessageContaining("index 99999999999999999999 is out of range for \"\", which has 1 elements");
    }

    @Test
    void addAtTheRootReplacesTheWholeDocument() {
      assertThat(apply("{\"a\":1}", JsonPatch.builder().add("", json("[true]")).build())).isEqualTo(json("[true]"));
    }

    @Test
    void addDoesNotCreateMissingParents() {
      assertFails("{\"q\":{\"bar\":2}}", JsonPatch.builder().add("/a/b/c", 1).build())
          .withMessage("Operation 0 (add \"/a/b/c\"): \"/a\" does not exist; add does not create missing parents")
          .satisfies(e -> assertThat(e.pointer()).contains(JsonPointer.parse("/a/b/c")));
    }

    @Test
    void addIntoAScalarFails() {
      assertFails("{\"a\":{\"b\":\"text\"}}", JsonPatch.builder().add("/a/b/c", 1).build())
          .withMessageEndingWith("\"/a/b\" is a string, not an object or array");
      assertFails("{\"a\":null}", JsonPatch.builder().add("/a/b", 1).build())
          .withMessageEndingWith("\"/a\" is null, not an object or array");
    }

    @Test
    void addWithAnEmptyTokenCreatesAMemberNamedByTheEmptyString() {
      assertThat(apply("{}", JsonPatch.builder().add("/", 1).build())).isEqualTo(json("{\"\":1}"));
    }

    @Test
    void escapedTokensNameMembersContainingSlashAndTilde() {
      JsonPatch patch = JsonPatch.builder().add("/a~1b", 1).add("/m~0n", 2).remove("/~01").build();

      assertThat(apply("{\"~1\":0}", patch)).isEqualTo(json("{\"a/b\":1,\"m~n\":2}"));
    }

    @Test
    void dashInTheMiddleOfAPathRefersToNothing() {
      assertFails("{\"a\":[{\"b\":1}]}", JsonPatch.builder().add("/a/-/b", 2).build())
          .withMessageEndingWith("\"-\" in \"/a/-/b\" refers to no element of \"/a\"; only add accepts it,"
              + " as the last token, to append");
    }

    @Test
    void pathsWalkThroughArrayElements() {
      JsonPatch patch = JsonPatch.builder().replace("/rooms/1/temp", 20).build();

      assertThat(apply("{\"rooms\":[{\"temp\":1},{\"temp\":2}]}", patch))
          .isEqualTo(json("{\"rooms\":[{\"temp\":1},{\"temp\":20}]}"));
    }
  }

  @Nested
  class Remove {

    @Test
    void removeDeletesAMember() {
      assertThat(apply("{\"a\":1,\"b\":2}", JsonPatch.builder().remove("/a").build())).isEqualTo(json("{\"b\":2}"));
    }

    @Test
    void removeShiftsLaterArrayElementsLeft() {
      assertThat(apply("[1,2,3]", JsonPatch.builder().remove("/0").build())).isEqualTo(json("[2,3]"));
    }

    @Test
    void removeOfAMissingMemberFails() {
      assertFails("{\"a\":{}}", JsonPatch.builder().remove("/a/b").build())
          .withMessage("Operation 0 (remove \"/a/b\"): \"/a/b\" does not exist");
    }

    @Test
    void removeUnderAMissingParentNamesTheMissingParent() {
      assertFails("{}", JsonPatch.builder().remove("/a/b").build())
          .withMessage("Operation 0 (remove \"/a/b\"): \"/a\" does not exist");
    }

    @Test
    void removeOfTheRootIsRefused() {
      assertFails("{\"a\":1}", JsonPatch.builder().remove("").build())
          .withMessage("Operation 0 (remove \"\"): the document root cannot be removed;"
              + " use replace to change the whole document")
          .satisfies(e -> assertThat(e.pointer()).contains(JsonPointer.root()));
    }

    @Test
    void removeAtDashIsRefused() {
      assertFails("[1]", JsonPatch.builder().remove("/-").build()).withMessageContaining("refers to no element");
    }

    @Test
    void removePastTheEndOfAnArrayFails() {
      assertFails("[1,2]", JsonPatch.builder().remove("/2").build())
          .withMessageEndingWith("index 2 is out of range for \"\", which has 2 elements");
    }
  }

  @Nested
  class Replace {

    @Test
    void replaceChangesAnExistingMember() {
      assertThat(apply("{\"a\":1}", JsonPatch.builder().replace("/a", json("{\"b\":2}")).build()))
          .isEqualTo(json("{\"a\":{\"b\":2}}"));
    }

    @Test
    void replaceChangesAnArrayElementInPlace() {
      assertThat(apply("[1,2,3]", JsonPatch.builder().replace("/1", 9).build())).isEqualTo(json("[1,9,3]"));
    }

    @Test
    void replaceOfAMissingMemberFailsAndSuggestsAdd() {
      assertFails("{}", JsonPatch.builder().replace("/a", 1).build())
          .withMessage("Operation 0 (replace \"/a\"): \"/a\" does not exist; use add to create it");
    }

    @Test
    void replaceAtIndexEqualToSizeFails() {
      assertFails("[1]", JsonPatch.builder().replace("/1", 9).build())
          .withMessageEndingWith("index 1 is out of range for \"\", which has 1 elements");
    }

    @Test
    void replaceOfTheRootReplacesTheWholeDocument() {
      assertThat(apply("{\"a\":1}", JsonPatch.builder().replace("", 5).build())).isEqualTo(json("5"));
    }
  }

  @Nested
  class Move {

    @Test
    void moveRemovesFromOnePlaceAndAddsAtAnother() {
      JsonPatch patch = JsonPatch.builder().move("/a/x", "/b/y").build();

      assertThat(apply("{\"a\":{\"x\":1},\"b\":{}}", patch)).isEqualTo(json("{\"a\":{},\"b\":{\"y\":1}}"));
    }

    @Test
    void moveIntoOwnChildIsRefused() {
      assertFails("{\"a\":{\"b\":{}}}", JsonPatch.builder().move("/a", "/a/b/c").build())
          .withMessage("Operation 0 (move from \"/a\" to \"/a/b/c\"): a value cannot be moved into itself:"
              + " \"/a/b/c\" is inside \"/a\"")
          .satisfies(e -> assertThat(e.pointer()).contains(JsonPointer.parse("/a/b/c")));
    }

    @Test
    void moveOfTheRootIntoAChildIsRefused() {
      assertFails("{\"a\":1}", JsonPatch.builder().move("", "/b").build())
          .withMessageContaining("cannot be moved into itself");
    }

    @Test
    void moveToASiblingWithACommonNamePrefixIsAllowed() {
      assertThat(apply("{\"a\":1}", JsonPatch.builder().move("/a", "/ab").build())).isEqualTo(json("{\"ab\":1}"));
    }

    @Test
    void moveToTheSamePathChangesNothing() {
      JsonNode document = json("{\"a\":[1,2],\"b\":3}");

      JsonNode result = JsonPatch.builder().move("/a/1", "/a/1").move("/b", "/b").build().apply(document);

      assertThat(result).isEqualTo(document);
    }

    @Test
    void moveToTheSamePathStillRequiresTheValueToExist() {
      assertFails("{}", JsonPatch.builder().move("/a", "/a").build())
          .withMessage("Operation 0 (move from \"/a\" to \"/a\"): \"/a\" does not exist");
    }

    @Test
    void moveFromAMissingLocationNamesFrom() {
      assertFails("{\"b\":{}}", JsonPatch.builder().move("/a", "/b/c").build())
          .withMessage("Operation 0 (move from \"/a\" to \"/b/c\"): \"/a\" does not exist")
          .satisfies(e -> assertThat(e.pointer()).contains(JsonPointer.parse("/a")));
    }

    @Test
    void moveToAMissingParentNamesPath() {
      assertFails("{\"a\":1}", JsonPatch.builder().move("/a", "/b/c").build())
          .withMessageEndingWith("\"/b\" does not exist; add does not create missing parents")
          .satisfies(e -> assertThat(e.pointer()).contains(JsonPointer.parse("/b/c")));
    }

    @Test
    void moveWithinAnArrayEvaluatesPathAfterTheRemoval() {
      JsonPatch patch = JsonPatch.builder().move("/0", "/-").build();

      assertThat(apply("[1,2,3]", patch)).isEqualTo(json("[2,3,1]"));
    }

    @Test
    void moveOfAChildToTheRootReplacesTheDocument() {
      assertThat(apply("{\"a\":{\"b\":1}}", JsonPatch.builder().move("/a", "").build())).isEqualTo(json("{\"b\":1}"));
    }
  }

  @Nested
  class Copy {

    @Test
    void copyAddsAnIndependentCopy() {
      JsonNode result = apply("{\"a\":{\"x\":1}}", JsonPatch.builder().copy("/a", "/b").build());

      ((ObjectNode) result.get("b")).put("x", 2);

      assertThat(result).isEqualTo(json("{\"a\":{\"x\":1},\"b\":{\"x\":2}}"));
    }

    @Test
    void copyIntoOwnChildIsAllowed() {
      assertThat(apply("{\"a\":{\"x\":1}}", JsonPatch.builder().copy("/a", "/a/y").build()))
          .isEqualTo(json("{\"a\":{\"x\":1,\"y\":{\"x\":1}}}"));
    }

    @Test
    void copyFromAMissingLocationNamesFrom() {
      assertFails("{}", JsonPatch.builder().copy("/a/0", "/b").build())
          .withMessage("Operation 0 (copy from \"/a/0\" to \"/b\"): \"/a\" does not exist")
          .satisfies(e -> assertThat(e.pointer()).contains(JsonPointer.parse("/a/0")));
    }

    @Test
    void copyIntoAnArrayInserts() {
      assertThat(apply("{\"a\":[1,2],\"v\":9}", JsonPatch.builder().copy("/v", "/a/1").build()))
          .isEqualTo(json("{\"a\":[1,9,2],\"v\":9}"));
    }
  }

  @Nested
  class TestOperation {

    @Test
    void testTreatsOneAndOnePointZeroAsEqual() {
      JsonNode document = json("{\"a\":1,\"b\":2.50}");

      JsonNode result = JsonPatch.builder().test("/a", json("1.0")).test("/b", 2.5).build().apply(document);

      assertThat(result).isEqualTo(document);
    }

    @Test
    void testComparesObjectsRegardlessOfMemberOrder() {
      JsonNode document = json("{\"a\":{\"x\":1.0,\"y\":[1,{\"p\":null,\"q\":true}]}}");
      JsonPatch patch = JsonPatch.builder().test("/a", json("{\"y\":[1,{\"q\":true,\"p\":null}],\"x\":1}")).build();

      assertThat(patch.apply(document)).isEqualTo(document);
    }

    @Test
    void testComparesArraysInOrder() {
      assertFails("{\"a\":[1,2]}", JsonPatch.builder().test("/a", json("[2,1]")).build())
          .withMessage("Operation 0 (test \"/a\"): test failed: \"/a\" is [1,2], not [2,1]");
    }

    @Test
    void testDoesNotEquateNumbersAndStrings() {
      assertFails("{\"a\":10}", JsonPatch.builder().test("/a", "10").build())
          .withMessageEndingWith("test failed: \"/a\" is 10, not \"10\"");
    }

    @Test
    void testOfNullMatchesOnlyAnExistingNull() {
      JsonPatch patch = JsonPatch.builder().test("/a", null).build();

      assertThat(apply("{\"a\":null}", patch)).isEqualTo(json("{\"a\":null}"));
      assertFails("{}", patch).withMessageEndingWith("\"/a\" does not exist");
    }

    @Test
    void testOfTheRootComparesTheWholeDocument() {
      JsonNode document = json("{\"a\":1}");

      assertThat(JsonPatch.builder().test("", json("{\"a\":1.0}")).build().apply(document)).isEqualTo(document);
    }

    @Test
    void testFailureMessageShortensLongValues() {
      String longText = "x".repeat(200);

      assertFails("{\"a\":\"" + longText + "\"}", JsonPatch.builder().test("/a", "y").build())
          .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(150).contains("...").endsWith("not \"y\""));
    }
  }

  @Nested
  class WholePatch {

    @Test
    void failingThirdOperationLeavesTheInputUnchangedAndNamesIndexTwo() {
      JsonNode document = json("{\"a\":1,\"list\":[1,2]}");
      JsonNode before = document.deepCopy();
      JsonPatch patch = JsonPatch.builder()
          .add("/b", 2)
          .remove("/list/0")
          .replace("/missing", 3)
          .add("/c", 4)
          .build();

      assertThatExceptionOfType(JsonPatchException.class)
          .isThrownBy(() -> patch.apply(document))
          .satisfies(e -> {
            assertThat(e.operationIndex()).isEqualTo(2);
            assertThat(e.pointer()).contains(JsonPointer.parse("/missing"));
            assertThat(e.getMessage()).startsWith("Operation 2 (replace \"/missing\")");
          });
      assertThat(document).isEqualTo(before);
    }

    @Test
    void operationsSeeTheResultsOfEarlierOnes() {
      JsonPatch patch = JsonPatch.builder().add("/a", json("{}")).add("/a/b", 1).test("/a/b", 1).move("/a/b", "/c")
          .build();

      assertThat(apply("{}", patch)).isEqualTo(json("{\"a\":{},\"c\":1}"));
    }

    @Test
    void successfulApplyLeavesTheInputUnchanged() {
      JsonNode document = json("{\"a\":{\"b\":[1,2]},\"c\":3}");
      JsonNode before = document.deepCopy();

      JsonPatch.builder().remove("/a/b/0").replace("/c", 4).move("/a", "/d").build().apply(document);

      assertThat(document).isEqualTo(before);
    }

    @Test
    void resultSharesNoNodesWithThePatch() {
      JsonPatch patch = JsonPatch.builder().add("/a", json("{\"x\":1}")).build();
      JsonNode first = patch.apply(json("{}"));

      ((ObjectNode) first.get("a")).put("x", 2);

      assertThat(patch.apply(json("{}"))).isEqualTo(json("{\"a\":{\"x\":1}}"));
    }

    @Test
    void emptyPatchReturnsAnEqualCopy() {
      JsonNode document = json("{\"a\":1}");

      JsonNode result = JsonPatch.builder().build().apply(document);

      assertThat(result).isEqualTo(document).isNotSameAs(document);
    }

    @Test
    void numbersKeepTheFormTheyWereWrittenIn() {
      JsonPatch patch = JsonPatch.parse("[{\"op\":\"add\",\"path\":\"/b\",\"value\":1.10}]");

      assertThat(Json.write(apply("{\"a\":75.0}", patch))).isEqualTo("{\"a\":75.0,\"b\":1.10}");
    }

    @Test
    void pathIntoAScalarDocumentFails() {
      assertFails("\"text\"", JsonPatch.builder().remove("/a").build())
          .withMessageEndingWith("\"\" is a string, not an object or array");
    }
  }
}
