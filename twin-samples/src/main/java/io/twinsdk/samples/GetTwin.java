package io.twinsdk.samples;

import io.twinsdk.core.auth.DeviceConnectionString;
import io.twinsdk.core.devicetwin.TwinProperties;
import io.twinsdk.device.DeviceClient;
import java.util.List;
import java.util.Set;

/** {@code get-twin}: a device opens its client, reads its twin and prints the twin's properties. */
final class GetTwin extends Sample {

  GetTwin() {
    super("get-twin", "",
        "a device reads its twin and prints its properties",
        Set.of(Need.DEVICE));
  }

  @Override
  void run(SampleContext context, List<String> args) {
    Console console = context.console();
    DeviceConnectionString connectionString = context.device("sample-get-twin");
    // [START get-twin]
    try (DeviceClient client = context.newDeviceClient(connectionString).buildClient()) {
      console.println("Client created.");
      client.open();
      console.println("Client opened.");
      TwinProperties twin = client.getTwin();
      console.println("Twin created.");
      console.println("Getting twin properties...");
      console.println(twin.toJson());
    }
    // [END get-twin]
  }
}
