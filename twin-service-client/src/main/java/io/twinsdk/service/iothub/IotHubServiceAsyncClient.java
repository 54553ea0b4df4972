package io.twinsdk.service.iothub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.devicetwin.Twin;
import io.twinsdk.core.json.MergePatch;
import io.twinsdk.service.AsyncPages;
import io.twinsdk.service.MatchConditions;
import io.twinsdk.service.Page;
import io.twinsdk.service.Response;
import io.twinsdk.service.internal.Endpoint;
import io.twinsdk.service.internal.Futures;
import io.twinsdk.service.internal.HttpCall;
import io.twinsdk.service.internal.HttpPipeline;
import io.twinsdk.service.internal.HttpResult;
import io.twinsdk.service.internal.JsonBodies;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The async IoT Hub service client: the device registry, device twins and the IoT Hub query language over HTTPS.
 *
 * <p>Every method returns at once; its future completes on the client's callback executor (a small pool of daemon
 * threads named {@code twin-service-callback-N}, or {@link io.twinsdk.service.HttpOptions#callbackExecutor()}),
 * never on an OkHttp I/O thread, so dependent stages may block briefly. Failures are {@link
 * io.twinsdk.service.ServiceException}s. Cancelling a future cancels its HTTP call. Instances are thread-safe; build
 * them with {@link IotHubServiceClientBuilder} and {@link #close()} them when done.
 */
public final class IotHubServiceAsyncClient implements AutoCloseable {

  /** The IoT Hub service API version sent by default. */
  public static final String DEFAULT_API_VERSION = "2021-04-12";

  /** The largest page the IoT Hub query API returns. */
  public static final int MAX_QUERY_PAGE_SIZE = 1000;

  private final HttpPipeline pipeline;
  private final Endpoint endpoint;

  IotHubServiceAsyncClient(HttpPipeline pipeline, Endpoint endpoint) {
    this.pipeline = pipeline;
    this.endpoint = endpoint;
  }

  HttpPipeline pipeline() {
    return pipeline;
  }

  Endpoint endpoint() {
    return endpoint;
  }

  /**
   * Creates the device; fails with {@link io.twinsdk.service.AlreadyExistsException} if its id is taken. The create
   * is retried only when the hub surely did not act on it (connection refused, 408, 429, 503 with
   * {@code Retry-After}); after a timeout or another 5xx the call fails, and the device may or may not exist.
   */
  public CompletableFuture<Device> createDevice(Device device) {
    return Futures.map(createDeviceWithResponse(device), Response::value);
  }

  /** Creates the device, returning the response with the created device (keys included). */
  public CompletableFuture<Response<Device>> createDeviceWithResponse(Device device) {
    Objects.requireNonNull(device, "device");
    ObjectNode body = device.toJsonNode();
    body.remove("etag");
    // Without If-Match the PUT only creates: a repeat after a success would fail with 409 DeviceAlreadyExists.
    HttpCall call = HttpCall.builder("PUT", endpoint.url("devices", device.deviceId()).build()).createOnly()
        .body(JsonBodies.write(body), HttpCall.JSON).build();
    return pipeline.send(call, IotHubServiceAsyncClient::deviceResponse);
  }

  /** Gets a device; fails with {@link io.twinsdk.service.NotFoundException} if there is none. */
  public CompletableFuture<Device> getDevice(String deviceId) {
    return Futures.map(getDeviceWithResponse(deviceId), Response::value);
  }

  /** Gets a device with the response. */
  public CompletableFuture<Response<Device>> getDeviceWithResponse(String deviceId) {
    HttpCall call = HttpCall.builder("GET", endpoint.url("devices", requireId(deviceId)).build()).build();
    return pipeline.send(call, IotHubServiceAsyncClient::deviceResponse);
  }

  /**
   * Updates a device (status, keys, capabilities). When the device carries an ETag (it was read from the service)
   * the update applies only to that version; otherwise it applies unconditionally.
   */
  public CompletableFuture<Device> updateDevice(Device device) {
    return Futures.map(updateDeviceWithResponse(device), Response::value);
  }

  /** Updates a device with the response; a stale ETag fails with a precondition-failed exception. */
  public CompletableFuture<Response<Device>> updateDeviceWithResponse(Device device) {
    Objects.requireNonNull(device, "device");
    HttpCall call = HttpCall.builder("PUT", endpoint.url("devices", device.deviceId()).build())
        .conditions(MatchConditions.ifMatch(device.etag().orElse("*")))
        .body(JsonBodies.write(device.toJsonNode()), HttpCall.JSON).build();
    return pipeline.send(call, IotHubServiceAsyncClient::deviceResponse);
  }

  /** Deletes a device whatever its ETag. */
  public CompletableFuture<Void> deleteDevice(String deviceId) {
    return Futures.map(deleteDeviceWithResponse(deviceId, MatchConditions.none()), Response::value);
  }

  /** Deletes a device, only if its ETag matches when {@code conditions} says so. */
  public CompletableFuture<Response<Void>> deleteDeviceWithResponse(String deviceId, MatchConditions conditions) {
    HttpCall call = HttpCall.builder("DELETE", endpoint.url("devices", requireId(deviceId)).build())
        .conditions(conditions.ifMatch().isPresent() ? conditions : MatchConditions.ifMatch("*")).build();
    return pipeline.send(call, result -> result.toResponse(null));
  }

  /**
   * Lists the registry's devices, at most {@code maxCount} (1 to 1000) in one page; for larger registries use
   * {@link #query} with {@code SELECT * FROM devices}.
   */
  public AsyncPages<Device> listDevices(int maxCount) {
    if (maxCount < 1 || maxCount > MAX_QUERY_PAGE_SIZE) {
      throw new IllegalArgumentException("maxCount must be 1 to 1000: " + maxCount);
    }
    return new AsyncPages<>(token -> {
      HttpCall call = HttpCall.builder("GET",
          endpoint.url("devices").addQueryParameter("top", Integer.toString(maxCount)).build()).build();
      return pipeline.send(call, result -> {
        List<Device> devices = new ArrayList<>();
        for (JsonNode element : arrayBody(result)) {
          devices.add(Device.fromJson(element));
        }
        return new Page<>(devices, null, null, result.status());
      });
    });
  }

  /** Gets a device's twin. */
  public CompletableFuture<Twin> getTwin(String deviceId) {
    return Futures.map(getTwinWithResponse(deviceId), Response::value);
  }

  /** Gets a device's twin with the response. */
  public CompletableFuture<Response<Twin>> getTwinWithResponse(String deviceId) {
    HttpCall call = HttpCall.builder("GET", endpoint.url("twins", requireId(deviceId)).build()).build();
    return pipeline.send(call, IotHubServiceAsyncClient::twinResponse);
  }

  /**
   * Merges {@code patch} into the twin's tags and desired properties ({@code null} deletes a member), returning the
   * updated twin. The patch is a twin document fragment: {@code {"tags":{…},"properties":{"desired":{…}}}}.
   */
  public CompletableFuture<Twin> updateTwin(String deviceId, MergePatch patch) {
    return Futures.map(updateTwinWithResponse(deviceId, patch, MatchConditions.none()), Response::value);
  }

  /**
   * Merges {@code patch} into the twin, only into the version with the given ETag when {@code conditions} says so;
   * a changed twin fails with {@link io.twinsdk.service.PreconditionFailedException} (error code 412001).
   */
  public CompletableFuture<Response<Twin>> updateTwinWithResponse(String deviceId, MergePatch patch,
      MatchConditions conditions) {
    Objects.requireNonNull(patch, "patch");
    HttpCall call = HttpCall.builder("PATCH", endpoint.url("twins", requireId(deviceId)).build())
        .conditions(conditions).body(JsonBodies.write(patch.toJsonNode()), HttpCall.JSON).build();
    return pipeline.send(call, IotHubServiceAsyncClient::twinResponse);
  }

  /** Replaces the twin's tags and desired properties with those of {@code twin}, returning the stored twin. */
  public CompletableFuture<Twin> replaceTwin(Twin twin) {
    return Futures.map(replaceTwinWithResponse(twin, MatchConditions.none()), Response::value);
  }

  /** Replaces the twin's tags and desired properties, conditionally on its ETag when {@code conditions} says so. */
  public CompletableFuture<Response<Twin>> replaceTwinWithResponse(Twin twin, MatchConditions conditions) {
    Objects.requireNonNull(twin, "twin");
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("deviceId", twin.deviceId());
    body.set("tags", twin.tags().membersToJsonNode());
    body.putObject("properties").set("desired", twin.desired().membersToJsonNode());
    HttpCall call = HttpCall.builder("PUT", endpoint.url("twins", twin.deviceId()).build())
        .conditions(conditions).body(JsonBodies.write(body), HttpCall.JSON).build();
    return pipeline.send(call, IotHubServiceAsyncClient::twinResponse);
  }

  /**
   * Runs an IoT Hub query, such as {@code SELECT * FROM devices WHERE tags.floor = '1'}, fetching {@code pageSize}
   * (1 to 1000) rows per page as the pages are asked for. Rows are read as {@code type}: {@link Twin} for
   * {@code SELECT *}, {@link JsonNode} for projections and aggregates, or the caller's class.
   */
  public <T> AsyncPages<T> query(String query, int pageSize, Class<T> type) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(type, "type");
    if (pageSize < 1 || pageSize > MAX_QUERY_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be 1 to 1000: " + pageSize);
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("query", query);
    byte[] bytes = JsonBodies.write(body);
    return new AsyncPages<>(continuation -> {
      HttpCall.Builder call = HttpCall.builder("POST", endpoint.url("devices", "query").build())
          .header("x-ms-max-item-count", Integer.toString(pageSize))
          .body(bytes, HttpCall.JSON).idempotent();
      if (continuation != null) {
        call.header("x-ms-continuation", continuation);
      }
      return pipeline.send(call.build(), result -> new Page<>(JsonBodies.list(arrayBody(result), type),
          result.header("x-ms-continuation").filter(token -> !token.isEmpty()).orElse(null), null,
          result.status()));
    });
  }

  /**
   * Releases the client's threads and connections. Calls and polls still pending fail with an
   * {@link IllegalStateException} on the calling thread, and so do calls made afterwards. Idempotent.
   */
  @Override
  public void close() {
    pipeline.close();
  }

  private static JsonNode arrayBody(HttpResult result) {
    JsonNode body = JsonBodies.tree(result);
    if (!body.isArray()) {
      throw new IllegalArgumentException("Expected a JSON array, got " + body.getNodeType());
    }
    return body;
  }

  private static Response<Device> deviceResponse(HttpResult result) {
    return result.toResponse(Device.fromJson(JsonBodies.tree(result)));
  }

  private static Response<Twin> twinResponse(HttpResult result) {
    return result.toResponse(Twin.fromJsonNode(JsonBodies.tree(result)));
  }

  static String requireId(String id) {
    Objects.requireNonNull(id, "id");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("id must not be empty");
    }
    return id;
  }
}
