package io.twinsdk.hub.iothub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.auth.DeviceConnectionString;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.HubFixture;
import io.twinsdk.hub.TwinHub;
import io.twinsdk.hub.iothub.PahoDevice.Received;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DeviceTwinMqttIT extends ServiceApiFixture {

  static TwinHub hub;

  @BeforeAll
  static void nameTheHub() {
    hub = fixture.hub();
  }

  private static PahoDevice twinDevice(String deviceId) throws MqttException {
    PahoDevice device = PahoDevice.connect(hub, hub.registerDevice(deviceId));
    device.subscribeToTwin();
    return device;
  }

  private static String primaryKey(String deviceId) {
    return DeviceConnectionString.parse(hub.registerDevice(deviceId)).sharedAccessKey().orElseThrow();
  }

  @Test
  void freshTwinGetAnswers200WithBothVersionsAtOneAndNoMetadata() throws Exception {
    try (PahoDevice device = twinDevice("fresh")) {
      device.publish("$iothub/twin/GET/?$rid=get-1", "", 1);

      Received answer = device.next();

      assertThat(answer.topic()).isEqualTo("$iothub/twin/res/200/?$rid=get-1");
      assertThat(Json.parse(answer.body())).isEqualTo(Json.parse("{\"desired\":{\"$version\":1},"
          + "\"reported\":{\"$version\":1}}"));
    }
  }

  @Test
  void reportedPatchAnswers204WithTheNewVersionAndNullDeletes() throws Exception {
    try (PahoDevice device = twinDevice("reporter")) {
      device.publish("$iothub/twin/PATCH/properties/reported/?$rid=1", "{\"fw\":\"1.0\",\"temp\":{\"c\":21}}", 1);
      Received first = device.next();
      device.publish("$iothub/twin/PATCH/properties/reported/?$rid=2", "{\"fw\":null,\"temp\":{\"f\":70}}", 0);
      Received second = device.next();
      device.publish("$iothub/twin/GET/?$rid=3", " ", 0);
      Received twin = device.next();

      assertThat(first.topic()).isEqualTo("$iothub/twin/res/204/?$rid=1&$version=2");
      assertThat(first.body()).isEmpty();
      assertThat(second.topic()).isEqualTo("$iothub/twin/res/204/?$rid=2&$version=3");
      assertThat(Json.parse(twin.body()).get("reported"))
          .isEqualTo(Json.parse("{\"temp\":{\"c\":21,\"f\":70},\"$version\":3}"));
    }
  }

  @Test
  void reportedPatchWithStaleVersionIs412WithAJsonErrorBody() throws Exception {
    try (PahoDevice device = twinDevice("versioned")) {
      device.publish("$iothub/twin/PATCH/properties/reported/?$rid=a&$version=1", "{\"x\":1}", 1);
      Received accepted = device.next();
      device.publish("$iothub/twin/PATCH/properties/reported/?$rid=b&$version=1", "{\"x\":2}", 1);
      Received refused = device.next();

      assertThat(accepted.topic()).isEqualTo("$iothub/twin/res/204/?$rid=a&$version=2");
      assertThat(refused.topic()).isEqualTo("$iothub/twin/res/412/?$rid=b");
      assertThat(Json.parse(refused.body()).get("errorCode").asInt()).isEqualTo(412001);
      assertThat(Json.parse(refused.body()).get("message").asText()).isNotEmpty();
    }
  }

  @Test
  void invalidReportedPatchesAre400AndLeaveTheTwinAndConnectionAsTheyWere() throws Exception {
    // The patch root plus 11 nested objects: depth 11, one more than IoT Hub allows.
    String deep = "{\"a\":".repeat(12) + "1" + "}".repeat(12);
    StringBuilder large = new StringBuilder("{");
    for (int i = 0; i < 11; i++) {
      large.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"").append("v".repeat(3000)).append('"');
    }
    large.append('}');
    String[] bad = {"{\"a.b\":1}", "{\"$x\":1}", "{\"a b\":1}", deep, large.toString(), "{\"a\":", "[1]",
        "{\"n\":9007199254740993}"};
    try (PahoDevice device = twinDevice("invalid")) {
      for (int i = 0; i < bad.length; i++) {
        device.publish("$iothub/twin/PATCH/properties/reported/?$rid=bad" + i, bad[i], 1);
        Received answer = device.next();
        assertThat(answer.topic()).as(bad[i]).isEqualTo("$iothub/twin/res/400/?$rid=bad" + i);
        assertThat(Json.parse(answer.body()).get("errorCode").asInt()).isEqualTo(400004);
      }
      device.publish("$iothub/twin/GET/?$rid=after", "", 1);
      Received twin = device.next();

      assertThat(device.isConnected()).isTrue();
      assertThat(Json.parse(twin.body()).get("reported")).isEqualTo(Json.parse("{\"$version\":1}"));
    }
  }

  @Test
  void desiredPatchFromTheServiceReachesTheLiveSessionWithItsVersion() throws Exception {
    try (PahoDevice device = twinDevice("desired")) {
      HttpResponse<String> patched = service.send("PATCH", "/twins/desired",
          "{\"properties\":{\"desired\":{\"rate\":5,\"mode\":{\"on\":true}}}}");

      Received notification = device.next();

      assertThat(patched.statusCode()).isEqualTo(200);
      assertThat(notification.topic()).isEqualTo("$iothub/twin/PATCH/properties/desired/?$version=2");
      assertThat(Json.parse(notification.body()))
          .isEqualTo(Json.parse("{\"rate\":5,\"mode\":{\"on\":true},\"$version\":2}"));
    }
  }

  @Test
  void replacingDesiredPropertiesNotifiesTheDiffWithNullsForRemovedKeys() throws Exception {
    try (PahoDevice device = twinDevice("replaced")) {
      service.send("PATCH", "/twins/replaced", "{\"properties\":{\"desired\":{\"a\":1,\"b\":2,\"c\":3}}}");
      device.next();

      service.send("PUT", "/twins/replaced", "{\"tags\":{},\"properties\":{\"desired\":{\"a\":1,\"c\":100}}}");
      Received notification = device.next();

      assertThat(Json.parse(notification.body()))
          .isEqualTo(Json.parse("{\"a\":1,\"b\":null,\"c\":100,\"$version\":3}"));
    }
  }

  @Test
  void subscriptionsSurviveAReconnectWithSessionPresent() throws Exception {
    String connectionString = hub.registerDevice("persistent");
    try (PahoDevice first = PahoDevice.connect(hub, connectionString)) {
      assertThat(first.sessionPresent()).isFalse();
      first.subscribeToTwin();
    }
    try (PahoDevice second = PahoDevice.connect(hub, connectionString)) {
      service.send("PATCH", "/twins/persistent", "{\"properties\":{\"desired\":{\"k\":\"v\"}}}");

      Received notification = second.next();

      assertThat(second.sessionPresent()).isTrue();
      assertThat(notification.topic()).startsWith("$iothub/twin/PATCH/properties/desired/?$version=");
    }
  }

  @Test
  void aSecondConnectionReplacesTheFirstButARefusedOneDoesNot() throws Exception {
    String connectionString = hub.registerDevice("single");
    try (PahoDevice first = PahoDevice.connect(hub, connectionString)) {
      assertThatThrownBy(() -> PahoDevice.connect(hub, "single", "single",
          PahoDevice.token(hub, "single", primaryKey("other-key-holder"), Instant.now().plusSeconds(60)), false))
          .isInstanceOf(MqttSecurityException.class);
      assertThat(first.isConnected()).isTrue();

      try (PahoDevice second = PahoDevice.connect(hub, connectionString)) {
        first.lost().get(10, TimeUnit.SECONDS);
        assertThat(second.isConnected()).isTrue();
      }
    }
  }

  @Test
  void badCredentialsAreRefusedWithConnackNotAuthorized() {
    String key = primaryKey("guarded");
    primaryKey("guarded-x");
    String[][] attempts = {
        {"guarded", "guarded", PahoDevice.token(hub, "guarded", key, Instant.now().minusSeconds(5))},
        {"guarded", "other", PahoDevice.token(hub, "guarded", key, Instant.now().plusSeconds(60))},
        {"guarded-x", "guarded-x", PahoDevice.token(hub, "guarded", key, Instant.now().plusSeconds(60))},
        {"guarded", "guarded", PahoDevice.token(hub, "guarded", primaryKey("unrelated"),
            Instant.now().plusSeconds(60))},
        {"guarded", "guarded", "not a token"},
        {"unknown-device", "unknown-device", PahoDevice.token(hub, "unknown-device", key,
            Instant.now().plusSeconds(60))},
    };
    for (String[] attempt : attempts) {
      assertThatThrownBy(() -> PahoDevice.connect(hub, attempt[0], attempt[1], attempt[2], false))
          .as(String.join(" ", attempt[0], attempt[1]))
          .isInstanceOfSatisfying(MqttSecurityException.class,
              e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
    }
  }

  @Test
  void aDisabledDeviceCannotConnectAndIsDisconnectedWhenDisabled() throws Exception {
    String connectionString = hub.registerDevice("to-disable");
    try (PahoDevice device = PahoDevice.connect(hub, connectionString)) {
      String etag = HubFixture.json(service.send("GET", "/devices/to-disable", null)).get("etag").asText();
      fixture.send("PUT", "/devices/to-disable?" + ServiceCalls.API, service.ownerToken(), "application/json",
          "{\"status\":\"disabled\"}", "If-Match", etag);

      device.lost().get(10, TimeUnit.SECONDS);
    }
    assertThatThrownBy(() -> PahoDevice.connect(hub, connectionString)).isInstanceOf(MqttSecurityException.class);
  }

  @Test
  void subscriptionsOutsideTheDevicesOwnTopicsAreRefused() throws Exception {
    hub.registerDevice("neighbour");
    try (PahoDevice device = PahoDevice.connect(hub, hub.registerDevice("subscriber"))) {
      assertThat(device.subscribe("devices/subscriber/messages/devicebound/#", 1)).isEqualTo(1);
      assertThat(device.subscribe("$iothub/methods/POST/#", 0)).isEqualTo(0);
      assertThat(device.subscribe("devices/neighbour/messages/devicebound/#", 1)).isEqualTo(128);
      assertThat(device.subscribe("#", 1)).isEqualTo(128);
      assertThat(device.subscribe("$iothub/#", 1)).isEqualTo(128);
      assertThat(device.isConnected()).isTrue();
    }
  }

  @Test
  void telemetryIsAcknowledgedAndPublishesElsewhereCloseTheConnection() throws Exception {
    hub.registerDevice("neighbour-2");
    try (PahoDevice device = twinDevice("talker")) {
      device.publish("devices/talker/messages/events/%24.ct=application%2Fjson&room=a", "{\"t\":1}", 1);
      device.publish("$iothub/twin/GET/?$rid=alive", "", 1);
      assertThat(device.next().topic()).isEqualTo("$iothub/twin/res/200/?$rid=alive");

      device.publishWithoutWaiting("devices/neighbour-2/messages/events/", "{}", 0);

      device.lost().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void qos2PublishClosesTheConnection() throws Exception {
    try (PahoDevice device = twinDevice("qos2")) {
      device.publishWithoutWaiting("$iothub/twin/GET/?$rid=2", "", 2);

      device.lost().get(10, TimeUnit.SECONDS);
    }
    try (PahoDevice device = PahoDevice.connect(hub, hub.registerDevice("qos2"))) {
      assertThat(device.isConnected()).isTrue();
    }
  }

  @Test
  void theConnectionClosesWhenItsTokenExpires() throws Exception {
    String key = primaryKey("expiring");
    try (PahoDevice device = PahoDevice.connect(hub, "expiring", "expiring",
        // Enough margin for a cold TLS handshake on a loaded machine: the CONNECT must succeed before the expiry.
        PahoDevice.token(hub, "expiring", key, Instant.now().plusSeconds(8)), false)) {
      device.lost().get(30, TimeUnit.SECONDS);
      assertThat(device.isConnected()).isFalse();
    }
  }

  @Test
  void garbageBytesCloseOnlyThatConnection() throws Exception {
    try (PahoDevice device = twinDevice("bystander");
        SSLSocket socket = (SSLSocket) HubFixture.trusting(hub.certificatePath()).getSocketFactory()
            .createSocket("localhost", hub.mqttPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(new byte[] {(byte) 0xF0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 2, 3});
      out.flush();

      assertThat(socket.getInputStream().read()).isEqualTo(-1);
      device.publish("$iothub/twin/GET/?$rid=still", "", 1);
      assertThat(device.next().topic()).isEqualTo("$iothub/twin/res/200/?$rid=still");
    }
  }

  @Test
  void aPacketOverTheSizeLimitClosesOnlyThatConnection() throws Exception {
    try (PahoDevice bystander = twinDevice("small-talker");
        PahoDevice device = twinDevice("big-talker")) {
      device.publishWithoutWaiting("devices/big-talker/messages/events/", "x".repeat(300 * 1024), 0);

      device.lost().get(10, TimeUnit.SECONDS);
      bystander.publish("$iothub/twin/GET/?$rid=fine", "", 1);
      assertThat(bystander.next().topic()).isEqualTo("$iothub/twin/res/200/?$rid=fine");
    }
  }
}
