package io.twinsdk.hub.iothub.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.bus.ChangeEvent;
import io.twinsdk.hub.http.ApiError;
import io.twinsdk.hub.iothub.IotHubErrors;
import io.twinsdk.hub.iothub.twins.TwinJson;
import io.twinsdk.hub.store.StoreException;
import io.twinsdk.hub.store.TelemetryRecord;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttTopicSubscription;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.MqttSubscribeMessage;
import io.vertx.mqtt.messages.MqttUnsubscribeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated device connection: the IoT Hub model of one endpoint per connection, so that twin answers go only to
 * the connection that asked.
 *
 * <p>Every method runs on the connection's Vert.x context (its event loop); store futures hop back there before
 * anything is written to the socket, so the endpoint is only ever touched from that one thread.
 */
final class DeviceConnection {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceConnection.class);
  private static final long PERSIST_TIMEOUT_SECONDS = 5;

  private final MqttGateway gateway;
  private final MqttEndpoint endpoint;
  private final Context context;
  private final String deviceId;
  private final boolean cleanSession;
  private final Map<String, MqttQoS> subscriptions = new LinkedHashMap<>();
  private long expiryTimer = -1;

  DeviceConnection(MqttGateway gateway, MqttEndpoint endpoint, Context context, String deviceId,
      boolean cleanSession, Set<String> restored) {
    this.gateway = gateway;
    this.endpoint = endpoint;
    this.context = context;
    this.deviceId = deviceId;
    this.cleanSession = cleanSession;
    // The granted QoS is not persisted; restored subscriptions deliver at QoS 1, what every SDK but Node asks for.
    restored.forEach(filter -> subscriptions.put(filter, MqttQoS.AT_LEAST_ONCE));
  }

  String deviceId() {
    return deviceId;
  }

  boolean cleanSession() {
    return cleanSession;
  }

  /** Wires the endpoint's handlers and closes the connection when the token expires. */
  void start(Instant tokenExpiry) {
    endpoint.publishAutoAck(false);
    endpoint.subscribeHandler(this::onSubscribe);
    endpoint.unsubscribeHandler(this::onUnsubscribe);
    endpoint.publishHandler(this::onPublish);
    endpoint.exceptionHandler(e -> LOG.debug("Connection of {} failed: {}", deviceId, e.toString()));
    long delay = Math.max(1, tokenExpiry.toEpochMilli() - System.currentTimeMillis());
    expiryTimer = context.owner().setTimer(delay, id -> {
      LOG.info("SAS token of {} expired; closing its connection", deviceId);
      endpoint.close();
    });
  }

  /** Closes the connection from any thread. */
  void close(String reason) {
    context.runOnContext(v -> {
      LOG.info("Closing the connection of {}: {}", deviceId, reason);
      if (endpoint.isConnected()) {
        endpoint.close();
      }
    });
  }

  /** Releases the expiry timer; called once the endpoint closed. */
  void closed() {
    context.owner().cancelTimer(expiryTimer);
  }

  /** Publishes a committed desired-properties change, from any thread, if the device subscribed to them. */
  void desiredChanged(ChangeEvent event) {
    context.runOnContext(v -> {
      MqttQoS qos = subscriptions.get(Topics.DESIRED);
      if (qos == null || !endpoint.isConnected()) {
        return;
      }
      ObjectNode body = event.body().deepCopy();
      body.put("$version", event.version());
      endpoint.publish(Topics.desired(event.version()), Buffer.buffer(Json.write(body)), qos, false, false);
    });
  }

  private void onSubscribe(MqttSubscribeMessage message) {
    List<MqttQoS> granted = new ArrayList<>();
    for (MqttTopicSubscription subscription : message.topicSubscriptions()) {
      String filter = subscription.topicName();
      if (Topics.allowedFilter(filter, deviceId)) {
        MqttQoS qos = subscription.qualityOfService() == MqttQoS.AT_MOST_ONCE ? MqttQoS.AT_MOST_ONCE
            : MqttQoS.AT_LEAST_ONCE;
        subscriptions.put(filter, qos);
        granted.add(qos);
      } else {
        LOG.warn("Device {} may not subscribe to '{}'", deviceId, filter);
        granted.add(MqttQoS.FAILURE);
      }
    }
    persist().whenComplete((ignored, failure) -> context.runOnContext(v -> {
      if (endpoint.isConnected()) {
        endpoint.subscribeAcknowledge(message.messageId(), granted);
      }
    }));
  }

  private void onUnsubscribe(MqttUnsubscribeMessage message) {
    message.topics().forEach(subscriptions::remove);
    persist().whenComplete((ignored, failure) -> context.runOnContext(v -> {
      if (endpoint.isConnected()) {
        endpoint.unsubscribeAcknowledge(message.messageId());
      }
    }));
  }

  private CompletableFuture<Void> persist() {
    if (cleanSession) {
      return CompletableFuture.completedFuture(null);
    }
    Set<String> filters = Set.copyOf(subscriptions.keySet());
    // Persistence is best effort: a stalled store must not hold back the SUBACK the device waits for (§5).
    return gateway.saveSession(deviceId, filters).orTimeout(PERSIST_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .exceptionally(e -> {
      LOG.warn("Could not keep the session of {}", deviceId, e);
      return null;
    });
  }

  private void onPublish(MqttPublishMessage message) {
    String topic = message.topicName();
    if (message.qosLevel() == MqttQoS.EXACTLY_ONCE) {
      refuse("a QoS 2 publish to '" + topic + "'");
    } else if (topic.startsWith(Topics.TWIN_GET)) {
      acknowledge(message);
      String rid = Topics.rid(topic);
      gateway.twins().get(deviceId).whenComplete((view, failure) -> context.runOnContext(v -> {
        if (failure != null) {
          respondError(rid, failure);
        } else {
          respond(200, rid, OptionalLong.empty(), Json.write(TwinJson.device(view.twin())));
        }
      }));
    } else if (topic.startsWith(Topics.REPORTED_PATCH)) {
      acknowledge(message);
      updateReported(topic, message.payload());
    } else if (Topics.isEvents(topic, deviceId)) {
      keepTelemetry(message);
    } else if (topic.startsWith(Topics.METHOD_RESPONSE)) {
      acknowledge(message);
    } else {
      refuse("a publish to '" + topic + "'");
    }
  }

  private void updateReported(String topic, Buffer payload) {
    String rid = Topics.rid(topic);
    CompletableFuture<Long> update;
    try {
      OptionalLong version = Topics.version(topic);
      JsonNode patch = parse(payload);
      update = gateway.twins().updateReported(deviceId, patch, version);
    } catch (NumberFormatException e) {
      update = CompletableFuture.failedFuture(IotHubErrors.invalid("$version must be a number."));
    } catch (RuntimeException e) {
      update = CompletableFuture.failedFuture(e);
    }
    update.whenComplete((version, failure) -> context.runOnContext(v -> {
      if (failure != null) {
        respondError(rid, failure);
      } else {
        respond(204, rid, OptionalLong.of(version), "");
      }
    }));
  }

  private static JsonNode parse(Buffer payload) {
    try {
      JsonNode json = Json.parse(payload.toString(StandardCharsets.UTF_8));
      if (!json.isObject()) {
        throw IotHubErrors.invalid("The reported properties patch must be a JSON object.");
      }
      return json;
    } catch (IllegalArgumentException e) {
      throw IotHubErrors.invalid("The reported properties patch is not valid JSON: " + e.getMessage());
    }
  }

  private void keepTelemetry(MqttPublishMessage message) {
    String topic = message.topicName();
    String prefix = Topics.eventsPrefix(deviceId);
    String bag = topic.length() > prefix.length() ? topic.substring(prefix.length()) : "";
    byte[] body = message.payload().getBytes();
    TelemetryRecord record = new TelemetryRecord(deviceId, Instant.now(), Topics.propertyBag(bag), body);
    gateway.keepTelemetry(record, payloadJson(body)).whenComplete((ignored, failure) -> context.runOnContext(v -> {
      if (failure != null) {
        LOG.warn("Telemetry of {} was not kept", deviceId, failure);
        endpoint.close();
      } else {
        acknowledge(message);
      }
    }));
  }

  private static JsonNode payloadJson(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    try {
      JsonNode json = Json.parse(text);
      return json.isMissingNode() ? TextNode.valueOf(text) : json;
    } catch (IllegalArgumentException e) {
      return TextNode.valueOf(text);
    }
  }

  private void acknowledge(MqttPublishMessage message) {
    if (message.qosLevel() == MqttQoS.AT_LEAST_ONCE && endpoint.isConnected()) {
      endpoint.publishAcknowledge(message.messageId());
    }
  }

  private void refuse(String what) {
    // IoT Hub closes the connection on a publish it does not allow; it never acknowledges or forwards it.
    LOG.warn("Device {} sent {}; closing the connection", deviceId, what);
    endpoint.close();
  }

  private void respond(int status, String rid, OptionalLong version, String body) {
    MqttQoS qos = subscriptions.get(Topics.TWIN_RESPONSES);
    if (qos == null || !endpoint.isConnected()) {
      LOG.debug("Device {} is not subscribed to twin responses; dropping the {} for $rid={}", deviceId, status, rid);
      return;
    }
    endpoint.publish(Topics.response(status, rid, version), Buffer.buffer(body), qos, false, false);
  }

  private void respondError(String rid, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    ApiError error;
    if (cause instanceof ApiError apiError) {
      error = apiError;
    } else if (cause instanceof StoreException store && store.isOverloaded()) {
      error = ApiError.iotHub(429001, "ThrottlingException", store.getMessage());
    } else {
      LOG.error("Twin request of {} failed", deviceId, cause);
      error = ApiError.iotHub(500001, "ServerError", "The hub failed to handle the request.");
    }
    if (error.status() >= 500 || error.status() == 429) {
      LOG.warn("Twin request $rid={} of {} answered {}: {}", rid, deviceId, error.status(), error.getMessage());
    } else {
      LOG.info("Twin request $rid={} of {} refused with {}: {}", rid, deviceId, error.status(), error.getMessage());
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("errorCode", error.iotHubCode());
    body.put("trackingId", UUID.randomUUID().toString().replace("-", ""));
    body.put("message", error.getMessage());
    body.put("timestampUtc", Instant.now().toString());
    respond(error.status(), rid, OptionalLong.empty(), Json.write(body));
  }
}
