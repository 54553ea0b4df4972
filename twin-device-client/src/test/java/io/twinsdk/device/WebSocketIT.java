package io.twinsdk.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.core.devicetwin.TwinProperties;
import io.twinsdk.core.json.MergePatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The device client over MQTT over secure WebSocket against the embedded hub's HTTPS port, directly and through an
 * HTTP CONNECT proxy.
 */
class WebSocketIT {

  private static TestHub hub;
  private static int devices;

  private final BlockingQueue<ConnectionStatus> states = new LinkedBlockingQueue<>();

  @BeforeAll
  static void startHub() {
    hub = TestHub.start();
  }

  @AfterAll
  static void stopHub() {
    hub.close();
  }

  private DeviceClientBuilder webSocketClient(String deviceId) {
    return hub.client(hub.register(deviceId))
        .webSocket(true)
        .port(hub.hub().httpsPort())
        .retryPolicy(ExponentialBackoff.builder().initialDelay(Duration.ofMillis(50)).maxDelay(Duration.ofMillis(200))
            .build())
        .connectionStateListener(states::add);
  }

  private ConnectionStatus awaitState(ConnectionState state) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      ConnectionStatus status = states.poll(100, TimeUnit.MILLISECONDS);
      if (status != null && status.state() == state) {
        return status;
      }
    }
    throw new AssertionError("The client did not reach " + state);
  }

  private String hubTarget() {
    return hub.hub().hostName() + ":" + hub.hub().httpsPort();
  }

  @Test
  void getTwinAndReportedUpdateWorkOverWebSocket() {
    try (DeviceClient client = webSocketClient("ws-report-" + ++devices).buildClient()) {
      client.open();

      long version = client.updateReportedProperties(MergePatch.builder().set("firmware", "3.0").build());
      TwinProperties twin = client.getTwin();

      assertThat(version).isEqualTo(2);
      assertThat(twin.reported().version()).hasValue(2);
      assertThat(twin.reported().get("firmware").orElseThrow().asText()).isEqualTo("3.0");
    }
  }

  @Test
  void desiredPatchArrivesOverWebSocket() throws Exception {
    String device = "ws-desired-" + ++devices;
    BlockingQueue<DesiredPropertiesUpdate> updates = new LinkedBlockingQueue<>();
    try (DeviceClient client = webSocketClient(device).desiredPropertiesListener(updates::add).buildClient()) {
      client.open();
      client.getTwin();

      hub.patchDesired(device, "{\"interval\":30}");

      DesiredPropertiesUpdate update = updates.poll(10, TimeUnit.SECONDS);
      assertThat(update).isNotNull();
      assertThat(update.version()).isEqualTo(2);
      assertThat(update.patch().toJson()).isEqualTo("{\"interval\":30}");
    }
  }

  @Test
  void desiredPatchMadeWhileTheTunnelIsCutArrivesAfterReconnectThroughTheProxy() throws Exception {
    String device = "ws-reconnect-" + ++devices;
    BlockingQueue<DesiredPropertiesUpdate> updates = new LinkedBlockingQueue<>();
    try (ConnectProxy proxy = new ConnectProxy(null);
        DeviceClient client = webSocketClient(device).httpProxy(HttpProxy.of("localhost", proxy.port()))
            .desiredPropertiesListener(updates::add).buildClient()) {
      client.open();
      awaitState(ConnectionState.CONNECTED);

      proxy.cut();
      awaitState(ConnectionState.DISCONNECTED_RETRYING);
      hub.patchDesired(device, "{\"mode\":\"night\"}");
      awaitState(ConnectionState.CONNECTED);
      long reported = client.updateReportedProperties(MergePatch.builder().set("mode", "night").build());

      DesiredPropertiesUpdate missed = updates.poll(10, TimeUnit.SECONDS);
      assertThat(missed).isNotNull();
      assertThat(missed.version()).isEqualTo(2);
      assertThat(missed.patch().toJson()).isEqualTo("{\"mode\":\"night\"}");
      assertThat(reported).isEqualTo(2);
      assertThat(proxy.targets()).hasSizeGreaterThanOrEqualTo(2).containsOnly(hubTarget());
    }
  }

  @Test
  void tunnelCarriesBasicCredentialsToTheHubsHttpsPort() throws Exception {
    String expected = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
    try (ConnectProxy proxy = new ConnectProxy(expected);
        DeviceClient client = webSocketClient("ws-auth-" + ++devices)
            .httpProxy(HttpProxy.withBasicCredentials("localhost", proxy.port(), "alice", "s3cret")).buildClient()) {
      client.open();

      TwinProperties twin = client.getTwin();

      assertThat(twin.reported().version()).hasValue(1);
      assertThat(proxy.targets()).isEqualTo(List.of(hubTarget()));
      assertThat(proxy.authorizations()).isEqualTo(List.of(expected));
    }
  }

  @Test
  void proxyAnswering407EndsInDisconnectedWithATypedCauseAndNoRetry() throws Exception {
    try (ConnectProxy proxy = new ConnectProxy("Basic dGVzdDp0ZXN0");
        DeviceClient client = webSocketClient("ws-407-" + ++devices)
            .httpProxy(HttpProxy.of("localhost", proxy.port())).buildClient()) {

      assertThatThrownBy(client::open)
          .isInstanceOf(UnauthorizedException.class)
          .hasMessageContaining("407");
      ConnectionStatus disconnected = awaitState(ConnectionState.DISCONNECTED);

      assertThat(disconnected.reason()).isEqualTo(DisconnectReason.UNAUTHORIZED);
      assertThat(disconnected.cause()).get().isInstanceOf(UnauthorizedException.class);
      assertThat(proxy.targets()).isEqualTo(List.of(hubTarget()));
      assertThat(proxy.authorizations()).isEqualTo(List.of(""));
    }
  }
}
