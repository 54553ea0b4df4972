package io.twinsdk.samples;

import io.twinsdk.core.auth.DeviceConnectionString;
import io.twinsdk.core.devicetwin.Twin;
import io.twinsdk.device.DeviceClient;
import io.twinsdk.service.iothub.IotHubServiceClient;
import java.util.List;
import java.util.Set;

/**
 * {@code receive-desired-properties}: a device listens for desired-property changes while the service applies
 * desired patches 1 to 5, one after the other; the output of each half is labelled.
 */
final class ReceiveDesiredProperties extends Sample {

  ReceiveDesiredProperties() {
    super("receive-desired-properties", "",
        "a device prints desired changes while the service sends patches 1-5",
        Set.of(Need.DEVICE, Need.SERVICE));
  }

  @Override
  void run(SampleContext context, List<String> args) throws Exception {
    Console device = context.console().device();
    Console service = context.console().service();
    DeviceConnectionString connectionString = context.device("sample-receive-desired");
    // [START receive-desired]
    DesiredPropertiesPrinter listener = new DesiredPropertiesPrinter(device, () -> { });
    try (DeviceClient client = context.newDeviceClient(connectionString)
            .desiredPropertiesListener(listener)
            .buildClient();
        IotHubServiceClient hub = context.newIotHubServiceClient().buildClient()) {
      device.println("Client created.");
      client.open();
      device.println("Client opened.");
      client.getTwin();
      device.println("Twin created.");

      for (int number = 1; number <= DesiredPatches.COUNT; number++) {
        Twin twin = DesiredPatches.apply(hub, connectionString.deviceId(), number, service);
        listener.awaitVersion(twin.desired().version().orElseThrow(), SampleContext.TIMEOUT);
      }
    }
    // [END receive-desired]
  }
}
