package io.twinsdk.service.iothub;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.devicetwin.Twin;
import io.twinsdk.core.json.MergePatch;
import io.twinsdk.service.MatchConditions;
import io.twinsdk.service.PagedIterable;
import io.twinsdk.service.Response;
import io.twinsdk.service.internal.Await;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The blocking IoT Hub service client: the same operations as {@link IotHubServiceAsyncClient}, each waiting for its
 * result at most the operation timeout ({@link io.twinsdk.service.HttpOptions#operationTimeout()}) and throwing the
 * service's {@link io.twinsdk.service.ServiceException} on failure. Thread-safe; {@link #close()} when done.
 */
public final class IotHubServiceClient implements AutoCloseable {

  private final IotHubServiceAsyncClient async;
  /** The same client completing on the I/O thread, which is safe because only the waiting caller depends on it. */
  private final IotHubServiceAsyncClient blocking;
  private final Duration timeout;

  IotHubServiceClient(IotHubServiceAsyncClient async) {
    this.async = async;
    this.blocking = new IotHubServiceAsyncClient(async.pipeline().forBlockingCallers(), async.endpoint());
    this.timeout = async.pipeline().operationTimeout();
  }

  /** Returns the async client this one blocks on (closing either closes both). */
  public IotHubServiceAsyncClient async() {
    return async;
  }

  /** Creates the device; see {@link IotHubServiceAsyncClient#createDevice}. */
  public Device createDevice(Device device) {
    return await(blocking.createDevice(device));
  }

  /** Creates the device with the response. */
  public Response<Device> createDeviceWithResponse(Device device) {
    return await(blocking.createDeviceWithResponse(device));
  }

  /** Gets a device. */
  public Device getDevice(String deviceId) {
    return await(blocking.getDevice(deviceId));
  }

  /** Gets a device with the response. */
  public Response<Device> getDeviceWithResponse(String deviceId) {
    return await(blocking.getDeviceWithResponse(deviceId));
  }

  /** Updates a device; see {@link IotHubServiceAsyncClient#updateDevice}. */
  public Device updateDevice(Device device) {
    return await(blocking.updateDevice(device));
  }

  /** Updates a device with the response. */
  public Response<Device> updateDeviceWithResponse(Device device) {
    return await(blocking.updateDeviceWithResponse(device));
  }

  /** Deletes a device whatever its ETag. */
  public void deleteDevice(String deviceId) {
    await(blocking.deleteDevice(deviceId));
  }

  /** Deletes a device, conditionally on its ETag. */
  public Response<Void> deleteDeviceWithResponse(String deviceId, MatchConditions conditions) {
    return await(blocking.deleteDeviceWithResponse(deviceId, conditions));
  }

  /** Lists up to {@code maxCount} devices; see {@link IotHubServiceAsyncClient#listDevices}. */
  public PagedIterable<Device> listDevices(int maxCount) {
    return new PagedIterable<>(blocking.listDevices(maxCount), timeout);
  }

  /** Gets a device's twin. */
  public Twin getTwin(String deviceId) {
    return await(blocking.getTwin(deviceId));
  }

  /** Gets a device's twin with the response. */
  public Response<Twin> getTwinWithResponse(String deviceId) {
    return await(blocking.getTwinWithResponse(deviceId));
  }

  /** Merges a patch into the twin; see {@link IotHubServiceAsyncClient#updateTwin}. */
  public Twin updateTwin(String deviceId, MergePatch patch) {
    return await(blocking.updateTwin(deviceId, patch));
  }

  /** Merges a patch into the twin, conditionally on its ETag. */
  public Response<Twin> updateTwinWithResponse(String deviceId, MergePatch patch, MatchConditions conditions) {
    return await(blocking.updateTwinWithResponse(deviceId, patch, conditions));
  }

  /** Replaces the twin's tags and desired properties. */
  public Twin replaceTwin(Twin twin) {
    return await(blocking.replaceTwin(twin));
  }

  /** Replaces the twin's tags and desired properties, conditionally on its ETag. */
  public Response<Twin> replaceTwinWithResponse(Twin twin, MatchConditions conditions) {
    return await(blocking.replaceTwinWithResponse(twin, conditions));
  }

  /** Runs an IoT Hub query page by page; see {@link IotHubServiceAsyncClient#query}. */
  public <T> PagedIterable<T> query(String query, int pageSize, Class<T> type) {
    return new PagedIterable<>(blocking.query(query, pageSize, type), timeout);
  }

  /** Runs an IoT Hub query with pages of 100 rows, as JSON trees. */
  public PagedIterable<JsonNode> query(String query) {
    return query(query, 100, JsonNode.class);
  }

  /**
   * Releases the client's threads and connections; calls waiting in other threads, and calls made afterwards,
   * fail with an {@link IllegalStateException}. Idempotent.
   */
  @Override
  public void close() {
    async.close();
  }

  private <T> T await(CompletableFuture<T> future) {
    return Await.result(future, timeout);
  }
}
