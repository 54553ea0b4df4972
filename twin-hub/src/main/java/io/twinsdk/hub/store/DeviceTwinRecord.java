package io.twinsdk.hub.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A device twin's stored state. The identity fields of the twin JSON (status, connection state, ...) come from the
 * device's {@link DeviceRecord}; this record holds what the twin adds.
 *
 * @param deviceId the device id
 * @param etag the twin etag, changed whenever tags or desired properties change
 * @param version the twin version, incremented whenever tags or desired properties change
 * @param tags the tags object
 * @param desired the desired section, including its {@code $version} and {@code $metadata}
 * @param reported the reported section, including its {@code $version} and {@code $metadata}
 */
public record DeviceTwinRecord(
    String deviceId, String etag, long version, ObjectNode tags, ObjectNode desired, ObjectNode reported) {

  /** Checks that every field is present. */
  public DeviceTwinRecord {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(reported, "reported");
  }
}
