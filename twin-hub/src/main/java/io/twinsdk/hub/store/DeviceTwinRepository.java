package io.twinsdk.hub.store;

import java.util.Optional;

/** IoT Hub device twins, one per device. */
public interface DeviceTwinRepository {

  /** Returns the twin of the device with exactly this id. */
  Optional<DeviceTwinRecord> find(String deviceId);

  /** Stores the twin, replacing the stored one of the same device. The caller must treat the record as immutable. */
  void put(DeviceTwinRecord twin);

  /** Deletes the device's twin; returns whether it existed. */
  boolean delete(String deviceId);
}
