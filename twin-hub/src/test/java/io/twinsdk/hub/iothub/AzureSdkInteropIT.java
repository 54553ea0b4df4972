package io.twinsdk.hub.iothub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.twin.ReportedPropertiesUpdateResponse;
import com.microsoft.azure.sdk.iot.service.auth.AuthenticationType;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubPreconditionFailedException;
import com.microsoft.azure.sdk.iot.service.query.QueryClient;
import com.microsoft.azure.sdk.iot.service.query.TwinQueryResponse;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import com.microsoft.azure.sdk.iot.service.registry.RegistryClient;
import com.microsoft.azure.sdk.iot.service.twin.Twin;
import com.microsoft.azure.sdk.iot.service.twin.TwinClient;
import io.twinsdk.hub.HubFixture;
import io.twinsdk.hub.HubOptions;
import io.twinsdk.hub.TwinHub;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Azure IoT SDKs for Java against the hub, unchanged. The device SDK always dials port 8883 and refuses a
 * host name without a dot, and the service SDK refuses a host name with a port, so this hub listens on
 * 127.0.0.1:8883 (MQTT) and 127.0.0.1:443 (HTTPS); the class is skipped when either port is taken.
 */
@Timeout(120)
class AzureSdkInteropIT {

  private static final String HOST = "127.0.0.1";

  @TempDir
  static Path data;
  static TwinHub hub;
  static SSLSocketFactory previousDefault;
  static String serviceConnectionString;

  @BeforeAll
  static void startHubOnTheOfficialPorts() {
    Assumptions.assumeTrue(free(HubOptions.DEFAULT_MQTT_PORT) && free(443),
        "ports 8883 and 443 on 127.0.0.1 must be free for the Azure SDK interop test");
    hub = TwinHub.start(HubOptions.builder().dataDirectory(data).hostName(HOST).bindAddress(HOST)
        .mqttPort(HubOptions.DEFAULT_MQTT_PORT).httpsPort(443).build());
    // The service SDK uses HttpsURLConnection with the default socket factory and has no option for another.
    previousDefault = HttpsURLConnection.getDefaultSSLSocketFactory();
    HttpsURLConnection.setDefaultSSLSocketFactory(HubFixture.trusting(hub.certificatePath()).getSocketFactory());
    serviceConnectionString = hub.iotHubConnectionString();
  }

  @AfterAll
  static void stopHub() {
    if (hub != null) {
      HttpsURLConnection.setDefaultSSLSocketFactory(previousDefault);
      hub.close();
    }
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static DeviceClient deviceClient(Device device) {
    return deviceClient(device, IotHubClientProtocol.MQTT);
  }

  private static DeviceClient deviceClient(Device device, IotHubClientProtocol protocol) {
    String connectionString = "HostName=" + HOST + ";DeviceId=" + device.getDeviceId() + ";SharedAccessKey="
        + device.getPrimaryKey();
    ClientOptions options = ClientOptions.builder()
        .sslContext(HubFixture.trusting(hub.certificatePath()))
        .build();
    return new DeviceClient(connectionString, protocol, options);
  }

  @Test
  void registryClientCreatesReadsAndRemovesDevices() throws Exception {
    RegistryClient registry = new RegistryClient(serviceConnectionString);

    Device created = registry.addDevice(new Device("sdk-registry", AuthenticationType.SAS));
    Device read = registry.getDevice("sdk-registry");
    registry.removeDevice("sdk-registry");

    assertThat(created.getPrimaryKey()).isNotEmpty();
    assertThat(read.getPrimaryKey()).isEqualTo(created.getPrimaryKey());
    assertThatThrownBy(() -> registry.getDevice("sdk-registry"))
        .isInstanceOf(com.microsoft.azure.sdk.iot.service.exceptions.IotHubNotFoundException.class);
  }

  @Test
  void deviceClientTwinRoundTripWithTwinAndQueryClients() throws Exception {
    Device device = new RegistryClient(serviceConnectionString)
        .addDevice(new Device("sdk-device", AuthenticationType.SAS));
    TwinClient twins = new TwinClient(serviceConnectionString);
    BlockingQueue<com.microsoft.azure.sdk.iot.device.twin.Twin> desired = new LinkedBlockingQueue<>();
    DeviceClient client = deviceClient(device);
    try {
      client.open(true);
      client.subscribeToDesiredProperties((twin, context) -> desired.add(twin), null);
      com.microsoft.azure.sdk.iot.device.twin.Twin initial = client.getTwin();
      com.microsoft.azure.sdk.iot.device.twin.TwinCollection reported =
          new com.microsoft.azure.sdk.iot.device.twin.TwinCollection();
      reported.put("firmware", "1.2.1");
      ReportedPropertiesUpdateResponse update = client.updateReportedProperties(reported);

      Twin serviceTwin = twins.get("sdk-device");
      serviceTwin.getDesiredProperties().put("rate", 5);
      Twin patched = twins.patch(serviceTwin);
      com.microsoft.azure.sdk.iot.device.twin.Twin notification = desired.poll(30, TimeUnit.SECONDS);

      assertThat(initial.getReportedProperties().getVersion()).isEqualTo(1);
      assertThat(initial.getDesiredProperties().getVersion()).isEqualTo(1);
      assertThat(update.getVersion()).isEqualTo(2);
      assertThat(serviceTwin.getReportedProperties().get("firmware")).isEqualTo("1.2.1");
      assertThat(patched.getDesiredProperties().getVersion()).isEqualTo(2);
      assertThat(notification).isNotNull();
      assertThat(((Number) notification.getDesiredProperties().get("rate")).intValue()).isEqualTo(5);
      assertThat(notification.getDesiredProperties().getVersion()).isEqualTo(2);

      TwinQueryResponse query = new QueryClient(serviceConnectionString)
          .queryTwins("SELECT * FROM devices WHERE properties.reported.firmware = '1.2.1'");
      List<String> ids = new ArrayList<>();
      while (query.hasNext()) {
        ids.add(query.next().getDeviceId());
      }
      assertThat(ids).containsExactly("sdk-device");
    } finally {
      client.close();
    }
  }

  @Test
  void deviceClientOverMqttWebSocketOnPort443ReadsReportsAndReceivesDesired() throws Exception {
    Device device = new RegistryClient(serviceConnectionString)
        .addDevice(new Device("sdk-websocket", AuthenticationType.SAS));
    TwinClient twins = new TwinClient(serviceConnectionString);
    BlockingQueue<com.microsoft.azure.sdk.iot.device.twin.Twin> desired = new LinkedBlockingQueue<>();
    DeviceClient client = deviceClient(device, IotHubClientProtocol.MQTT_WS);
    try {
      client.open(true);
      client.subscribeToDesiredProperties((twin, context) -> desired.add(twin), null);
      com.microsoft.azure.sdk.iot.device.twin.Twin initial = client.getTwin();
      com.microsoft.azure.sdk.iot.device.twin.TwinCollection reported =
          new com.microsoft.azure.sdk.iot.device.twin.TwinCollection();
      reported.put("transport", "websocket");
      ReportedPropertiesUpdateResponse update = client.updateReportedProperties(reported);

      Twin serviceTwin = twins.get("sdk-websocket");
      serviceTwin.getDesiredProperties().put("rate", 9);
      twins.patch(serviceTwin);
      com.microsoft.azure.sdk.iot.device.twin.Twin notification = desired.poll(30, TimeUnit.SECONDS);

      assertThat(initial.getReportedProperties().getVersion()).isEqualTo(1);
      assertThat(update.getVersion()).isEqualTo(2);
      assertThat(serviceTwin.getReportedProperties().get("transport")).isEqualTo("websocket");
      assertThat(notification).isNotNull();
      assertThat(((Number) notification.getDesiredProperties().get("rate")).intValue()).isEqualTo(9);
    } finally {
      client.close();
    }
  }

  @Test
  void twinClientPatchWithStaleEtagIsPreconditionFailed() throws Exception {
    new RegistryClient(serviceConnectionString).addDevice(new Device("sdk-etag", AuthenticationType.SAS));
    TwinClient twins = new TwinClient(serviceConnectionString);
    Twin first = twins.get("sdk-etag");
    first.getDesiredProperties().put("a", 1);
    twins.patch(first);

    Twin stale = new Twin("sdk-etag");
    stale.getDesiredProperties().put("a", 2);

    assertThatThrownBy(() -> twins.patch(stale, first.getETag()))
        .isInstanceOf(IotHubPreconditionFailedException.class);
  }
}
