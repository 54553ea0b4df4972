package io.twinsdk.hub.store;

import java.util.List;

/** The most recent device-to-cloud messages of each device. */
public interface TelemetryRepository {

  /** Appends a message and drops the device's oldest ones beyond {@code retain}. */
  void append(TelemetryRecord message, int retain);

  /** Returns up to {@code limit} of the device's messages, oldest first. */
  List<TelemetryRecord> recent(String deviceId, int limit);
}
