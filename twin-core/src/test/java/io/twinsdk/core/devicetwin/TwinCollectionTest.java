package io.twinsdk.core.devicetwin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TwinCollectionTest {

  private static final Instant T0 = Instant.parse("2019-01-14T08:54:15.599Z");
  private static final Instant T1 = Instant.parse("2024-05-06T07:08:09.010Z");
  private static final String T0_TEXT = "2019-01-14T08:54:15.599Z";
  private static final String T1_TEXT = "2024-05-06T07:08:09.010Z";

  private static JsonNode json(String text) {
    return Json.parse(text);
  }

  /** A desired section at version 4 in which every level was written at T0 by version 4. */
  private static TwinCollection sectionAtVersion4() {
    return TwinCollection.fromJson("{\"a\":{\"b\":1,\"c\":2},\"d\":3,\"$version\":4,\"$metadata\":{"
        + "\"$lastUpdated\":\"" + T0_TEXT + "\",\"$lastUpdatedVersion\":4,"
        + "\"a\":{\"$lastUpdated\":\"" + T0_TEXT + "\",\"$lastUpdatedVersion\":4,"
        + "\"b\":{\"$lastUpdated\":\"" + T0_TEXT + "\",\"$lastUpdatedVersion\":4},"
        + "\"c\":{\"$lastUpdated\":\"" + T0_TEXT + "\",\"$lastUpdatedVersion\":4}},"
        + "\"d\":{\"$lastUpdated\":\"" + T0_TEXT + "\",\"$lastUpdatedVersion\":4}}}");
  }

  private static TwinMetadata metadataAt(TwinCollection section, String... path) {
    TwinMetadata level = section.metadata().orElseThrow();
    for (String key : path) {
      level = level.child(key).orElseThrow(() -> new AssertionError("no metadata for " + key));
    }
    return level;
  }

  private static void assertStamped(TwinMetadata metadata, String text, long version) {
    assertThat(metadata.lastUpdatedText()).isEqualTo(text);
    assertThat(metadata.lastUpdatedVersion()).isEqualTo(OptionalLong.of(version));
  }

  @Nested
  class JsonText {

    @Test
    void desiredNotificationRoundTripsExactly() {
      String original = Documents.compact("desired-notification.json");

      TwinCollection notification = TwinCollection.fromJson(original);

      assertThat(notification.toJson()).isEqualTo(original);
      assertThat(notification.version()).isEqualTo(OptionalLong.of(8));
      assertThat(notification.keys()).containsExactly("telemetrySendFrequency", "route");
      assertThat(notification.get("route")).contains(NullNode.getInstance());
      assertThat(notification.metadata()).isEmpty();
    }

    @Test
    void sharedMapperReadsAndWritesCollections() throws Exception {
      String original = Documents.compact("desired-notification.json");

      TwinCollection notification = Json.mapper().readValue(original, TwinCollection.class);

      assertThat(Json.mapper().writeValueAsString(notification)).isEqualTo(original);
    }

    @Test
    void metadataBeforeVersionAndSevenDigitFractionsRoundTripExactly() {
      String original = "{\"key1\":{\"key2\":\"val2\"},\"$metadata\":{\"$lastUpdated\":\"2020-01-30T17:35:15.4242828Z\","
          + "\"$lastUpdatedVersion\":22,\"key1\":{\"$lastUpdated\":\"2020-01-30T17:35:15.4242828Z\","
          + "\"$lastUpdatedVersion\":22,\"key2\":{\"$lastUpdated\":\"2020-01-30T17:35:15.4242828Z\","
          + "\"$lastUpdatedVersion\":22}}},\"$version\":22}";

      TwinCollection section = TwinCollection.fromJson(original);

      assertThat(section.toJson()).isEqualTo(original);
      assertThat(metadataAt(section, "key1", "key2").lastUpdated())
          .isEqualTo(Instant.parse("2020-01-30T17:35:15.424282800Z"));
    }

    @Test
    void numberFormsAndExplicitNullsRoundTrip() {
      String original = "{\"hum\":75.0,\"ratio\":1.10,\"big\":12345678901234567890,\"neg\":-3,\"gone\":null,"
          + "\"list\":[1,2.50,\"x\",{\"y\":false}],\"$version\":null}";

      TwinCollection collection = TwinCollection.fromJson(original);

      assertThat(collection.toJson()).isEqualTo(original);
      assertThat(collection.version()).isEmpty();
    }

    @Test
    void derivedCollectionWritesMembersThenVersionThenMetadata() {
      TwinCollection parsed = TwinCollection.fromJson(
          "{\"$metadata\":{\"$lastUpdated\":\"" + T0_TEXT + "\"},\"$version\":3,\"a\":1}");

      TwinCollection derived = parsed.with("b", 2);

      assertThat(derived.toJson()).isEqualTo(
          "{\"a\":1,\"b\":2,\"$version\":3,\"$metadata\":{\"$lastUpdated\":\"" + T0_TEXT + "\"}}");
    }

    @Test
    void membersToJsonNodeLeavesOutBookkeeping() {
      TwinCollection section = sectionAtVersion4();

      assertThat(section.membersToJsonNode()).isEqualTo(json("{\"a\":{\"b\":1,\"c\":2},\"d\":3}"));
    }

    @Test
    void nonObjectIsRefused() {
      assertThatThrownBy(() -> TwinCollection.fromJson("[1,2]"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must be a JSON object");
    }

    @Test
    void nonIntegerVersionIsRefused() {
      assertThatThrownBy(() -> TwinCollection.fromJson("{\"$version\":\"4\"}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("$version must be an integer");
    }

    @Test
    void malformedJsonIsRefused() {
      assertThatThrownBy(() -> TwinCollection.fromJson("{\"a\":1,\"a\":2}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Malformed JSON");
    }
  }

  @Nested
  class Values {

    @Test
    void withAcceptsPlainJavaValuesAndEqualsTheParsedForm() {
      TwinCollection built = TwinCollection.empty()
          .with("temp", 21.5)
          .with("count", 3)
          .with("on", true)
          .with("name", "pump")
          .with("limits", Map.of("max", 80))
          .with("tags", List.of("a", "b"))
          .with("removed", null);

      TwinCollection parsed = TwinCollection.fromJson("{\"temp\":21.5,\"count\":3,\"on\":true,\"name\":\"pump\","
          + "\"limits\":{\"max\":80},\"tags\":[\"a\",\"b\"],\"removed\":null}");

      assertThat(built).isEqualTo(parsed).hasSameHashCodeAs(parsed);
      assertThat(built.toJson()).isEqualTo(parsed.toJson());
    }

    @Test
    void withKeepsThePositionOfAnExistingKey() {
      TwinCollection collection = TwinCollection.fromJson("{\"a\":1,\"b\":2,\"c\":3}");

      assertThat(collection.with("b", 20).keys()).containsExactly("a", "b", "c");
      assertThat(collection.without("b").keys()).containsExactly("a", "c");
    }

    @Test
    void valuesCannotBeChangedThroughArgumentsOrResults() {
      ObjectNode value = (ObjectNode) json("{\"x\":1}");
      TwinCollection collection = TwinCollection.empty().with("o", value);

      value.put("x", 2);
      ((ObjectNode) collection.get("o").orElseThrow()).put("x", 3);
      ((ObjectNode) collection.toJsonNode().get("o")).put("x", 4);

      assertThat(collection.get("o")).contains(json("{\"x\":1}"));
    }

    @Test
    void bookkeepingKeysAreNotProperties() {
      assertThatThrownBy(() -> TwinCollection.empty().with("$version", 3))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("withVersion");
      assertThatThrownBy(() -> TwinCollection.empty().with("$metadata", Map.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nanIsRefused() {
      assertThatThrownBy(() -> TwinCollection.empty().with("x", Double.NaN))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionAndMetadataCanBeSetAndRemoved() {
      TwinMetadata metadata = TwinMetadata.of(T0, 2);

      TwinCollection collection = TwinCollection.empty().with("a", 1).withVersion(2).withMetadata(metadata);

      assertThat(collection.version()).isEqualTo(OptionalLong.of(2));
      assertThat(collection.metadata()).contains(metadata);
      assertThat(collection.withoutVersion().version()).isEmpty();
      assertThat(collection.withoutMetadata().metadata()).isEmpty();
      assertThat(collection.withoutVersion().withoutMetadata()).isEqualTo(TwinCollection.empty().with("a", 1));
    }

    @Test
    void negativeVersionIsRefused() {
      assertThatThrownBy(() -> TwinCollection.empty().withVersion(-1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("-1");
    }

    @Test
    void emptyMeansNoPropertiesWhateverTheBookkeeping() {
      assertThat(TwinCollection.newSection(T0).isEmpty()).isTrue();
      assertThat(TwinCollection.newSection(T0).size()).isZero();
      assertThat(TwinCollection.empty().with("a", 1).isEmpty()).isFalse();
      assertThat(TwinCollection.empty().with("a", 1).containsKey("a")).isTrue();
      assertThat(TwinCollection.empty().get("a")).isEmpty();
    }
  }

  @Nested
  class Bookkeeping {

    @Test
    void freshSectionHasVersionOneAndCreationTime() {
      TwinCollection section = TwinCollection.newSection(T0);

      assertThat(section.toJson()).isEqualTo("{\"$version\":1,\"$metadata\":{\"$lastUpdated\":\"" + T0_TEXT + "\"}}");
    }

    @Test
    void firstPatchOfFreshSectionGivesVersionTwo() {
      TwinCollection section = TwinCollection.newSection(T0);

      TwinCollection patched = section.applyPatch(json("{\"fw\":\"1.2.1\"}"), T1);

      assertThat(patched.toJson()).isEqualTo("{\"fw\":\"1.2.1\",\"$version\":2,\"$metadata\":{"
          + "\"$lastUpdated\":\"" + T1_TEXT + "\",\"$lastUpdatedVersion\":2,"
          + "\"fw\":{\"$lastUpdated\":\"" + T1_TEXT + "\",\"$lastUpdatedVersion\":2}}}");
    }

    @Test
    void nestedPatchStampsTouchedLevelsAndKeepsUntouchedOnes() {
      TwinCollection section = sectionAtVersion4();

      TwinCollection patched = section.applyPatch(json("{\"a\":{\"b\":10}}"), T1);

      assertThat(patched.membersToJsonNode()).isEqualTo(json("{\"a\":{\"b\":10,\"c\":2},\"d\":3}"));
      assertThat(patched.version()).isEqualTo(OptionalLong.of(5));
      assertStamped(metadataAt(patched), T1_TEXT, 5);
      assertStamped(metadataAt(patched, "a"), T1_TEXT, 5);
      assertStamped(metadataAt(patched, "a", "b"), T1_TEXT, 5);
      assertStamped(metadataAt(patched, "a", "c"), T0_TEXT, 4);
      assertStamped(metadataAt(patched, "d"), T0_TEXT, 4);
    }

    @Test
    void deletionsRemoveMembersAndTheirMetadataAtEveryLevel() {
      TwinCollection section = sectionAtVersion4();

      TwinCollection patched = section.applyPatch(json("{\"d\":null,\"a\":{\"c\":null},\"never\":null}"), T1);

      assertThat(patched.membersToJsonNode()).isEqualTo(json("{\"a\":{\"b\":1}}"));
      assertThat(metadataAt(patched).children()).containsOnlyKeys("a");
      assertThat(metadataAt(patched, "a").children()).containsOnlyKeys("b");
      assertStamped(metadataAt(patched, "a"), T1_TEXT, 5);
      assertStamped(metadataAt(patched, "a", "b"), T0_TEXT, 4);
    }

    @Test
    void objectReplacingScalarGetsFreshMetadataForItsWholeSubtree() {
      TwinCollection section = sectionAtVersion4();

      TwinCollection patched = section.applyPatch(json("{\"d\":{\"x\":{\"y\":1},\"skip\":null}}"), T1);

      assertThat(patched.membersToJsonNode().get("d")).isEqualTo(json("{\"x\":{\"y\":1}}"));
      assertThat(metadataAt(patched, "d").children()).containsOnlyKeys("x");
      assertStamped(metadataAt(patched, "d", "x", "y"), T1_TEXT, 5);
    }

    @Test
    void scalarReplacingObjectDropsTheObjectsChildMetadata() {
      TwinCollection section = sectionAtVersion4();

      TwinCollection patched = section.applyPatch(json("{\"a\":[1,2]}"), T1);

      assertThat(patched.membersToJsonNode().get("a")).isEqualTo(json("[1,2]"));
      assertThat(metadataAt(patched, "a").children()).isEmpty();
      assertStamped(metadataAt(patched, "a"), T1_TEXT, 5);
    }

    @Test
    void touchedLevelsForgetTheConfigurationThatWroteThem() {
      TwinCollection section = TwinCollection.fromJson("{\"a\":{\"b\":1},\"c\":2,\"$version\":9,\"$metadata\":{"
          + "\"$lastUpdated\":\"" + T0_TEXT + "\",\"$lastUpdatedVersion\":9,\"$lastUpdatedBy\":\"cfg\","
          + "\"$lastUpdatedByDigest\":\"42\",\"a\":{\"$lastUpdated\":\"" + T0_TEXT + "\",\"$lastUpdatedBy\":\"cfg\"},"
          + "\"c\":{\"$lastUpdated\":\"" + T0_TEXT + "\",\"$lastUpdatedBy\":\"cfg\"}}}");

      TwinCollection patched = section.applyPatch(json("{\"a\":{\"b\":2}}"), T1);

      assertThat(metadataAt(patched).lastUpdatedBy()).isEmpty();
      assertThat(metadataAt(patched).lastUpdatedByDigest()).isEmpty();
      assertThat(metadataAt(patched, "a").lastUpdatedBy()).isEmpty();
      assertThat(metadataAt(patched, "c").lastUpdatedBy()).contains("cfg");
    }

    @Test
    void sectionWithoutMetadataGainsMetadataForWhatThePatchTouches() {
      TwinCollection section = TwinCollection.fromJson("{\"old\":1,\"$version\":12}");

      TwinCollection patched = section.applyPatch(json("{\"new\":2}"), T1);

      assertThat(metadataAt(patched).children()).containsOnlyKeys("new");
      assertStamped(metadataAt(patched), T1_TEXT, 13);
    }

    @Test
    void emptyPatchChangesNothing() {
      TwinCollection section = sectionAtVersion4();

      assertThat(section.applyPatch(json("{}"), T1)).isSameAs(section);
    }

    @Test
    void patchLeavesTheOriginalSectionUnchanged() {
      TwinCollection section = sectionAtVersion4();
      String before = section.toJson();

      section.applyPatch(json("{\"a\":{\"b\":null},\"d\":null}"), T1);

      assertThat(section.toJson()).isEqualTo(before);
    }

    @Test
    void stampIsTruncatedToMilliseconds() {
      TwinCollection patched = TwinCollection.newSection(T0)
          .applyPatch(json("{\"a\":1}"), Instant.parse("2024-05-06T07:08:09.010999999Z"));

      assertThat(metadataAt(patched).lastUpdatedText()).isEqualTo(T1_TEXT);
    }

    @Test
    void patchWithBookkeepingKeysIsRefused() {
      TwinCollection section = sectionAtVersion4();

      assertThatThrownBy(() -> section.applyPatch(json("{\"$version\":7}"), T1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("$version");
      assertThatThrownBy(() -> section.applyPatch(json("[1]"), T1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("patch must be a JSON object");
    }

    @Test
    void unversionedCollectionCannotBeVersionPatched() {
      TwinCollection tags = TwinCollection.fromJson("{\"site\":\"A\"}");

      assertThatThrownBy(() -> tags.applyPatch(json("{\"site\":\"B\"}"), T1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("merge");
    }

    @Test
    void mergeChangesPropertiesOnlyAndDropsStaleMetadata() {
      TwinCollection section = sectionAtVersion4();

      TwinCollection merged = section.merge(json("{\"a\":{\"c\":null,\"e\":5},\"d\":null}"));

      assertThat(merged.membersToJsonNode()).isEqualTo(json("{\"a\":{\"b\":1,\"e\":5}}"));
      assertThat(merged.version()).isEqualTo(OptionalLong.of(4));
      assertThat(merged.metadata()).isEmpty();
    }

    @Test
    void replaceNotifiesEveryNewKeyAndNullsForRemovedKeys() {
      TwinCollection section = sectionAtVersion4();

      TwinCollection.Replacement replacement = section.replace(json("{\"e\":100,\"a\":{\"b\":1,\"c\":20}}"), T1);

      assertThat(replacement.notification()).isEqualTo(json("{\"d\":null,\"a\":{\"b\":1,\"c\":20},\"e\":100}"));
      TwinCollection replaced = replacement.section();
      assertThat(replaced.keys()).containsExactly("e", "a");
      assertThat(replaced.membersToJsonNode()).isEqualTo(json("{\"e\":100,\"a\":{\"b\":1,\"c\":20}}"));
      assertThat(replaced.version()).isEqualTo(OptionalLong.of(5));
      assertStamped(metadataAt(replaced), T1_TEXT, 5);
      assertStamped(metadataAt(replaced, "a"), T1_TEXT, 5);
      assertStamped(metadataAt(replaced, "a", "b"), T0_TEXT, 4);
      assertStamped(metadataAt(replaced, "a", "c"), T1_TEXT, 5);
      assertStamped(metadataAt(replaced, "e"), T1_TEXT, 5);
      assertThat(metadataAt(replaced).children()).doesNotContainKey("d");
    }

    @Test
    void replaceTreatsNullMembersAsAbsent() {
      TwinCollection section = sectionAtVersion4();

      TwinCollection.Replacement replacement = section.replace(json("{\"d\":3,\"a\":null,\"z\":{\"q\":null}}"), T1);

      assertThat(replacement.section().membersToJsonNode()).isEqualTo(json("{\"d\":3,\"z\":{}}"));
      assertThat(replacement.notification()).isEqualTo(json("{\"a\":null,\"d\":3,\"z\":{}}"));
    }

    @Test
    void replaceWithSameContentStillBumpsVersionAndNotifiesEveryKey() {
      TwinCollection section = sectionAtVersion4();

      TwinCollection.Replacement replacement = section.replace(section.membersToJsonNode(), T1);

      assertThat(replacement.notification()).isEqualTo(section.membersToJsonNode());
      assertThat(replacement.section().version()).isEqualTo(OptionalLong.of(5));
      assertStamped(metadataAt(replacement.section(), "d"), T0_TEXT, 4);
    }

    @Test
    void replaceOfUnversionedCollectionIsRefused() {
      assertThatThrownBy(() -> TwinCollection.empty().replace(json("{}"), T1))
          .isInstanceOf(IllegalStateException.class);
    }
  }
}
