package io.twinsdk.core.digitaltwin;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Objects;

/**
 * The timestamp form Azure Digital Twins writes in {@code $metadata}: UTC with exactly seven fractional digits, such
 * as {@code 2023-07-20T06:40:46.6236132Z}.
 *
 * <p>Seven digits are the service's 100-nanosecond clock resolution. Documents keep timestamps as the text they were
 * given, so other forms (nine digits, an offset) survive a round trip; this class produces the service's own form for
 * values the SDK or the hub writes.
 */
public final class DigitalTwinsTimestamps {

  private static final DateTimeFormatter SERVICE_FORM = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 7, 7, true)
      .appendLiteral('Z')
      .toFormatter(Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private DigitalTwinsTimestamps() {}

  /**
   * Formats {@code instant} in the service's form, in UTC with seven fractional digits; finer digits are truncated,
   * not rounded, as the service's 100-nanosecond clock does.
   */
  public static String format(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return SERVICE_FORM.format(instant);
  }

  /**
   * Parses an RFC 3339 timestamp that carries {@code Z} or an offset and any number of fractional digits up to nine.
   *
   * @throws IllegalArgumentException if {@code text} is not such a timestamp
   */
  public static Instant parse(String text) {
    Objects.requireNonNull(text, "text");
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("Not an RFC 3339 timestamp with a zone offset: \"" + text + "\"", e);
    }
  }
}
