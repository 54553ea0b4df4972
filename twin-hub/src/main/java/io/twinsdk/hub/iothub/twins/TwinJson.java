package io.twinsdk.hub.iothub.twins;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.devicetwin.TwinCollection;
import io.twinsdk.hub.iothub.IotHubTime;
import io.twinsdk.hub.store.DeviceRecord;
import io.twinsdk.hub.store.DeviceTwinRecord;

/** Writes device twins in the two shapes IoT Hub uses: the service API's whole twin and the MQTT GET body. */
public final class TwinJson {

  private TwinJson() {}

  /**
   * Returns the twin as the service API returns it (iothub-protocol.md §4.1): identity fields, tags, and desired and
   * reported properties with {@code $version} and {@code $metadata}.
   */
  public static ObjectNode service(TwinView view, boolean connected) {
    DeviceRecord device = view.device();
    DeviceTwinRecord twin = view.twin();
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("deviceId", device.deviceId());
    json.put("etag", twin.etag());
    json.put("deviceEtag", device.etag());
    json.put("version", twin.version());
    json.put("status", device.enabled() ? "enabled" : "disabled");
    json.put("statusReason", device.statusReason());
    json.put("statusUpdateTime", IotHubTime.format(device.statusUpdatedTime()));
    json.put("connectionState", connected ? "Connected" : "Disconnected");
    json.put("lastActivityTime", IotHubTime.format(device.lastActivityTime()));
    json.put("cloudToDeviceMessageCount", device.cloudToDeviceMessageCount());
    json.put("authenticationType", "sas");
    ObjectNode thumbprint = json.putObject("x509Thumbprint");
    thumbprint.putNull("primaryThumbprint");
    thumbprint.putNull("secondaryThumbprint");
    json.put("modelId", "");
    json.putObject("capabilities").put("iotEdge", false);
    json.set("tags", twin.tags().deepCopy());
    ObjectNode properties = json.putObject("properties");
    properties.set("desired", twin.desired().deepCopy());
    properties.set("reported", twin.reported().deepCopy());
    return json;
  }

  /**
   * Returns the body of the MQTT GET response (iothub-protocol.md §1.3): only {@code desired} and {@code reported},
   * each with its properties and {@code $version}, without {@code $metadata}.
   */
  public static ObjectNode device(DeviceTwinRecord twin) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.set("desired", TwinCollection.fromJsonNode(twin.desired()).withoutMetadata().toJsonNode());
    json.set("reported", TwinCollection.fromJsonNode(twin.reported()).withoutMetadata().toJsonNode());
    return json;
  }
}
