package io.twinsdk.hub.iothub;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps as IoT Hub writes them in registry and twin JSON. */
public final class IotHubTime {

  /** What IoT Hub writes for a time that never happened (a device that never connected). */
  public static final String NEVER = "0001-01-01T00:00:00Z";

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private IotHubTime() {}

  /** Formats {@code time} with milliseconds in UTC, or {@link #NEVER} for null. */
  public static String format(Instant time) {
    return time == null ? NEVER : MILLIS.format(time);
  }
}
