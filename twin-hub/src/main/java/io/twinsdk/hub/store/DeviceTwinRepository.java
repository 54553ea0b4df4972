package io.twinsdk.hub.store;

import java.util.List;
import java.util.Optional;

/** IoT Hub device twins, one per device. */
public interface DeviceTwinRepository {

  /** Returns the twin of the device with exactly this id. */
  Optional<DeviceTwinRecord> find(String deviceId);

  /** Stores the twin, replacing the stored one of the same device. The caller must treat the record as immutable. */
  void put(DeviceTwinRecord twin);

  /** Returns every twin ordered by device id, for queries, which the hub evaluates itself. */
  List<DeviceTwinRecord> all();

  /** Deletes the device's twin; returns whether it existed. */
  boolean delete(String deviceId);
}
