package io.twinsdk.hub.store;

import java.util.List;
import java.util.Optional;

/** The IoT Hub device registry. */
public interface DeviceRepository {

  /** Returns the device with exactly this id. */
  Optional<DeviceRecord> find(String deviceId);

  /** Stores a new device or replaces the stored one with the same id. */
  void put(DeviceRecord device);

  /** Deletes the device (and, through the twin repository's contract, its twin); returns whether it existed. */
  boolean delete(String deviceId);

  /** Returns up to {@code limit} devices ordered by id, starting after {@code afterDeviceId} (null: from the start). */
  List<DeviceRecord> list(String afterDeviceId, int limit);

  /** Returns every device, for the hub's in-memory directory at start-up. */
  List<DeviceRecord> all();
}
