/**
 * The device twin client: {@link io.twinsdk.device.DeviceClient}, built by
 * {@link io.twinsdk.device.DeviceClientBuilder}, with its listeners, retry policy and exception tree. The MQTT
 * plumbing lives in {@code io.twinsdk.device.internal}, which is not public API.
 *
 * <p>Arguments and results are non-null unless documented otherwise; absent values are {@link java.util.Optional}.
 */
package io.twinsdk.device;
