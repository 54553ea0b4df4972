package io.twinsdk.core.digitaltwin;

import static io.twinsdk.core.digitaltwin.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.core.internal.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DigitalTwinMetadataTest {

  @Test
  void builderWritesModelThenLastUpdateTimeThenEntries() {
    DigitalTwinMetadata metadata = DigitalTwinMetadata.builder()
        .propertyMetadata("Temperature", DigitalTwinPropertyMetadata.builder()
            .sourceTime("2022-05-31T12:00:01.000125009Z")
            .lastUpdateTime(Instant.parse("2023-07-20T06:40:46.623613299Z"))
            .build())
        .lastUpdateTime(Instant.parse("2023-07-20T06:40:46Z"))
        .model("dtmi:example:Room;1")
        .build();

    assertSameJson(Json.write(metadata), "{\"$model\":\"dtmi:example:Room;1\","
        + "\"$lastUpdateTime\":\"2023-07-20T06:40:46.0000000Z\","
        + "\"Temperature\":{\"lastUpdateTime\":\"2023-07-20T06:40:46.6236132Z\","
        + "\"sourceTime\":\"2022-05-31T12:00:01.000125009Z\"}}");
  }

  @Test
  void parsedMetadataKeepsItsOrderAndTimestampText() throws Exception {
    String json = "{\"$lastUpdateTime\":\"2022-02-28T00:30:00.1234567+01:00\",\"$model\":\"dtmi:a:b;1\","
        + "\"p\":{\"sourceTime\":\"2022-05-31T12:00:01Z\",\"lastUpdateTime\":\"2022-02-28T00:30:00.1234567Z\"}}";

    DigitalTwinMetadata metadata = Json.mapper().readValue(json, DigitalTwinMetadata.class);

    assertSameJson(Json.write(metadata), json);
    assertThat(metadata.lastUpdateTime()).contains(Instant.parse("2022-02-27T23:30:00.1234567Z"));
    assertThat(metadata.propertyMetadata("p").flatMap(DigitalTwinPropertyMetadata::sourceTimeText))
        .contains("2022-05-31T12:00:01Z");
  }

  @Test
  void unknownDollarMembersAreIgnored() throws Exception {
    DigitalTwinMetadata metadata =
        Json.mapper().readValue("{\"$model\":\"dtmi:a:b;1\",\"$future\":{\"x\":1},\"p\":{}}", DigitalTwinMetadata.class);

    assertThat(metadata.propertyMetadata().keySet()).containsExactly("p");
    assertSameJson(Json.write(metadata), "{\"$model\":\"dtmi:a:b;1\",\"p\":{}}");
  }

  @Test
  void entryNamesCannotStartWithDollar() {
    DigitalTwinPropertyMetadata entry = DigitalTwinPropertyMetadata.builder().build();

    assertThatThrownBy(() -> DigitalTwinMetadata.builder().propertyMetadata("$model", entry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name \"$model\" starts with $");
  }

  @Test
  void timestampsGivenAsTextMustBeTimestamps() {
    assertThatThrownBy(() -> DigitalTwinMetadata.builder().lastUpdateTime("2023-07-20"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("lastUpdateTime: Not an RFC 3339 timestamp");
    assertThatThrownBy(() -> DigitalTwinPropertyMetadata.builder().sourceTime("2023-07-20T06:40:46"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("sourceTime: Not an RFC 3339 timestamp");
  }

  @Test
  void toBuilderRemovesEntriesAndKeepsTheRest() {
    DigitalTwinMetadata metadata = DigitalTwinMetadata.builder()
        .model("dtmi:a:b;1")
        .propertyMetadata("a", DigitalTwinPropertyMetadata.builder().lastUpdateTime("2023-07-20T06:40:46Z").build())
        .propertyMetadata("b", DigitalTwinPropertyMetadata.builder().build())
        .build();

    DigitalTwinMetadata changed = metadata.toBuilder().removePropertyMetadata("a").build();

    assertThat(changed.propertyMetadata().keySet()).containsExactly("b");
    assertThat(changed.model()).contains("dtmi:a:b;1");
    assertThat(metadata.propertyMetadata().keySet()).containsExactly("a", "b");
    assertThat(changed.toBuilder().build()).isEqualTo(changed).hasSameHashCodeAs(changed);
  }
}
