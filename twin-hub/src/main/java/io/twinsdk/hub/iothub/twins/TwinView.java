package io.twinsdk.hub.iothub.twins;

import io.twinsdk.hub.store.DeviceRecord;
import io.twinsdk.hub.store.DeviceTwinRecord;

/**
 * A device twin as read in one transaction: the identity from the registry and the twin's own state.
 *
 * @param device the device identity
 * @param twin the twin's tags, properties, version and etag
 */
public record TwinView(DeviceRecord device, DeviceTwinRecord twin) {}
