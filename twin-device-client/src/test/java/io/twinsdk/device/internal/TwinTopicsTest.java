package io.twinsdk.device.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TwinTopicsTest {

  @Test
  void requestTopicsCarryTheRidAndOnlyAnExpectedVersionWhenAsked() {
    assertThat(TwinTopics.get("7")).isEqualTo("$iothub/twin/GET/?$rid=7");
    assertThat(TwinTopics.reported("8", OptionalLong.empty()))
        .isEqualTo("$iothub/twin/PATCH/properties/reported/?$rid=8");
    assertThat(TwinTopics.reported("9", OptionalLong.of(4)))
        .isEqualTo("$iothub/twin/PATCH/properties/reported/?$rid=9&$version=4");
  }

  @Test
  void successfulPatchResponseGivesStatusRidAndNewVersion() {
    TwinTopics.ResponseTopic response = TwinTopics.parseResponse("$iothub/twin/res/204/?$rid=1&$version=6");

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.rid()).isEqualTo("1");
    assertThat(response.version()).hasValue(6);
  }

  @Test
  void responsePropertiesMayComeInAnyOrderAndUnknownOnesAreSkipped() {
    TwinTopics.ResponseTopic response =
        TwinTopics.parseResponse("$iothub/twin/res/200/?$version=3&foo=bar&$rid=a-b-c");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.rid()).isEqualTo("a-b-c");
    assertThat(response.version()).hasValue(3);
  }

  @Test
  void errorResponseWithoutVersionHasNone() {
    TwinTopics.ResponseTopic response = TwinTopics.parseResponse("$iothub/twin/res/412/?$rid=5");

    assertThat(response.status()).isEqualTo(412);
    assertThat(response.version()).isEmpty();
  }

  @Test
  void malformedResponseTopicsAreRefused() {
    assertThat(TwinTopics.parseResponse("$iothub/twin/res/20/?$rid=1")).isNull();
    assertThat(TwinTopics.parseResponse("$iothub/twin/res/2x4/?$rid=1")).isNull();
    assertThat(TwinTopics.parseResponse("$iothub/twin/res/204/?$version=1")).isNull();
    assertThat(TwinTopics.parseResponse("$iothub/twin/res/204/?$rid=")).isNull();
    assertThat(TwinTopics.parseResponse("$iothub/twin/res/204/?$rid=1&$version=x")).isNull();
    assertThat(TwinTopics.parseResponse("$iothub/twin/res/204?$rid=1")).isNull();
    assertThat(TwinTopics.parseResponse("devices/d/messages/devicebound/x")).isNull();
  }

  @Test
  void desiredTopicGivesTheVersion() {
    assertThat(TwinTopics.parseDesiredVersion("$iothub/twin/PATCH/properties/desired/?$version=12")).hasValue(12);
    assertThat(TwinTopics.isDesired("$iothub/twin/PATCH/properties/desired/?$version=12")).isTrue();
  }

  @Test
  void desiredTopicWithoutAVersionHasNone() {
    assertThat(TwinTopics.parseDesiredVersion("$iothub/twin/PATCH/properties/desired/")).isEmpty();
    assertThat(TwinTopics.parseDesiredVersion("$iothub/twin/PATCH/properties/desired/?$version=")).isEmpty();
    assertThat(TwinTopics.parseDesiredVersion("$iothub/twin/PATCH/properties/desired/?$version=-1")).isEmpty();
  }
}
