package io.twinsdk.core.dtdl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueFormatsTest {

  @ParameterizedTest
  @ValueSource(strings = {"2024-02-29", "1999-12-31"})
  void calendarDatesAreDates(String text) {
    assertThat(ValueFormats.isDate(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-02-29", "2024-13-01", "2024-1-01", "2024-01-01T00:00:00Z", "20240101"})
  void otherStringsAreNotDates(String text) {
    assertThat(ValueFormats.isDate(text)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-02-29T12:00:00Z", "2024-02-29t12:00:00.1234567z", "2024-02-29T23:59:60+05:30",
      "2022-05-31T12:00:01.000125009Z"})
  void rfc3339DateTimesWithAnOffsetAreDateTimes(String text) {
    assertThat(ValueFormats.isDateTime(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-02-29T12:00:00", "2024-02-29 12:00:00Z", "2024-02-29T24:00:00Z",
      "2024-02-29T12:00:00+24:00", "2024-02-30T12:00:00Z", "2024-02-29T12:00Z"})
  void dateTimesWithoutOffsetOrOutOfRangeAreRejected(String text) {
    assertThat(ValueFormats.isDateTime(text)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"08:30:00", "23:59:59.999", "12:00:00Z", "12:00:00-08:00"})
  void partialAndFullTimesAreTimes(String text) {
    assertThat(ValueFormats.isTime(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"8:30:00", "24:00:00", "12:60:00", "12:00"})
  void malformedTimesAreRejected(String text) {
    assertThat(ValueFormats.isTime(text)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT15M", "P1Y2M3W4DT5H6M7.5S", "P1D", "PT0.5S", "-P1D"})
  void iso8601DurationsAreDurations(String text) {
    assertThat(ValueFormats.isDuration(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"P", "PT", "P1DT", "15M", "PT1H2D", "P1.5"})
  void malformedDurationsAreRejected(String text) {
    assertThat(ValueFormats.isDuration(text)).isFalse();
  }
}
