package io.twinsdk.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import io.twinsdk.core.json.JsonPatchOperation.Op;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Building, reading and writing patch documents; {@link JsonPatchApplyTest} covers what they do. */
class JsonPatchTest {

  @Test
  void builderKeepsOperationsInOrderAndWritesMembersInOrderOpFromPathValue() {
    JsonPatch patch = JsonPatch.builder()
        .add("/a", 1)
        .remove("/b")
        .replace("/c", "x")
        .move("/d", "/e")
        .copy("/f", "/g")
        .test("/h", true)
        .build();

    assertThat(patch.toJson()).isEqualTo("["
        + "{\"op\":\"add\",\"path\":\"/a\",\"value\":1},"
        + "{\"op\":\"remove\",\"path\":\"/b\"},"
        + "{\"op\":\"replace\",\"path\":\"/c\",\"value\":\"x\"},"
        + "{\"op\":\"move\",\"from\":\"/d\",\"path\":\"/e\"},"
        + "{\"op\":\"copy\",\"from\":\"/f\",\"path\":\"/g\"},"
        + "{\"op\":\"test\",\"path\":\"/h\",\"value\":true}]");
  }

  @Test
  void javaNullValueMeansJsonNull() {
    JsonPatch patch = JsonPatch.builder().add("/a", null).build();

    assertThat(patch.toJson()).isEqualTo("[{\"op\":\"add\",\"path\":\"/a\",\"value\":null}]");
    assertThat(patch.apply(Json.parse("{}"))).isEqualTo(Json.parse("{\"a\":null}"));
  }

  @Test
  void javaValuesAreConvertedToJson() {
    JsonPatch patch = JsonPatch.builder()
        .add("/map", Map.of("k", List.of(1, "two")))
        .add("/decimal", new BigDecimal("75.0"))
        .add("/bean", new Setpoint("heat", 21))
        .build();

    assertThat(patch.toJson()).isEqualTo("["
        + "{\"op\":\"add\",\"path\":\"/map\",\"value\":{\"k\":[1,\"two\"]}},"
        + "{\"op\":\"add\",\"path\":\"/decimal\",\"value\":75.0},"
        + "{\"op\":\"add\",\"path\":\"/bean\",\"value\":{\"mode\":\"heat\",\"celsius\":21}}]");
  }

  /** A bean value for the builder. */
  public static final class Setpoint {
    private final String mode;
    private final int celsius;

    Setpoint(String mode, int celsius) {
      this.mode = mode;
      this.celsius = celsius;
    }

    public String getMode() {
      return mode;
    }

    public int getCelsius() {
      return celsius;
    }
  }

  @Test
  void jsonNodeValueIsCopiedSoLaterChangesDoNotLeakIn() {
    ObjectNode value = (ObjectNode) Json.parse("{\"x\":1}");
    JsonPatch patch = JsonPatch.builder().add("/a", value).build();

    value.put("x", 2);

    assertThat(patch.toJson()).isEqualTo("[{\"op\":\"add\",\"path\":\"/a\",\"value\":{\"x\":1}}]");
  }

  @Test
  void operationValueIsACopyTheCallerMayModify() {
    JsonPatch patch = JsonPatch.builder().add("/a", Map.of("x", 1)).build();
    JsonPatchOperation operation = patch.operations().get(0);

    ((ObjectNode) operation.value().orElseThrow()).put("x", 2);

    assertThat(operation.value()).contains(Json.parse("{\"x\":1}"));
  }

  @Test
  void operationAccessorsExposeTypePathFromAndValue() {
    JsonPatch patch = JsonPatch.builder().move("/a~1b", "/c").add(JsonPointer.of("d", "e/f"), "v").build();

    JsonPatchOperation move = patch.operations().get(0);
    JsonPatchOperation add = patch.operations().get(1);

    assertThat(move.op()).isEqualTo(Op.MOVE);
    assertThat(move.from()).contains(JsonPointer.of("a/b"));
    assertThat(move.path()).isEqualTo(JsonPointer.parse("/c"));
    assertThat(move.value()).isEmpty();
    assertThat(add.op().jsonName()).isEqualTo("add");
    assertThat(add.path().toString()).isEqualTo("/d/e~1f");
    assertThat(add.from()).isEmpty();
    assertThat(add.value()).contains(Json.parse("\"v\""));
  }

  @Test
  void invalidPathGivenToBuilderNamesTheArgument() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonPatch.builder().add("a", 1))
        .withMessageStartingWith("Invalid path: JSON pointer \"a\"");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonPatch.builder().move("/a~", "/b"))
        .withMessageStartingWith("Invalid from: JSON pointer \"/a~\"");
  }

  @Test
  void valueJacksonCannotConvertIsRefusedWithItsType() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonPatch.builder().add("/a", new Unreadable()))
        .withMessageContaining(Unreadable.class.getName() + " cannot be converted to JSON");
  }

  /** A bean Jackson cannot serialize. */
  public static final class Unreadable {
    public String getSecret() {
      throw new IllegalStateException("not readable");
    }
  }

  @Test
  void builderCanBuildAgainAfterMoreOperations() {
    JsonPatch.Builder builder = JsonPatch.builder().remove("/a");
    JsonPatch first = builder.build();

    JsonPatch second = builder.remove("/b").build();

    assertThat(first.operations()).hasSize(1);
    assertThat(second.operations()).hasSize(2);
  }

  @Test
  void operationsCannotBeModified() {
    JsonPatch patch = JsonPatch.builder().remove("/a").build();

    assertThat(patch.operations()).isUnmodifiable();
  }

  @Test
  void parseThenToJsonRoundTripsAndPutsMembersInCanonicalOrder() {
    String text = "[{\"path\":\"/a\",\"value\":{\"n\":1.10},\"op\":\"add\"},"
        + "{\"path\":\"/b~1c\",\"from\":\"/~0\",\"op\":\"copy\"}]";

    JsonPatch patch = JsonPatch.parse(text);

    assertThat(patch.toJson()).isEqualTo("[{\"op\":\"add\",\"path\":\"/a\",\"value\":{\"n\":1.10}},"
        + "{\"op\":\"copy\",\"from\":\"/~0\",\"path\":\"/b~1c\"}]");
    assertThat(JsonPatch.parse(patch.toJson())).isEqualTo(patch);
  }

  @Test
  void builtPatchEqualsTheParsedFormOfItsJson() {
    JsonPatch built = JsonPatch.builder()
        .test("/$metadata/$model", "dtmi:com:example:Thermostat;1")
        .replace("/targetTemperature", 21.5)
        .add("/a~0b", List.of(1, 2))
        .build();

    JsonPatch parsed = JsonPatch.parse(built.toJson());

    assertThat(parsed).isEqualTo(built);
    assertThat(parsed.hashCode()).isEqualTo(built.hashCode());
    assertThat(JsonPatch.fromJson(built.toJsonNode())).isEqualTo(built);
  }

  @Test
  void patchesWithDifferentValuesOrOrderAreNotEqual() {
    JsonPatch patch = JsonPatch.builder().add("/a", 1).remove("/b").build();

    assertThat(JsonPatch.builder().add("/a", 2).remove("/b").build()).isNotEqualTo(patch);
    assertThat(JsonPatch.builder().remove("/b").add("/a", 1).build()).isNotEqualTo(patch);
  }

  @Test
  void toStringIsTheJsonText() {
    JsonPatch patch = JsonPatch.builder().remove("/a").build();

    assertThat(patch).hasToString(patch.toJson());
    assertThat(patch.operations().get(0)).hasToString("{\"op\":\"remove\",\"path\":\"/a\"}");
  }

  @Test
  void toJsonNodeIsAFreshTreeTheCallerMayModify() {
    JsonPatch patch = JsonPatch.builder().add("/a", Map.of("x", 1)).build();

    ((ObjectNode) patch.toJsonNode().get(0).get("value")).put("x", 2);

    assertThat(patch.toJson()).isEqualTo("[{\"op\":\"add\",\"path\":\"/a\",\"value\":{\"x\":1}}]");
  }

  @Test
  void fromJsonCopiesValuesSoLaterChangesDoNotLeakIn() {
    JsonNode json = Json.parse("[{\"op\":\"add\",\"path\":\"/a\",\"value\":{\"x\":1}}]");
    JsonPatch patch = JsonPatch.fromJson(json);

    ((ObjectNode) json.get(0).get("value")).put("x", 2);

    assertThat(patch.operations().get(0).value()).contains(Json.parse("{\"x\":1}"));
  }

  @Test
  void unknownMembersAndMembersTheOperationDoesNotUseAreIgnored() {
    JsonPatch patch = JsonPatch.parse("[{\"op\":\"remove\",\"path\":\"/a\",\"value\":1,\"from\":\"/b\",\"xyz\":2},"
        + "{\"op\":\"add\",\"path\":\"/c\",\"value\":3,\"from\":\"/d\"}]");

    assertThat(patch.toJson())
        .isEqualTo("[{\"op\":\"remove\",\"path\":\"/a\"},{\"op\":\"add\",\"path\":\"/c\",\"value\":3}]");
  }

  @Test
  void explicitNullValueIsAValue() {
    JsonPatch patch = JsonPatch.parse("[{\"op\":\"test\",\"path\":\"/a\",\"value\":null}]");

    assertThat(patch.operations().get(0).value()).contains(Json.parse("null"));
  }

  @Test
  void emptyArrayIsAPatchWithoutOperations() {
    assertThat(JsonPatch.parse("[]").operations()).isEmpty();
  }

  @Test
  void documentThatIsNotAnArrayIsRefusedAsAWhole() {
    assertThatExceptionOfType(JsonPatchException.class)
        .isThrownBy(() -> JsonPatch.parse("{\"op\":\"remove\",\"path\":\"/a\"}"))
        .withMessage("A JSON Patch must be a JSON array of operations, but the document is a JSON object")
        .satisfies(e -> {
          assertThat(e.operationIndex()).isEqualTo(-1);
          assertThat(e.pointer()).isEmpty();
        });
  }

  @Test
  void emptyTextIsRefused() {
    assertThatExceptionOfType(JsonPatchException.class)
        .isThrownBy(() -> JsonPatch.parse(""))
        .withMessageEndingWith("but the document is empty");
  }

  @Test
  void malformedJsonIsRefusedWithLineAndColumn() {
    assertThatExceptionOfType(JsonPatchException.class)
        .isThrownBy(() -> JsonPatch.parse("[\n  {\"op\": \"remove\", \"path\": }\n]"))
        .withMessageStartingWith("Malformed JSON Patch at line 2, column 28: ")
        .satisfies(e -> assertThat(e.operationIndex()).isEqualTo(-1));
  }

  @Test
  void textAfterTheArrayIsRefused() {
    assertThatExceptionOfType(JsonPatchException.class)
        .isThrownBy(() -> JsonPatch.parse("[{\"op\":\"remove\",\"path\":\"/a\"}] [1]"))
        .withMessageStartingWith("Malformed JSON Patch at line 1, column ")
        .withMessageContaining("Trailing token");
  }

  @Test
  void operationWithTwoOpMembersIsRefused() {
    assertThatExceptionOfType(JsonPatchException.class)
        .isThrownBy(() -> JsonPatch.parse("[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\",\"op\":\"remove\"}]"))
        .withMessageContaining("line 1")
        .withMessageContaining("Duplicate field 'op'");
  }

  @Test
  void operationThatIsNotAnObjectIsNamedByIndex() {
    assertThatExceptionOfType(JsonPatchException.class)
        .isThrownBy(() -> JsonPatch.parse("[{\"op\":\"remove\",\"path\":\"/a\"},[\"remove\",\"/b\"]]"))
        .withMessage("Operation 1 must be a JSON object, but is a JSON array")
        .satisfies(e -> assertThat(e.operationIndex()).isEqualTo(1));
  }

  @Test
  void missingOpIsRefused() {
    assertThatExceptionOfType(JsonPatchException.class)
        .isThrownBy(() -> JsonPatch.parse("[{\"path\":\"/a\"}]"))
        .withMessage("Operation 0 has no \"op\" member")
        .satisfies(e -> assertThat(e.operationIndex()).isZero());
  }

  @Test
  void unknownOpIsRefusedListingTheKnownOnes() {
    assertThatExceptionOfType(JsonPatchException.class)
        .isThrownBy(() -> JsonPatch.parse("[{\"op\":\"remove\",\"path\":\"/a\"},{\"op\":\"merge\",\"path\":\"/a\"}]"))
        .withMessage("Operation 1 has op \"merge\", which is not one of "
            + "\"add\", \"remove\", \"replace\", \"move\", \"copy\", \"test\"")
        .satisfies(e -> assertThat(e.operationIndex()).isEqualTo(1));
  }

  @Test
  void opNamesAreCaseSensitiveAndMustBeStrings() {
    assertThatExceptionOfType(JsonPatchException.class)
        .isThrownBy(() -> JsonPatch.parse("[{\"op\":\"ADD\",\"path\":\"/a\",\"value\":1}]"))
        .withMessageContaining("has op \"ADD\"");
    assertThatExceptionOfType(JsonPatchException.class)
        .isThrownBy(() -> JsonPatch.parse("[{\"op\":1,\"path\":\"/a\",\"value\":1}]"))
        .withMessageContaining("has op 1");
  }

  @Test
  void missingPathIsRefused() {
    assertThatExceptionOfType(JsonPatchException.class)
        .isThrownBy(() -> JsonPatch.parse("[{\"op\":\"remove\",\"path\":\"/a\"},{\"op\":\"remove\"}]"))
        .withMessage("Operation 1 (remove) has no \"path\" member")
        .satisfies(e -> assertThat(e.operationIndex()).isEqualTo(1));
  }

  @Test
  void pathThatIsNotAStringIsRefused() {
    assertThatExceptionOfType(JsonPatchException.class)
        .isThrownBy(() -> JsonPatch.parse("[{\"op\":\"remove\",\"path\":[\"a\"]}]"))
        .withMessage("Operation 0 (remove) has a \"path\" that is a JSON array, not a string");
  }

  @Test
  void invalidPointerIsRefusedWithThePointerProblem() {
    assertThatExceptionOfType(JsonPatchException.class)
        .isThrownBy(() -> JsonPatch.parse("[{\"op\":\"copy\",\"from\":\"a\",\"path\":\"/b\"}]"))
        .withMessage("Operation 0 (copy) has an invalid \"from\": JSON pointer \"a\" must be empty or start with '/'")
        .satisfies(e -> {
          assertThat(e.operationIndex()).isZero();
          assertThat(e.pointer()).isEmpty();
        });
  }

  @Test
  void addReplaceAndTestWithoutValueAreRefused() {
    for (String op : List.of("add", "replace", "test")) {
      assertThatExceptionOfType(JsonPatchException.class)
          .isThrownBy(() -> JsonPatch.parse("[{\"op\":\"" + op + "\",\"path\":\"/a\"}]"))
          .withMessage("Operation 0 (" + op + ") has no \"value\" member");
    }
  }

  @Test
  void moveAndCopyWithoutFromAreRefused() {
    for (String op : List.of("move", "copy")) {
      assertThatExceptionOfType(JsonPatchException.class)
          .isThrownBy(() -> JsonPatch.parse("[{\"op\":\"" + op + "\",\"path\":\"/a\"}]"))
          .withMessage("Operation 0 (" + op + ") has no \"from\" member");
    }
  }
}
