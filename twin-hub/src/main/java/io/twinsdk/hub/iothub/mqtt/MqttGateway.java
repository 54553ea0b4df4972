package io.twinsdk.hub.iothub.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.twinsdk.core.auth.SasToken;
import io.twinsdk.core.auth.SasTokenException;
import io.twinsdk.hub.auth.AccessPolicies;
import io.twinsdk.hub.auth.AccessPolicy;
import io.twinsdk.hub.auth.Right;
import io.twinsdk.hub.bus.ChangeBus;
import io.twinsdk.hub.bus.ChangeEvent;
import io.twinsdk.hub.iothub.twins.TwinService;
import io.twinsdk.hub.store.DeviceRecord;
import io.twinsdk.hub.store.HubStore;
import io.twinsdk.hub.store.TelemetryRecord;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.mqtt.MqttAuth;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IoT Hub MQTT endpoint: MQTT 3.1.1 over TLS, one {@link DeviceConnection} per authenticated device.
 *
 * <p>CONNECT is checked as iothub-protocol.md §10 says (client id = the device in the user name, a SAS token for that
 * device signed with its key or by a policy with DeviceConnect, not expired, device enabled) before a new connection
 * replaces the device's old one. Subscriptions are kept per client id in the store (CleanSession=0), so they survive
 * reconnects and restarts. Desired-property changes reach live connections from the change bus; offline devices catch
 * up with a GET, as on IoT Hub.
 *
 * <p>Threads: each connection lives on one event loop; the bus listener runs on the store's writer thread and only hands
 * events to the connection's event loop.
 */
public final class MqttGateway implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MqttGateway.class);

  private final Vertx vertx;
  private final HubStore store;
  private final TwinService twins;
  private final AccessPolicies policies;
  private final String hostName;
  private final int telemetryRetention;
  private final Clock clock;
  private final ConcurrentMap<String, DeviceConnection> connections = new ConcurrentHashMap<>();
  private final List<String> deployments = new CopyOnWriteArrayList<>();
  private final AutoCloseable busSubscription;

  /** Creates a gateway; {@link #listen} starts it. */
  public MqttGateway(Vertx vertx, HubStore store, ChangeBus bus, TwinService twins, AccessPolicies policies,
      String hostName, int telemetryRetention, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.twins = twins;
    this.policies = policies;
    this.hostName = hostName;
    this.telemetryRetention = telemetryRetention;
    this.clock = clock;
    this.busSubscription = bus.subscribe(this::onChange);
  }

  /**
   * Listens on {@code host:port} (0: a free port) with one server per event loop sharing the port, so that connections
   * spread over every core; the future completes with the bound port.
   */
  public Future<Integer> listen(String host, int port, String certificatePath, String keyPath, int maxMessageBytes,
      int instances) {
    MqttServerOptions options = new MqttServerOptions()
        .setHost(host)
        // Vert.x shares one random port among servers that ask for the same negative port.
        .setPort(port == 0 ? -1 : port)
        .setSsl(true)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(certificatePath).setKeyPath(keyPath))
        .setMaxMessageSize(maxMessageBytes)
        .setMaxClientIdLength(256)
        .setAutoClientId(false)
        .setTimeoutOnConnect(30);
    return listen(options, instances);
  }

  /**
   * Listens without TLS on a free loopback port for {@link MqttWebSocketBridge}, which terminates TLS and WebSocket
   * on the HTTPS port and forwards the MQTT bytes here, so that both transports share one endpoint logic (same auth,
   * topics and limits); the future completes with the bound port.
   */
  public Future<Integer> listenLoopback(int maxMessageBytes, int instances) {
    MqttServerOptions options = new MqttServerOptions()
        .setHost("127.0.0.1")
        // A different negative port than listen()'s, so these servers share their own random port, not the TLS one.
        .setPort(-2)
        .setMaxMessageSize(maxMessageBytes)
        .setMaxClientIdLength(256)
        .setAutoClientId(false)
        .setTimeoutOnConnect(30);
    return listen(options, instances);
  }

  private Future<Integer> listen(MqttServerOptions options, int instances) {
    List<MqttServer> started = new CopyOnWriteArrayList<>();
    // One server per verticle instance: each instance gets its own event loop, and the shared port hands connections
    // round-robin to them. Servers created from one plain thread would all share that thread's single context.
    return vertx.deployVerticle(() -> new AbstractVerticle() {
      @Override
      public void start(Promise<Void> starting) {
        MqttServer server = MqttServer.create(vertx, options).endpointHandler(MqttGateway.this::onConnect);
        started.add(server);
        server.listen().<Void>mapEmpty().onComplete(starting);
      }
    }, new DeploymentOptions().setInstances(instances)).map(id -> {
      deployments.add(id);
      return started.get(0).actualPort();
    });
  }

  /** Whether the device has a live MQTT connection. */
  public boolean isConnected(String deviceId) {
    return connections.containsKey(deviceId);
  }

  TwinService twins() {
    return twins;
  }

  CompletableFuture<Void> saveSession(String clientId, Set<String> filters) {
    return store.write(tx -> {
      tx.sessions().put(clientId, filters);
      return null;
    });
  }

  CompletableFuture<Void> keepTelemetry(TelemetryRecord record, JsonNode payload) {
    return store.write(tx -> {
      tx.telemetry().append(record, telemetryRetention);
      tx.emitAfterCommit(new ChangeEvent(ChangeEvent.Kind.TELEMETRY, record.deviceId(), 0, payload,
          record.receivedTime()));
      return null;
    });
  }

  private void onConnect(MqttEndpoint endpoint) {
    Context context = vertx.getOrCreateContext();
    String clientId = endpoint.clientIdentifier();
    MqttAuth auth = endpoint.auth();
    Optional<String> userDevice = Topics.deviceIdOfUserName(auth == null ? null : auth.getUsername());
    if (userDevice.isEmpty() || !userDevice.get().equals(clientId) || auth.getPassword() == null) {
      reject(endpoint, "client id '" + clientId + "' does not match the user name or the password is missing");
      return;
    }
    SasToken token;
    try {
      token = SasToken.parse(auth.getPassword());
    } catch (SasTokenException e) {
      reject(endpoint, "the password is not a SAS token");
      return;
    }
    store.read(tx -> new Lookup(tx.devices().find(clientId), tx.sessions().find(clientId)))
        .whenComplete((lookup, failure) -> context.runOnContext(v -> {
          if (failure != null) {
            LOG.warn("CONNECT of {} failed", clientId, failure);
            endpoint.reject(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
            return;
          }
          String refusal = refusal(clientId, token, lookup.device());
          if (refusal != null) {
            reject(endpoint, refusal);
            return;
          }
          accept(endpoint, context, clientId, token, lookup.session());
        }));
  }

  private void accept(MqttEndpoint endpoint, Context context, String deviceId, SasToken token,
      Optional<Set<String>> session) {
    boolean clean = endpoint.isCleanSession();
    if (clean && session.isPresent()) {
      store.write(tx -> tx.sessions().delete(deviceId));
    }
    DeviceConnection connection = new DeviceConnection(this, endpoint, context, deviceId, clean,
        clean ? Set.of() : session.orElse(Set.of()));
    endpoint.closeHandler(v -> {
      connection.closed();
      // Only the device's current connection may drop the stored session: a replaced clean connection closing late
      // must not delete the session a newer CleanSession=0 connection has persisted since.
      boolean wasCurrent = connections.remove(deviceId, connection);
      if (connection.cleanSession() && wasCurrent && !connections.containsKey(deviceId)) {
        store.write(tx -> tx.sessions().delete(deviceId));
      }
      LOG.debug("Device {} disconnected", deviceId);
    });
    connection.start(token.expiry());
    endpoint.accept(!clean && session.isPresent());
    DeviceConnection old = connections.put(deviceId, connection);
    if (old != null) {
      old.close("400027 ConnectionForcefullyClosedOnNewConnection");
    }
    LOG.debug("Device {} connected", deviceId);
  }

  /** Returns why the token does not let {@code deviceId} connect, or null when it does. */
  private String refusal(String deviceId, SasToken token, Optional<DeviceRecord> device) {
    if (device.isEmpty()) {
      return "device " + deviceId + " is not registered";
    }
    if (!device.get().enabled()) {
      return "device " + deviceId + " is disabled";
    }
    List<String> keys;
    if (token.keyName().isPresent()) {
      Optional<AccessPolicy> policy = policies.find(token.keyName().get());
      if (policy.isEmpty() || !policy.get().rights().contains(Right.DEVICE_CONNECT)) {
        return "policy '" + token.keyName().get() + "' may not connect devices";
      }
      keys = policy.get().keys();
    } else {
      keys = List.of(device.get().primaryKey(), device.get().secondaryKey());
    }
    String key = token.isSignedWith(keys.get(1)) ? keys.get(1) : keys.get(0);
    try {
      token.verify(key, SasToken.deviceScope(hostName, deviceId), clock.instant());
      return null;
    } catch (SasTokenException e) {
      return e.getMessage();
    }
  }

  private static void reject(MqttEndpoint endpoint, String why) {
    LOG.info("CONNECT of '{}' refused: {}", endpoint.clientIdentifier(), why);
    endpoint.reject(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
  }

  private void onChange(ChangeEvent event) {
    if (event.kind() == ChangeEvent.Kind.DESIRED_PROPERTIES) {
      DeviceConnection connection = connections.get(event.id());
      if (connection != null) {
        connection.desiredChanged(event);
      }
    } else if (event.kind() == ChangeEvent.Kind.DEVICE) {
      boolean gone = event.body() == null || "disabled".equals(event.body().path("status").asText());
      DeviceConnection connection = connections.get(event.id());
      if (gone && connection != null) {
        connection.close("the device was deleted or disabled");
      }
    }
  }

  /** Stops listening and closes every connection. */
  @Override
  public void close() {
    try {
      busSubscription.close();
    } catch (Exception e) {
      LOG.debug("Removing the bus listener failed", e);
    }
    connections.values().forEach(connection -> connection.close("the hub is stopping"));
    // Undeploying closes the servers the verticles opened.
    List<Future<Void>> undeploying = new ArrayList<>();
    deployments.forEach(id -> undeploying.add(vertx.undeploy(id)));
    Future.join(undeploying).toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS)
        .exceptionally(e -> null).join();
  }

  private record Lookup(Optional<DeviceRecord> device, Optional<Set<String>> session) {}
}
