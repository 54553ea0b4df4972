package io.twinsdk.hub.iothub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.core.auth.DeviceConnectionString;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.HubFixture;
import io.twinsdk.hub.TwinHub;
import io.twinsdk.hub.iothub.PahoDevice.Received;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** MQTT over secure WebSocket on the hub's HTTPS port, driven by a raw Paho client dialling {@code wss://}. */
@Timeout(60)
class MqttWebSocketIT {

  @TempDir
  static Path data;
  static HubFixture fixture;
  static TwinHub hub;
  static ServiceCalls service;

  @BeforeAll
  static void startHub() {
    fixture = HubFixture.start(data);
    hub = fixture.hub();
    service = new ServiceCalls(fixture);
  }

  @AfterAll
  static void stopHub() {
    fixture.close();
  }

  private static PahoDevice webSocketDevice(String deviceId) throws Exception {
    DeviceConnectionString device = DeviceConnectionString.parse(hub.registerDevice(deviceId));
    PahoDevice paho = PahoDevice.connectWebSocket(hub, deviceId, deviceId,
        device.sasToken(Instant.now().plusSeconds(3600)).value(), false);
    paho.subscribeToTwin();
    return paho;
  }

  @Test
  void getAndReportedPatchOverWebSocketAnswerLikeMqttOverTls() throws Exception {
    try (PahoDevice device = webSocketDevice("ws-reporter")) {
      device.publish("$iothub/twin/PATCH/properties/reported/?$rid=1", "{\"fw\":\"2.0\"}", 1);
      Received patched = device.next();
      device.publish("$iothub/twin/GET/?$rid=2", "", 1);
      Received twin = device.next();

      assertThat(patched.topic()).isEqualTo("$iothub/twin/res/204/?$rid=1&$version=2");
      assertThat(twin.topic()).isEqualTo("$iothub/twin/res/200/?$rid=2");
      assertThat(Json.parse(twin.body())).isEqualTo(Json.parse("{\"desired\":{\"$version\":1},"
          + "\"reported\":{\"fw\":\"2.0\",\"$version\":2}}"));
    }
  }

  @Test
  void desiredPatchFromTheServiceReachesAWebSocketSession() throws Exception {
    try (PahoDevice device = webSocketDevice("ws-desired")) {
      int status = service.send("PATCH", "/twins/ws-desired", "{\"properties\":{\"desired\":{\"rate\":7}}}")
          .statusCode();
      Received notification = device.next();

      assertThat(status).isEqualTo(200);
      assertThat(notification.topic()).isEqualTo("$iothub/twin/PATCH/properties/desired/?$version=2");
      assertThat(Json.parse(notification.body())).isEqualTo(Json.parse("{\"rate\":7,\"$version\":2}"));
    }
  }

  @Test
  void aWrongTokenOverWebSocketIsRefusedWithConnackNotAuthorized() {
    hub.registerDevice("ws-guarded");
    String otherKey = DeviceConnectionString.parse(hub.registerDevice("ws-other")).sharedAccessKey().orElseThrow();

    assertThatThrownBy(() -> PahoDevice.connectWebSocket(hub, "ws-guarded", "ws-guarded",
        PahoDevice.token(hub, "ws-guarded", otherKey, Instant.now().plusSeconds(60)), false))
        .isInstanceOf(MqttSecurityException.class);
  }

  @Test
  void aSubscriptionToAnotherDevicesTopicsIsRefusedOverWebSocket() throws Exception {
    hub.registerDevice("ws-victim");
    try (PahoDevice device = webSocketDevice("ws-snoop")) {
      assertThat(device.subscribe("devices/ws-victim/messages/devicebound/#", 1)).isEqualTo(128);
    }
  }

  @Test
  void aWebSocketConnectionAndAnMqttTlsOneOfTheSameDeviceReplaceEachOther() throws Exception {
    String connectionString = hub.registerDevice("ws-single");
    try (PahoDevice overWebSocket = webSocketDevice("ws-single");
        PahoDevice overTls = PahoDevice.connect(hub, connectionString)) {
      overWebSocket.lost().get(10, TimeUnit.SECONDS);

      assertThat(overTls.isConnected()).isTrue();
    }
  }

  @Test
  void anUpgradeOnAnotherPathIsRefused() {
    HttpClient client = HttpClient.newBuilder().sslContext(HubFixture.trusting(hub.certificatePath())).build();

    assertThatThrownBy(() -> client.newWebSocketBuilder().subprotocols("mqtt")
        .buildAsync(URI.create("wss://localhost:" + hub.httpsPort() + "/mqtt"), new WebSocket.Listener() {})
        .join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(WebSocketHandshakeException.class,
            refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(404));
  }
}
