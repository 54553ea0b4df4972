package io.twinsdk.core.digitaltwin;

import static io.twinsdk.core.digitaltwin.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.core.internal.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BasicDigitalTwinComponentTest {

  @Test
  void builtComponentAlwaysCarriesMetadataLast() {
    BasicDigitalTwinComponent component = BasicDigitalTwinComponent.builder()
        .property("RouterName", "Cisco1")
        .property("Network", "Room1")
        .build();

    assertSameJson(Json.write(component), "{\"RouterName\":\"Cisco1\",\"Network\":\"Room1\",\"$metadata\":{}}");
  }

  @Test
  void metadataHoldsLastUpdateTimeAndEntriesButNoModel() throws Exception {
    String json = "{\"$metadata\":{\"$model\":\"dtmi:ignored;1\",\"$lastUpdateTime\":\"2023-07-20T06:37:41.4519025Z\","
        + "\"Network\":{\"lastUpdateTime\":\"2023-07-20T06:37:41.4519025Z\"}},\"Network\":\"Room1\"}";

    BasicDigitalTwinComponent component = Json.mapper().readValue(json, BasicDigitalTwinComponent.class);

    assertThat(component.lastUpdateTime()).contains(Instant.parse("2023-07-20T06:37:41.4519025Z"));
    assertThat(component.propertyMetadata("Network").flatMap(DigitalTwinPropertyMetadata::lastUpdateTimeText))
        .contains("2023-07-20T06:37:41.4519025Z");
    assertSameJson(Json.write(component), "{\"$metadata\":{\"$lastUpdateTime\":\"2023-07-20T06:37:41.4519025Z\","
        + "\"Network\":{\"lastUpdateTime\":\"2023-07-20T06:37:41.4519025Z\"}},\"Network\":\"Room1\"}");
  }

  @Test
  void toBuilderUpdatesPropertiesAndMetadata() {
    BasicDigitalTwinComponent component = BasicDigitalTwinComponent.builder().property("Network", "Room1").build();

    BasicDigitalTwinComponent changed = component.toBuilder()
        .property("Network", "Room2")
        .lastUpdateTime(Instant.parse("2024-01-01T00:00:00Z"))
        .propertyMetadata("Network", DigitalTwinPropertyMetadata.builder().lastUpdateTime("2024-01-01T00:00:00Z").build())
        .build();

    assertThat(changed.property("Network", String.class)).contains("Room2");
    assertThat(changed.lastUpdateTimeText()).contains("2024-01-01T00:00:00.0000000Z");
    assertThat(changed.propertyMetadata().keySet()).containsExactly("Network");
    assertThat(component.property("Network", String.class)).contains("Room1");
    assertThat(changed.toBuilder().removePropertyMetadata("Network").remove("Network").build().contents()).isEmpty();
  }

  @Test
  void builderRefusesTheMetadataName() {
    assertThatThrownBy(() -> BasicDigitalTwinComponent.builder().property("$metadata", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name \"$metadata\" is reserved");
  }
}
