package io.twinsdk.hub.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A device-to-cloud message as received.
 *
 * @param deviceId the sending device
 * @param receivedTime when the hub accepted it
 * @param properties the decoded property bag of the topic (system properties keep their {@code $.} prefix)
 * @param body the payload bytes
 */
public record TelemetryRecord(String deviceId, Instant receivedTime, Map<String, String> properties, byte[] body) {

  /** Checks and copies the fields. */
  public TelemetryRecord {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(receivedTime, "receivedTime");
    properties = Map.copyOf(properties);
    body = body.clone();
  }

  /** Returns a copy of the payload. */
  @Override
  public byte[] body() {
    return body.clone();
  }
}
