package io.twinsdk.samples;

import io.twinsdk.service.iothub.IotHubServiceClient;
import java.util.List;
import java.util.Set;

/**
 * {@code update-desired-properties [N] [deviceId]}: the service applies numbered desired patch N (1 to 5) to a
 * device's twin, conditionally on the twin's ETag.
 */
final class UpdateDesiredProperties extends Sample {

  UpdateDesiredProperties() {
    super("update-desired-properties", "[1-5] [deviceId]",
        "the service applies desired patch N with the twin's ETag",
        Set.of(Need.SERVICE));
  }

  @Override
  void run(SampleContext context, List<String> args) {
    if (args.size() > 2) {
      throw new UsageException("update-desired-properties takes a patch number and a device id, got " + args);
    }
    Console console = context.console();
    int number = 1;
    if (args.isEmpty()) {
      console.println("Missing patch number. Defaulting to '1'.");
    } else {
      number = parseNumber(args.get(0));
    }
    DesiredPatches.patch(number);
    String deviceId = args.size() > 1 ? args.get(1) : defaultDevice(context);
    try (IotHubServiceClient service = context.newIotHubServiceClient().buildClient()) {
      DesiredPatches.apply(service, deviceId, number, console);
    }
  }

  /** Without a device id among the arguments, the device of IOTHUB_DEVICE_CONNECTION_STRING is the one patched. */
  @Override
  Set<Need> needs(List<String> args) {
    return args.size() > 1 ? super.needs(args) : Set.of(Need.SERVICE, Need.DEVICE);
  }

  /** The device of IOTHUB_DEVICE_CONNECTION_STRING, or the embedded hub's sample device. */
  private static String defaultDevice(SampleContext context) {
    return context.device("sample-update-desired").deviceId();
  }

  private static int parseNumber(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new UsageException("the patch number must be 1 to " + DesiredPatches.COUNT + ", got '" + text + "'");
    }
  }
}
