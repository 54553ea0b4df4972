package io.twinsdk.hub.iothub.twins;

import io.twinsdk.core.devicetwin.TwinCollection;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.iothub.Etags;
import io.twinsdk.hub.store.DeviceTwinRecord;
import java.time.Instant;

/** The twin IoT Hub creates with a device: no tags, empty desired and reported sections at {@code $version} 1. */
public final class NewTwin {

  private NewTwin() {}

  /** Returns the new twin of device {@code deviceId} created at {@code now}. */
  public static DeviceTwinRecord of(String deviceId, Instant now) {
    TwinCollection section = TwinCollection.newSection(now);
    return new DeviceTwinRecord(deviceId, Etags.of(1), 1, Json.mapper().createObjectNode(), section.toJsonNode(),
        section.toJsonNode());
  }
}
