package io.twinsdk.hub.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A device identity as the registry stores it.
 *
 * @param deviceId the device id, case-sensitive
 * @param generationId a random id fixed at creation, distinguishing re-created devices with the same id
 * @param etag the registry etag, changed on every update of the identity
 * @param enabled whether the device may connect
 * @param statusReason the free-text reason for the status, or null
 * @param statusUpdatedTime when the status last changed
 * @param primaryKey the base64 primary symmetric key
 * @param secondaryKey the base64 secondary symmetric key
 * @param connected whether the device has a live MQTT connection (maintained by the hub, not the user)
 * @param connectionStateUpdatedTime when {@code connected} last changed
 * @param lastActivityTime the last time the device talked to the hub
 * @param cloudToDeviceMessageCount cloud-to-device messages waiting for the device
 */
public record DeviceRecord(
    String deviceId,
    String generationId,
    String etag,
    boolean enabled,
    String statusReason,
    Instant statusUpdatedTime,
    String primaryKey,
    String secondaryKey,
    boolean connected,
    Instant connectionStateUpdatedTime,
    Instant lastActivityTime,
    int cloudToDeviceMessageCount) {

  /** Checks the fields that must be present. */
  public DeviceRecord {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(generationId, "generationId");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(primaryKey, "primaryKey");
    Objects.requireNonNull(secondaryKey, "secondaryKey");
  }
}
