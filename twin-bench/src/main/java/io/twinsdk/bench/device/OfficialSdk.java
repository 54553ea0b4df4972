package io.twinsdk.bench.device;

import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.twin.TwinCollection;
import javax.net.ssl.SSLContext;

/** The official {@code com.microsoft.azure.sdk.iot:iot-device-client}, over MQTT. */
final class OfficialSdk implements DeviceSdk {

  private final SSLContext sslContext;

  OfficialSdk(SSLContext sslContext) {
    this.sslContext = sslContext;
  }

  private static boolean timedOut(IotHubClientException e) throws IotHubClientException {
    if (e.getStatusCode() == IotHubStatusCode.DEVICE_OPERATION_TIMED_OUT) {
      return true;
    }
    throw e;
  }

  @Override
  public String name() {
    return "iot-device-client 2.5.0";
  }

  @Override
  public Client connect(String connectionString) throws Exception {
    DeviceClient client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT,
        ClientOptions.builder().sslContext(sslContext).build());
    client.open(true);
    // The official client refuses twin calls until subscribed; ours subscribes (and catches up) on every connect.
    client.subscribeToDesiredProperties((twin, context) -> { }, null);
    return new Client() {
      @Override
      public boolean getTwin() throws Exception {
        try {
          client.getTwin(ANSWER_MILLIS);
          return true;
        } catch (IotHubClientException e) {
          return !timedOut(e);
        }
      }

      @Override
      public boolean report(int value) throws Exception {
        TwinCollection reported = new TwinCollection();
        reported.put("n", value);
        try {
          client.updateReportedProperties(reported, ANSWER_MILLIS);
          return true;
        } catch (IotHubClientException e) {
          return !timedOut(e);
        }
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }
}
