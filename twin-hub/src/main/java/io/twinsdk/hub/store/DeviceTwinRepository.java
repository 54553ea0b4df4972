package io.twinsdk.hub.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** IoT Hub device twins, one per device. */
public interface DeviceTwinRepository {

  /** Returns the twin of the device with exactly this id. */
  Optional<DeviceTwinRecord> find(String deviceId);

  /** Stores the twin, replacing the stored one of the same device. The caller must treat the record as immutable. */
  void put(DeviceTwinRecord twin);

  /**
   * Returns only the reported section of the device's twin: a device's update touches nothing else, so the hot path
   * reads and writes one column rather than the whole twin.
   */
  Optional<ObjectNode> findReported(String deviceId);

  /** Replaces only the reported section of the device's twin; returns whether the twin exists. */
  boolean putReported(String deviceId, ObjectNode reported);

  /** Returns every twin ordered by device id, for queries, which the hub evaluates itself. */
  List<DeviceTwinRecord> all();

  /** Deletes the device's twin; returns whether it existed. */
  boolean delete(String deviceId);
}
