package io.twinsdk.samples;

import io.twinsdk.core.auth.DeviceConnectionString;
import io.twinsdk.core.json.MergePatch;
import io.twinsdk.device.DeviceClient;
import java.util.List;
import java.util.Set;

/** {@code update-reported-properties}: a device reports its firmware version and the weather. */
final class UpdateReportedProperties extends Sample {

  /** What the original samples report: {@code {"firmwareVersion":"1.2.1","weather":{…}}}. */
  static final MergePatch REPORTED = MergePatch.builder()
      .set("firmwareVersion", "1.2.1")
      .object("weather", w -> w.set("temperature", 72).set("humidity", 17))
      .build();

  UpdateReportedProperties() {
    super("update-reported-properties", "",
        "a device reports firmwareVersion and a weather object",
        Set.of(Need.DEVICE));
  }

  @Override
  void run(SampleContext context, List<String> args) {
    Console console = context.console();
    DeviceConnectionString connectionString = context.device("sample-update-reported");
    // [START update-reported]
    try (DeviceClient client = context.newDeviceClient(connectionString).buildClient()) {
      console.println("Client created.");
      client.open();
      console.println("Client opened.");
      client.getTwin();
      console.println("Twin created.");
      long version = client.updateReportedProperties(REPORTED);
      console.println("Twin state reported successfully.");
      console.println("  reported $version is now " + version);
    }
    // [END update-reported]
  }
}
