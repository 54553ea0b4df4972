package io.twinsdk.core.digitaltwin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DigitalTwinsTimestampsTest {

  @Test
  void formatsSevenFractionalDigitsInUtc() {
    assertThat(DigitalTwinsTimestamps.format(Instant.parse("2023-07-20T06:40:46.6236132Z")))
        .isEqualTo("2023-07-20T06:40:46.6236132Z");
    assertThat(DigitalTwinsTimestamps.format(Instant.parse("2023-07-20T06:40:46Z")))
        .isEqualTo("2023-07-20T06:40:46.0000000Z");
    assertThat(DigitalTwinsTimestamps.format(Instant.parse("1969-12-31T23:59:59.5Z")))
        .isEqualTo("1969-12-31T23:59:59.5000000Z");
  }

  @Test
  void truncatesDigitsFinerThanTheServiceClock() {
    assertThat(DigitalTwinsTimestamps.format(Instant.parse("2022-05-31T12:00:01.000125009Z")))
        .isEqualTo("2022-05-31T12:00:01.0001250Z");
    assertThat(DigitalTwinsTimestamps.format(Instant.parse("2022-05-31T12:00:01.999999999Z")))
        .isEqualTo("2022-05-31T12:00:01.9999999Z");
  }

  @Test
  void parsesAnyFractionAndOffset() {
    assertThat(DigitalTwinsTimestamps.parse("2023-07-20T06:40:46.6236132Z"))
        .isEqualTo(Instant.parse("2023-07-20T06:40:46.6236132Z"));
    assertThat(DigitalTwinsTimestamps.parse("2023-07-20T08:40:46+02:00"))
        .isEqualTo(Instant.parse("2023-07-20T06:40:46Z"));
    assertThat(DigitalTwinsTimestamps.parse("2022-05-31T12:00:00.000125009Z").getNano()).isEqualTo(125009);
  }

  @Test
  void formatThenParseIsIdentityAtServiceResolution() {
    Instant instant = Instant.parse("2023-07-20T06:40:46.6236132Z");

    assertThat(DigitalTwinsTimestamps.parse(DigitalTwinsTimestamps.format(instant))).isEqualTo(instant);
  }

  @Test
  void refusesTimestampsWithoutZone() {
    assertThatThrownBy(() -> DigitalTwinsTimestamps.parse("2023-07-20T06:40:46.6236132"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not an RFC 3339 timestamp with a zone offset: \"2023-07-20T06:40:46.6236132\"");
  }
}
