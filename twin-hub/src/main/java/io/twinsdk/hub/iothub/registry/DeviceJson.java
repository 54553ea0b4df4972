package io.twinsdk.hub.iothub.registry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.hub.iothub.IotHubTime;
import io.twinsdk.hub.store.DeviceRecord;

/** Writes a device identity as IoT Hub's registry API returns it. */
public final class DeviceJson {

  private DeviceJson() {}

  /** Returns the registry JSON of {@code device}; {@code connected} is the live MQTT state. */
  public static ObjectNode render(DeviceRecord device, boolean connected) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("deviceId", device.deviceId());
    json.put("generationId", device.generationId());
    json.put("etag", device.etag());
    json.put("connectionState", connected ? "Connected" : "Disconnected");
    json.put("status", device.enabled() ? "enabled" : "disabled");
    json.put("statusReason", device.statusReason());
    json.put("connectionStateUpdatedTime", IotHubTime.format(device.connectionStateUpdatedTime()));
    json.put("statusUpdatedTime", IotHubTime.format(device.statusUpdatedTime()));
    json.put("lastActivityTime", IotHubTime.format(device.lastActivityTime()));
    json.put("cloudToDeviceMessageCount", device.cloudToDeviceMessageCount());
    ObjectNode authentication = json.putObject("authentication");
    ObjectNode keys = authentication.putObject("symmetricKey");
    keys.put("primaryKey", device.primaryKey());
    keys.put("secondaryKey", device.secondaryKey());
    ObjectNode thumbprint = authentication.putObject("x509Thumbprint");
    thumbprint.putNull("primaryThumbprint");
    thumbprint.putNull("secondaryThumbprint");
    authentication.put("type", "sas");
    json.putObject("capabilities").put("iotEdge", false);
    return json;
  }
}
