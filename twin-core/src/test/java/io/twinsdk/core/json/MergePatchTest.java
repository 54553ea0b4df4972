package io.twinsdk.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import io.twinsdk.core.json.MergePatch.State;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergePatchTest {

  private static JsonNode json(String text) {
    return Json.parse(text);
  }

  @Test
  void setWritesValuesAndDeleteWritesNull() {
    MergePatch patch = MergePatch.builder().set("a", 1).set("b", "text").delete("c").build();

    assertThat(patch.toJson()).isEqualTo("{\"a\":1,\"b\":\"text\",\"c\":null}");
  }

  @Test
  void nestedBuilderDescribesChangesInsideAnObject() {
    MergePatch patch = MergePatch.builder()
        .set("targetTemperature", 21.5)
        .object("climate", climate -> climate
            .set("fanOn", true)
            .object("hvac", hvac -> hvac.delete("schedule")))
        .build();

    assertThat(patch.toJson())
        .isEqualTo("{\"targetTemperature\":21.5,\"climate\":{\"fanOn\":true,\"hvac\":{\"schedule\":null}}}");
  }

  @Test
  void objectCalledTwiceForOneKeyAddsToTheSameLevel() {
    MergePatch patch = MergePatch.builder()
        .object("climate", climate -> climate.set("fanOn", true))
        .object("climate", climate -> climate.delete("mode"))
        .build();

    assertThat(patch.toJson()).isEqualTo("{\"climate\":{\"fanOn\":true,\"mode\":null}}");
  }

  @Test
  void emptyNestedObjectIsKeptBecauseItMakesTheTargetMemberAnObject() {
    MergePatch patch = MergePatch.builder().object("a", a -> { }).build();

    assertThat(patch.toJson()).isEqualTo("{\"a\":{}}");
    assertThat(patch.stateOf("a")).isEqualTo(State.SET);
    assertThat(patch.applyTo(json("{\"a\":5}"))).isEqualTo(json("{\"a\":{}}"));
  }

  @Test
  void settingAnObjectValueSetsEachOfItsMembers() {
    MergePatch patch = MergePatch.builder()
        .set("climate", Map.of("fanOn", true))
        .object("climate", climate -> climate.delete("mode"))
        .build();

    assertThat(patch.toJsonNode()).isEqualTo(json("{\"climate\":{\"fanOn\":true,\"mode\":null}}"));
  }

  @Test
  void settingAJavaNullIsRefusedWithAPointerToDelete() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MergePatch.builder().set("fanOn", null))
        .withMessage("Value for \"/fanOn\" is null; a merge patch has no null values, only deletions:"
            + " use delete(\"fanOn\") to delete the key");
  }

  @Test
  void settingANullInsideANestedObjectNamesTheFullPath() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MergePatch.builder().object("climate", climate -> climate.set("fanOn", null)))
        .withMessage("Value for \"/climate/fanOn\" is null; a merge patch has no null values, only deletions:"
            + " use delete(\"fanOn\") inside object(\"climate\", ...) to delete the key");
  }

  @Test
  void settingAJsonNullIsRefusedLikeAJavaNull() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MergePatch.builder().set("a", NullNode.getInstance()))
        .withMessageContaining("use delete(\"a\")");
  }

  @Test
  void settingAnObjectThatContainsANullIsRefused() {
    ObjectNode value = (ObjectNode) json("{\"fanOn\":true,\"mode\":null}");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> MergePatch.builder().set("climate", value))
        .withMessageStartingWith("Value for \"/climate/mode\" is null");
  }

  @Test
  void nullsInsideArraysAreValues() {
    MergePatch patch = MergePatch.builder().set("list", Arrays.asList(1, null)).build();

    assertThat(patch.toJson()).isEqualTo("{\"list\":[1,null]}");
  }

  @Test
  void setThenDeleteOfOneKeyIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MergePatch.builder().set("a", 1).delete("a"))
        .withMessage("Key \"/a\" is already set to 1; it cannot also be deleted");
  }

  @Test
  void deleteThenSetOfOneKeyIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MergePatch.builder().delete("a").set("a", 1))
        .withMessage("Key \"/a\" is already deleted; it cannot also be set to 1");
  }

  @Test
  void settingOneKeyToTwoDifferentValuesIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MergePatch.builder().set("a", 1).set("a", "one"))
        .withMessage("Key \"/a\" is already set to 1; it cannot also be set to \"one\"");
  }

  @Test
  void repeatingTheSameStateIsAccepted() {
    MergePatch patch = MergePatch.builder().set("a", 1).set("a", json("1.0")).delete("b").delete("b").build();

    assertThat(patch.toJson()).isEqualTo("{\"a\":1,\"b\":null}");
  }

  @Test
  void deletedKeyCannotAlsoHaveNestedChanges() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MergePatch.builder().delete("climate").object("climate", c -> c.set("fanOn", true)))
        .withMessage("Key \"/climate\" is already deleted; it cannot also have members");
  }

  @Test
  void keyWithNestedChangesCannotAlsoBeDeletedOrSetToAScalar() {
    MergePatch.Builder builder = MergePatch.builder().object("climate", c -> c.set("fanOn", true));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.delete("climate"))
        .withMessage("Key \"/climate\" already has changes nested inside it; it cannot also be deleted");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.set("climate", "off"))
        .withMessage("Key \"/climate\" already has changes nested inside it; it cannot also be set to \"off\"");
  }

  @Test
  void keySetToAScalarCannotAlsoBeSetToAnObject() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MergePatch.builder().set("climate", "off").set("climate", Map.of("fanOn", true)))
        .withMessage("Key \"/climate\" is already set to \"off\"; it cannot also be set to {\"fanOn\":true}");
  }

  @Test
  void conflictsDeepInsideNameTheFullPath() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MergePatch.builder()
            .object("a", a -> a.object("b", b -> b.set("c", 1)))
            .set("a", Map.of("b", Map.of("c", 2))))
        .withMessage("Key \"/a/b/c\" is already set to 1; it cannot also be set to 2");
  }

  @Test
  void beanWithANullPropertyIsRefusedBecauseNullWouldDelete() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MergePatch.builder().set("setpoint", new Setpoint(null)))
        .withMessageStartingWith("Value for \"/setpoint/mode\" is null");
  }

  /** A bean value whose property may be null. */
  public static final class Setpoint {
    private final String mode;

    Setpoint(String mode) {
      this.mode = mode;
    }

    public String getMode() {
      return mode;
    }
  }

  @Test
  void stateOfTellsAbsentSetAndDeletedApart() {
    MergePatch patch = MergePatch.builder()
        .set("a", 1)
        .delete("b")
        .object("c", c -> c.set("d", List.of(1)).delete("e"))
        .build();

    assertThat(patch.stateOf("a")).isEqualTo(State.SET);
    assertThat(patch.stateOf("b")).isEqualTo(State.DELETED);
    assertThat(patch.stateOf("c")).isEqualTo(State.SET);
    assertThat(patch.stateOf("c", "d")).isEqualTo(State.SET);
    assertThat(patch.stateOf("c", "e")).isEqualTo(State.DELETED);
    assertThat(patch.stateOf("c", "f")).isEqualTo(State.ABSENT);
    assertThat(patch.stateOf("z")).isEqualTo(State.ABSENT);
  }

  @Test
  void stateOfAKeyUnderADeletedOrScalarKeyIsAbsent() {
    MergePatch patch = MergePatch.builder().delete("gone").set("scalar", 1).set("list", List.of(1)).build();

    assertThat(patch.stateOf("gone", "x")).isEqualTo(State.ABSENT);
    assertThat(patch.stateOf("scalar", "x")).isEqualTo(State.ABSENT);
    assertThat(patch.stateOf("list", "0")).isEqualTo(State.ABSENT);
  }

  @Test
  void stateOfNeedsAtLeastOneKey() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MergePatch.empty().stateOf())
        .withMessage("path must name at least one key");
  }

  @Test
  void patchWithoutKeysIsEmpty() {
    assertThat(MergePatch.builder().build().isEmpty()).isTrue();
    assertThat(MergePatch.empty().isEmpty()).isTrue();
    assertThat(MergePatch.of(json("{}")).isEmpty()).isTrue();
    assertThat(MergePatch.builder().delete("a").build().isEmpty()).isFalse();
  }

  @Test
  void ofReadsNullMembersAsDeletions() {
    MergePatch patch = MergePatch.of(json("{\"a\":{\"b\":null,\"c\":2},\"d\":null}"));

    assertThat(patch.stateOf("a", "b")).isEqualTo(State.DELETED);
    assertThat(patch.stateOf("a", "c")).isEqualTo(State.SET);
    assertThat(patch.stateOf("d")).isEqualTo(State.DELETED);
    assertThat(patch).isEqualTo(MergePatch.builder()
        .object("a", a -> a.delete("b").set("c", 2))
        .delete("d")
        .build());
  }

  @Test
  void ofRefusesADocumentThatIsNotAnObject() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MergePatch.of(json("[1]")))
        .withMessage("A merge patch must be a JSON object, but patch is a JSON array");
  }

  @Test
  void ofCopiesItsInput() {
    ObjectNode document = (ObjectNode) json("{\"a\":1}");
    MergePatch patch = MergePatch.of(document);

    document.put("a", 2);

    assertThat(patch.toJson()).isEqualTo("{\"a\":1}");
  }

  @Test
  void applyToMergesIntoTheTargetWithoutModifyingIt() {
    JsonNode twin =
        json("{\"targetTemperature\":20,\"climate\":{\"fanOn\":false,\"schedule\":[1,2],\"mode\":\"eco\"}}");
    JsonNode before = twin.deepCopy();
    MergePatch patch = MergePatch.builder()
        .set("targetTemperature", 21.5)
        .object("climate", climate -> climate.set("fanOn", true).delete("schedule"))
        .build();

    JsonNode result = patch.applyTo(twin);

    assertThat(result)
        .isEqualTo(json("{\"targetTemperature\":21.5,\"climate\":{\"fanOn\":true,\"mode\":\"eco\"}}"));
    assertThat(twin).isEqualTo(before);
  }

  @Test
  void builderChangesAfterBuildDoNotReachTheBuiltPatch() {
    MergePatch.Builder builder = MergePatch.builder().object("a", a -> a.set("b", 1));
    MergePatch first = builder.build();

    builder.object("a", a -> a.set("c", 2));

    assertThat(first.toJson()).isEqualTo("{\"a\":{\"b\":1}}");
    assertThat(builder.build().toJson()).isEqualTo("{\"a\":{\"b\":1,\"c\":2}}");
  }

  @Test
  void toJsonNodeIsACopyTheCallerMayModify() {
    MergePatch patch = MergePatch.builder().set("a", 1).build();

    ((ObjectNode) patch.toJsonNode()).put("a", 2);

    assertThat(patch.toJson()).isEqualTo("{\"a\":1}");
  }

  @Test
  void patchesWithTheSameDocumentAreEqual() {
    MergePatch built = MergePatch.builder().set("a", 1).delete("b").build();
    MergePatch read = MergePatch.of(json("{\"b\":null,\"a\":1}"));

    assertThat(read).isEqualTo(built);
    assertThat(read.hashCode()).isEqualTo(built.hashCode());
    assertThat(MergePatch.builder().set("a", 2).delete("b").build()).isNotEqualTo(built);
    assertThat(built).hasToString("{\"a\":1,\"b\":null}");
  }
}
