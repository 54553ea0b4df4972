package io.twinsdk.core.devicetwin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.core.internal.Json;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TwinPropertiesTest {

  @Test
  void mqttGetResponseRoundTripsExactly() {
    String original = Documents.compact("mqtt-get-response.json");

    TwinProperties properties = TwinProperties.fromJson(original);

    assertThat(properties.toJson()).isEqualTo(original);
    assertThat(properties.desired().version()).isEqualTo(OptionalLong.of(12));
    assertThat(properties.reported().version()).isEqualTo(OptionalLong.of(123));
    assertThat(properties.reported().get("batteryLevel")).contains(Json.parse("55"));
  }

  @Test
  void sharedMapperReadsAndWritesProperties() throws Exception {
    String original = Documents.compact("mqtt-get-response.json");

    TwinProperties properties = Json.mapper().readValue(original, TwinProperties.class);

    assertThat(Json.mapper().writeValueAsString(properties)).isEqualTo(original);
  }

  @Test
  void reportedFirstOrderIsKept() {
    String original = "{\"reported\":{\"$version\":1},\"desired\":{\"$version\":1}}";

    assertThat(TwinProperties.fromJson(original).toJson()).isEqualTo(original);
  }

  @Test
  void missingSectionReadsEmptyAndIsNotWrittenBack() {
    TwinProperties properties = TwinProperties.fromJson("{\"desired\":{\"a\":1}}");

    assertThat(properties.reported()).isEqualTo(TwinCollection.empty());
    assertThat(properties.toJson()).isEqualTo("{\"desired\":{\"a\":1}}");
  }

  @Test
  void setSectionIsWrittenAndTheOtherKept() {
    TwinProperties properties = TwinProperties.fromJson("{\"desired\":{\"a\":1},\"other\":true}");

    TwinProperties changed = properties.withReported(TwinCollection.empty().with("b", 2));

    assertThat(changed.toJson()).isEqualTo("{\"desired\":{\"a\":1},\"reported\":{\"b\":2},\"other\":true}");
    assertThat(properties.reported().isEmpty()).isTrue();
  }

  @Test
  void builtPropertiesWriteDesiredThenReported() {
    TwinProperties properties = TwinProperties.of(
        TwinCollection.empty().withVersion(1), TwinCollection.empty().with("x", "y").withVersion(2));

    assertThat(properties.toJson()).isEqualTo("{\"desired\":{\"$version\":1},\"reported\":{\"x\":\"y\",\"$version\":2}}");
  }

  @Test
  void absentAndEmptySectionsDiffer() {
    assertThat(TwinProperties.empty()).isNotEqualTo(TwinProperties.of(TwinCollection.empty(), TwinCollection.empty()));
    assertThat(TwinProperties.fromJson("{\"desired\":{}}"))
        .isEqualTo(TwinProperties.empty().withDesired(TwinCollection.empty()))
        .hasSameHashCodeAs(TwinProperties.empty().withDesired(TwinCollection.empty()));
  }

  @Test
  void sectionThatIsNotAnObjectIsRefused() {
    assertThatThrownBy(() -> TwinProperties.fromJson("{\"desired\":5}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a JSON object");
  }
}
