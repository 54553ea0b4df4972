package io.twinsdk.hub.iothub;

import io.twinsdk.core.auth.DeviceConnectionString;
import io.twinsdk.core.auth.SasToken;
import io.twinsdk.hub.HubFixture;
import io.twinsdk.hub.TwinHub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A raw Paho MQTT client speaking IoT Hub's topics to a test hub, recording everything it receives. */
final class PahoDevice implements AutoCloseable {

  /** A message the hub published to the device. */
  record Received(String topic, String body, int qos) {}

  /** Every wait on the hub is bounded, so that a test fails instead of hanging when the hub drops the line. */
  private static final long WAIT_MILLIS = 15_000;

  private final MqttAsyncClient client;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final CompletableFuture<Throwable> lost = new CompletableFuture<>();
  private IMqttToken connectToken;

  private PahoDevice(String serverUri, String clientId) throws MqttException {
    client = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
    client.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {
        lost.complete(cause);
      }

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
            message.getQos()));
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {
        // Completion is observed through the blocking publish.
      }
    });
  }

  /** Connects as the device of {@code connectionString} with a token valid for an hour, CleanSession=0. */
  static PahoDevice connect(TwinHub hub, String connectionString) throws MqttException {
    DeviceConnectionString device = DeviceConnectionString.parse(connectionString);
    return connect(hub, device.deviceId(), device.deviceId(), device.sasToken(Instant.now().plusSeconds(3600))
        .value(), false);
  }

  /** Connects with explicit client id, user-name device, password and clean-session flag. */
  static PahoDevice connect(TwinHub hub, String clientId, String userDevice, String password, boolean clean)
      throws MqttException {
    return connect(hub.hostName(), hub.mqttPort(), hub.certificatePath(), clientId, userDevice, password, clean);
  }

  /** Connects to a hub known by host name, MQTT port and certificate (a hub in another process). */
  static PahoDevice connect(String hostName, int port, Path certificate, String clientId, String userDevice,
      String password, boolean clean) throws MqttException {
    return connect("ssl://localhost:" + port, hostName, certificate, clientId, userDevice, password, clean);
  }

  /**
   * Connects like {@link #connect(TwinHub, String, String, String, boolean)} but over MQTT over secure WebSocket on the
   * hub's HTTPS port, with the URI the official Java device SDK dials.
   */
  static PahoDevice connectWebSocket(TwinHub hub, String clientId, String userDevice, String password, boolean clean)
      throws MqttException {
    return connect("wss://localhost:" + hub.httpsPort() + "/$iothub/websocket?iothub-no-client-cert=true",
        hub.hostName(), hub.certificatePath(), clientId, userDevice, password, clean);
  }

  private static PahoDevice connect(String serverUri, String hostName, Path certificate, String clientId,
      String userDevice, String password, boolean clean) throws MqttException {
    PahoDevice device = new PahoDevice(serverUri, clientId);
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setCleanSession(clean);
    options.setAutomaticReconnect(false);
    options.setConnectionTimeout(10);
    options.setUserName(hostName + "/" + userDevice + "/?api-version=2021-04-12");
    options.setPassword(password.toCharArray());
    options.setSocketFactory(HubFixture.trusting(certificate).getSocketFactory());
    options.setMaxInflight(1000);
    device.connectToken = device.client.connect(options);
    device.connectToken.waitForCompletion(WAIT_MILLIS);
    return device;
  }

  /** A device token for {@code deviceId} signed with {@code key}. */
  static String token(TwinHub hub, String deviceId, String key, Instant expiry) {
    return SasToken.forDevice(hub.hostName(), deviceId, key, expiry).value();
  }

  boolean sessionPresent() {
    return connectToken.getSessionPresent();
  }

  /** Subscribes and returns the granted QoS (128 for a refusal). */
  int subscribe(String filter, int qos) throws MqttException {
    IMqttToken token = client.subscribe(filter, qos);
    token.waitForCompletion(WAIT_MILLIS);
    return token.getGrantedQos()[0];
  }

  void subscribeToTwin() throws MqttException {
    subscribe("$iothub/twin/res/#", 1);
    subscribe("$iothub/twin/PATCH/properties/desired/#", 1);
  }

  void publish(String topic, String body, int qos) throws MqttException {
    client.publish(topic, body.getBytes(StandardCharsets.UTF_8), qos, false).waitForCompletion(WAIT_MILLIS);
  }

  /** Sends without waiting for completion, for a publish the hub answers by closing the connection. */
  void publishWithoutWaiting(String topic, String body, int qos) throws MqttException {
    client.publish(topic, body.getBytes(StandardCharsets.UTF_8), qos, false);
  }

  /** Waits up to 10 seconds for the next message. */
  Received next() throws InterruptedException {
    Received message = received.poll(10, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("No message from the hub within 10 seconds");
    }
    return message;
  }

  /** Takes every message received so far. */
  List<Received> drain() {
    List<Received> messages = new ArrayList<>();
    received.drainTo(messages);
    return messages;
  }

  /** Returns a message that arrives within {@code millis}, or null. */
  Received poll(long millis) throws InterruptedException {
    return received.poll(millis, TimeUnit.MILLISECONDS);
  }

  /** Completes when the hub closes the connection. */
  CompletableFuture<Throwable> lost() {
    return lost;
  }

  boolean isConnected() {
    return client.isConnected();
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect(2000).waitForCompletion(WAIT_MILLIS);
    }
    client.close(true);
  }
}
