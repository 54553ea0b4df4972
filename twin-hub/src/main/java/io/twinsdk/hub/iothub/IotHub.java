package io.twinsdk.hub.iothub;

import io.twinsdk.core.auth.DeviceConnectionString;
import io.twinsdk.hub.HubOptions;
import io.twinsdk.hub.auth.AccessPolicies;
import io.twinsdk.hub.bus.ChangeBus;
import io.twinsdk.hub.http.Authenticator;
import io.twinsdk.hub.http.Router;
import io.twinsdk.hub.iothub.mqtt.MqttGateway;
import io.twinsdk.hub.iothub.mqtt.MqttWebSocketBridge;
import io.twinsdk.hub.iothub.query.QueryRoutes;
import io.twinsdk.hub.iothub.registry.DeviceRegistry;
import io.twinsdk.hub.iothub.registry.RegistryRoutes;
import io.twinsdk.hub.iothub.twins.TwinRoutes;
import io.twinsdk.hub.iothub.twins.TwinService;
import io.twinsdk.hub.store.DeviceRecord;
import io.twinsdk.hub.store.HubStore;
import io.twinsdk.hub.tls.HubCertificate;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * The IoT Hub side of the hub, assembled: device registry, twins, the service REST routes and the MQTT endpoint.
 * {@code TwinHub} creates one, adds its routes and authenticator to the HTTPS gateway and starts its MQTT listener.
 */
public final class IotHub implements AutoCloseable {

  private final DeviceRegistry registry;
  private final TwinService twins;
  private final MqttGateway mqtt;
  private final ServiceSasAuthenticator authenticator;
  private final HubOptions options;
  private final HubStore store;
  private final Vertx vertx;
  private volatile MqttWebSocketBridge webSocketBridge;

  /** Assembles the IoT Hub features over {@code store}. */
  public IotHub(Vertx vertx, HubStore store, ChangeBus bus, AccessPolicies policies, HubOptions options,
      Clock clock) {
    this.options = options;
    this.store = store;
    this.vertx = vertx;
    this.registry = new DeviceRegistry(store, clock);
    this.twins = new TwinService(store, clock);
    this.mqtt = new MqttGateway(vertx, store, bus, twins, policies, options.hostName(),
        options.telemetryRetention(), clock);
    this.authenticator = new ServiceSasAuthenticator(policies, options.hostName(), clock);
  }

  /** Adds the IoT Hub service routes (registry, twins) to {@code router}. */
  public void addRoutes(Router router) {
    RegistryRoutes.addTo(router, registry, mqtt::isConnected);
    TwinRoutes.addTo(router, twins, mqtt::isConnected);
    QueryRoutes.addTo(router, store, mqtt::isConnected);
  }

  /** The authenticator of the IoT Hub realm: SAS tokens of shared access policies. */
  public Authenticator authenticator() {
    return authenticator;
  }

  /** Starts the MQTT/TLS listener; the future completes with the bound port. */
  public Future<Integer> listenMqtt(HubCertificate certificate, int eventLoops) {
    return mqtt.listen(options.bindAddress(), options.mqttPort(), certificate.certificatePath().toString(),
        certificate.keyPath().toString(), options.maxMqttMessageBytes(), eventLoops);
  }

  /**
   * Starts the loopback MQTT listener behind MQTT over WebSocket; the future completes with the handler to serve
   * WebSocket upgrades on the HTTPS port with.
   */
  public Future<MqttWebSocketBridge> listenMqttWebSocket(int eventLoops) {
    return mqtt.listenLoopback(options.maxMqttMessageBytes(), eventLoops)
        .map(port -> webSocketBridge = new MqttWebSocketBridge(vertx, port));
  }

  /** The device registry. */
  public DeviceRegistry registry() {
    return registry;
  }

  /**
   * Returns the connection string of a registered device: {@code HostName=<host>[:<mqttPort>];DeviceId=<id>;
   * SharedAccessKey=<primary key>}, the port only when it is not 8883.
   */
  public static String connectionString(String hostName, int mqttPort, DeviceRecord device) {
    return DeviceConnectionString.builder()
        .hostName(mqttPort == HubOptions.DEFAULT_MQTT_PORT ? hostName : hostName + ":" + mqttPort)
        .deviceId(device.deviceId())
        .sharedAccessKey(device.primaryKey())
        .build()
        .toConnectionString();
  }

  /** Stops the MQTT listener and closes every device connection. */
  @Override
  public void close() {
    if (webSocketBridge != null) {
      webSocketBridge.close();
    }
    mqtt.close();
  }
}
