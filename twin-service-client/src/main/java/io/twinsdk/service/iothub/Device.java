package io.twinsdk.service.iothub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.devicetwin.Twin;
import java.util.Objects;
import java.util.Optional;

/**
 * A device is an identity in an IoT Hub device registry: its id, ETag, status, symmetric keys and capabilities, as
 * {@code PUT/GET /devices/{id}} read and write them. Members this type does not model are kept and written back
 * unchanged. Instances are immutable; change one with {@link #toBuilder()}.
 */
public final class Device {

  private final ObjectNode json;

  private Device(ObjectNode json) {
    this.json = json;
  }

  /** Returns a builder of a new device with id {@code deviceId}; the hub generates keys that are not given. */
  public static Builder builder(String deviceId) {
    Objects.requireNonNull(deviceId, "deviceId");
    if (deviceId.isEmpty() || deviceId.length() > 128) {
      throw new IllegalArgumentException("deviceId must have 1 to 128 characters: \"" + deviceId + "\"");
    }
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("deviceId", deviceId);
    return new Builder(json);
  }

  /**
   * Reads a device from its registry JSON.
   *
   * @throws IllegalArgumentException if {@code json} is not an object with a textual {@code deviceId}
   */
  public static Device fromJson(JsonNode json) {
    if (json == null || !json.isObject() || !json.path("deviceId").isTextual()) {
      throw new IllegalArgumentException("A device must be a JSON object with a deviceId");
    }
    return new Device(((ObjectNode) json).deepCopy());
  }

  /** Returns a builder that starts from this device (keeping its ETag for a conditional update). */
  public Builder toBuilder() {
    return new Builder(json.deepCopy());
  }

  /** Returns the device id. */
  public String deviceId() {
    return json.get("deviceId").asText();
  }

  /** Returns the registry ETag, if the device was read from the service. */
  public Optional<String> etag() {
    return text("etag");
  }

  /** Returns the status, if known. */
  public Optional<Twin.Status> status() {
    return text("status").map(value -> {
      for (Twin.Status status : Twin.Status.values()) {
        if (status.wireValue().equalsIgnoreCase(value)) {
          return status;
        }
      }
      throw new IllegalArgumentException("Unknown device status \"" + value + "\"");
    });
  }

  /** Returns the reason given for the status, if any. */
  public Optional<String> statusReason() {
    return text("statusReason");
  }

  /** Returns the primary symmetric key, if the device uses SAS authentication. */
  public Optional<String> primaryKey() {
    return textAt("/authentication/symmetricKey/primaryKey");
  }

  /** Returns the secondary symmetric key, if the device uses SAS authentication. */
  public Optional<String> secondaryKey() {
    return textAt("/authentication/symmetricKey/secondaryKey");
  }

  /** Returns whether the device is an IoT Edge device. */
  public boolean iotEdge() {
    return json.at("/capabilities/iotEdge").asBoolean(false);
  }

  /** Returns the connection state, if reported (as the service writes it: {@code Connected}, {@code Disconnected}). */
  public Optional<String> connectionState() {
    return text("connectionState");
  }

  /** Returns the whole registry JSON (a copy). */
  public ObjectNode toJsonNode() {
    return json.deepCopy();
  }

  private Optional<String> text(String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private Optional<String> textAt(String pointer) {
    JsonNode value = json.at(pointer);
    return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Device && ((Device) other).json.equals(json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "Device{deviceId=" + deviceId() + ", status=" + text("status").orElse("-") + "}";
  }

  /** A builder of {@link Device}. */
  public static final class Builder {
    private final ObjectNode json;

    private Builder(ObjectNode json) {
      this.json = json;
    }

    /** Sets the status. */
    public Builder status(Twin.Status status) {
      json.put("status", Objects.requireNonNull(status, "status").wireValue());
      return this;
    }

    /** Sets the reason for the status. */
    public Builder statusReason(String statusReason) {
      json.put("statusReason", Objects.requireNonNull(statusReason, "statusReason"));
      return this;
    }

    /** Sets the base64 symmetric keys (SAS authentication). */
    public Builder symmetricKeys(String primaryKey, String secondaryKey) {
      ObjectNode authentication = json.putObject("authentication");
      authentication.put("type", "sas");
      ObjectNode keys = authentication.putObject("symmetricKey");
      keys.put("primaryKey", Objects.requireNonNull(primaryKey, "primaryKey"));
      keys.put("secondaryKey", Objects.requireNonNull(secondaryKey, "secondaryKey"));
      return this;
    }

    /** Sets whether the device is an IoT Edge device. */
    public Builder iotEdge(boolean iotEdge) {
      json.putObject("capabilities").put("iotEdge", iotEdge);
      return this;
    }

    /** Builds the device. */
    public Device build() {
      return new Device(json.deepCopy());
    }
  }
}
