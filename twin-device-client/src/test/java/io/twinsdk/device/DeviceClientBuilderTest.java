package io.twinsdk.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.core.auth.ConnectionStringException;
import io.twinsdk.core.devicetwin.TwinProperties;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeviceClientBuilderTest {

  private static final String CONNECTION_STRING = "HostName=localhost:1;DeviceId=dev1;SharedAccessKey=c29tZUtleQ==";

  @Test
  void buildingWithoutAnIdentityFailsFast() {
    assertThatThrownBy(() -> DeviceClient.builder().buildClient())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("connectionString");
  }

  @Test
  void httpProxyWithoutWebSocketIsRefusedAtBuild() {
    DeviceClientBuilder builder = DeviceClient.builder()
        .connectionString("HostName=hub.example;DeviceId=d;SharedAccessKey=AA==")
        .httpProxy(HttpProxy.of("proxy.example", 3128));

    assertThatThrownBy(builder::buildClient)
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("webSocket(true)");
  }

  @Test
  void httpProxyRefusesBadArgumentsAndHidesItsPassword() {
    HttpProxy proxy = HttpProxy.withBasicCredentials("proxy.example", 3128, "alice", "s3cret");

    assertThat(proxy.toString()).contains("proxy.example:3128", "alice").doesNotContain("s3cret");
    assertThat(proxy.password()).hasValue("s3cret");
    assertThatThrownBy(() -> HttpProxy.of("proxy.example", 0)).hasMessageContaining("port");
    assertThatThrownBy(() -> HttpProxy.of("", 3128)).hasMessageContaining("host");
    assertThatThrownBy(() -> HttpProxy.withBasicCredentials("proxy.example", 3128, "a:b", "x"))
        .hasMessageContaining("':'");
  }

  @Test
  void badOptionsAreRefusedNamingTheArgument() {
    DeviceClientBuilder builder = DeviceClient.builder();

    assertThatThrownBy(() -> builder.port(0)).hasMessageContaining("port");
    assertThatThrownBy(() -> builder.operationTimeout(Duration.ZERO)).hasMessageContaining("operationTimeout");
    assertThatThrownBy(() -> builder.keepAlive(Duration.ofMillis(10))).hasMessageContaining("keepAlive");
    assertThatThrownBy(() -> builder.offlineQueueCapacity(0)).hasMessageContaining("offlineQueueCapacity");
    assertThatThrownBy(() -> builder.connectionString("HostName=h;DeviceId=d"))
        .isInstanceOf(ConnectionStringException.class);
    assertThatThrownBy(() -> builder.connectionString("HostName=h;DeviceId=d;x509=true"))
        .hasMessageContaining("X.509");
  }

  @Test
  void openGivesUpWaitingAfterTheOperationTimeout() {
    try (DeviceClient client = DeviceClient.builder().connectionString(CONNECTION_STRING)
        .operationTimeout(Duration.ofMillis(300)).buildClient()) {

      assertThatThrownBy(client::open).isInstanceOf(OperationTimeoutException.class);
    }
  }

  @Test
  void clientThatCannotConnectKeepsTryingUntilClosed() {
    // A long operation timeout: the request must still be waiting (not timed out) when close() fails it.
    DeviceClient client = DeviceClient.builder().connectionString(CONNECTION_STRING)
        .operationTimeout(Duration.ofSeconds(60)).buildClient();
    CompletableFuture<Void> opened = client.openAsync();
    CompletableFuture<TwinProperties> twin = client.getTwinAsync();
    assertThat(opened).isNotDone();
    assertThat(twin).isNotDone();

    client.close();

    assertThatThrownBy(() -> twin.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectionLostException.class);
    assertThatThrownBy(() -> opened.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectionLostException.class);
  }

  @Test
  void repeatedCloseAsyncCallsShareOneClose() throws Exception {
    DeviceClient client = DeviceClient.builder().connectionString(CONNECTION_STRING).buildClient();

    CompletableFuture<Void> first = client.closeAsync();
    CompletableFuture<Void> second = client.closeAsync();

    assertThat(second).isSameAs(first);
    first.get(10, TimeUnit.SECONDS);
    assertThat(client.closeAsync()).isSameAs(first);
  }
}
