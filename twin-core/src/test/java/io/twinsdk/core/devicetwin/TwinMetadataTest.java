package io.twinsdk.core.devicetwin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.core.internal.Json;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TwinMetadataTest {

  @Test
  void parsesEveryBookkeepingMemberAndChildren() {
    String json = "{\"$lastUpdated\":\"2018-06-29T17:40:02.0234765Z\",\"$lastUpdatedVersion\":7,"
        + "\"$lastUpdatedBy\":\"firmware-rollout\",\"$lastUpdatedByDigest\":\"636658416020234765\","
        + "\"fw\":{\"$lastUpdated\":\"2018-06-29T17:40:02.0234765Z\",\"$lastUpdatedVersion\":7}}";

    TwinMetadata metadata = TwinMetadata.fromJsonNode(Json.parse(json));

    assertThat(metadata.lastUpdatedText()).isEqualTo("2018-06-29T17:40:02.0234765Z");
    assertThat(metadata.lastUpdated()).isEqualTo(Instant.parse("2018-06-29T17:40:02.023476500Z"));
    assertThat(metadata.lastUpdatedVersion()).isEqualTo(OptionalLong.of(7));
    assertThat(metadata.lastUpdatedBy()).contains("firmware-rollout");
    assertThat(metadata.lastUpdatedByDigest()).contains("636658416020234765");
    assertThat(metadata.children()).containsOnlyKeys("fw");
    assertThat(metadata.child("fw").orElseThrow().lastUpdatedBy()).isEmpty();
    assertThat(metadata.toJson()).isEqualTo(json);
  }

  @Test
  void explicitNullVersionAndUnknownBookkeepingMembersRoundTrip() {
    String json = "{\"$lastUpdated\":\"2018-01-15T15:34:08.299Z\",\"$lastUpdatedVersion\":null,"
        + "\"$futureField\":{\"x\":1},\"configId\":{\"$lastUpdated\":\"2018-01-15T15:34:08.299Z\"}}";

    TwinMetadata metadata = Json.mapper().convertValue(Json.parse(json), TwinMetadata.class);

    assertThat(metadata.lastUpdatedVersion()).isEmpty();
    assertThat(metadata.children()).containsOnlyKeys("configId");
    assertThat(Json.write(metadata)).isEqualTo(json);
  }

  @Test
  void timestampWithoutOffsetIsReadAsUtc() {
    TwinMetadata metadata = TwinMetadata.fromJsonNode(Json.parse("{\"$lastUpdated\":\"0001-01-01T00:00:00\"}"));

    assertThat(metadata.lastUpdated()).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    assertThat(metadata.lastUpdatedText()).isEqualTo("0001-01-01T00:00:00");
  }

  @Test
  void builtMetadataIsWrittenInHubFormatWithMilliseconds() {
    Instant now = Instant.parse("2024-03-05T06:07:08.123456789Z");

    TwinMetadata metadata = TwinMetadata.builder(now)
        .lastUpdatedVersion(3L)
        .child("a", TwinMetadata.of(Instant.parse("2024-03-05T06:07:08Z"), 2))
        .build();

    assertThat(metadata.lastUpdated()).isEqualTo(Instant.parse("2024-03-05T06:07:08.123Z"));
    assertThat(metadata.toJson()).isEqualTo("{\"$lastUpdated\":\"2024-03-05T06:07:08.123Z\","
        + "\"$lastUpdatedVersion\":3,\"a\":{\"$lastUpdated\":\"2024-03-05T06:07:08.000Z\",\"$lastUpdatedVersion\":2}}");
  }

  @Test
  void toBuilderChangesOnlyWhatIsSet() {
    TwinMetadata original = TwinMetadata.fromJsonNode(Json.parse(
        "{\"$lastUpdated\":\"2020-01-01T00:00:00.000Z\",\"$lastUpdatedBy\":\"cfg\",\"a\":{\"$lastUpdated\":"
            + "\"2020-01-01T00:00:00.000Z\"},\"b\":{\"$lastUpdated\":\"2020-01-01T00:00:00.000Z\"}}"));

    TwinMetadata changed = original.toBuilder().lastUpdatedBy(null).removeChild("a").build();

    assertThat(changed.lastUpdatedBy()).isEmpty();
    assertThat(changed.children()).containsOnlyKeys("b");
    assertThat(original.lastUpdatedBy()).contains("cfg");
    assertThat(original.children()).containsOnlyKeys("a", "b");
  }

  @Test
  void equalMetadataIsEqualWhateverItsMemberOrder() {
    TwinMetadata a = TwinMetadata.fromJsonNode(Json.parse(
        "{\"$lastUpdated\":\"2020-01-01T00:00:00.000Z\",\"$lastUpdatedVersion\":1}"));
    TwinMetadata b = TwinMetadata.fromJsonNode(Json.parse(
        "{\"$lastUpdatedVersion\":1,\"$lastUpdated\":\"2020-01-01T00:00:00.000Z\"}"));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(TwinMetadata.of(Instant.parse("2020-01-01T00:00:00Z")));
  }

  @Test
  void missingLastUpdatedIsRefusedWithItsPath() {
    assertThatThrownBy(() -> TwinMetadata.fromJsonNode(Json.parse(
        "{\"$lastUpdated\":\"2020-01-01T00:00:00Z\",\"a\":{\"b\":{\"$lastUpdatedVersion\":1}}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$metadata.a.b")
        .hasMessageContaining("$lastUpdated");
  }

  @Test
  void childThatIsNotAnObjectIsRefusedWithItsPath() {
    assertThatThrownBy(() -> TwinMetadata.fromJsonNode(Json.parse(
        "{\"$lastUpdated\":\"2020-01-01T00:00:00Z\",\"temp\":5}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$metadata.temp must be a JSON object");
  }

  @Test
  void unparseableTimestampIsRefused() {
    assertThatThrownBy(() -> TwinMetadata.fromJsonNode(Json.parse("{\"$lastUpdated\":\"yesterday\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"yesterday\"");
  }

  @Test
  void childKeyStartingWithDollarIsRefused() {
    TwinMetadata.Builder builder = TwinMetadata.builder(Instant.EPOCH);

    assertThatThrownBy(() -> builder.child("$version", TwinMetadata.of(Instant.EPOCH)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$version");
  }
}
