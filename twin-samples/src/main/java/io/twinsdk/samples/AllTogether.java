package io.twinsdk.samples;

import io.twinsdk.core.auth.DeviceConnectionString;
import io.twinsdk.core.devicetwin.Twin;
import io.twinsdk.device.DeviceClient;
import io.twinsdk.service.iothub.IotHubServiceClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code all-together}: a device reads its twin, listens for desired changes and reports its state whenever the
 * desired {@code climate} changes; the service sends climate patches 1 and 2 and then reads what the device reported.
 */
final class AllTogether extends Sample {

  private static final int CLIMATE_PATCHES = 2;

  AllTogether() {
    super("all-together", "",
        "get, listen and report in one device program",
        Set.of(Need.DEVICE, Need.SERVICE));
  }

  @Override
  void run(SampleContext context, List<String> args) throws Exception {
    Console device = context.console().device();
    Console service = context.console().service();
    DeviceConnectionString connectionString = context.device("sample-all-together");
    CountDownLatch reports = new CountDownLatch(CLIMATE_PATCHES);
    AtomicReference<DeviceClient> clientRef = new AtomicReference<>();
    // On a climate change the device reports its state; the listener runs on the client's callback thread, so it
    // sends the report asynchronously rather than block that thread.
    Runnable report = () -> clientRef.get().updateReportedPropertiesAsync(UpdateReportedProperties.REPORTED)
        .whenComplete((version, error) -> {
          if (error == null) {
            device.println("Twin state reported successfully.");
          } else {
            device.println("Error updating reported properties: " + Launcher.describe(error));
          }
          reports.countDown();
        });
    DesiredPropertiesPrinter listener = new DesiredPropertiesPrinter(device, report);
    try (DeviceClient client = context.newDeviceClient(connectionString)
            .desiredPropertiesListener(listener)
            .buildClient();
        IotHubServiceClient hub = context.newIotHubServiceClient().buildClient()) {
      clientRef.set(client);
      device.println("Client created.");
      client.open();
      device.println("Client opened.");
      device.println("Getting twin properties...");
      device.println(client.getTwin().toJson());

      for (int number = 1; number <= CLIMATE_PATCHES; number++) {
        Twin twin = DesiredPatches.apply(hub, connectionString.deviceId(), number, service);
        listener.awaitVersion(twin.desired().version().orElseThrow(), SampleContext.TIMEOUT);
      }
      if (!reports.await(SampleContext.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new TimeoutException("The device did not report after each climate change within "
            + SampleContext.TIMEOUT.toSeconds() + " s");
      }
      Twin twin = hub.getTwin(connectionString.deviceId());
      service.println("Reported firmwareVersion=" + twin.reported().get("firmwareVersion").orElseThrow()
          + ", weather=" + twin.reported().get("weather").orElseThrow());
    }
  }
}
