package io.twinsdk.samples;

import io.twinsdk.service.iothub.IotHubServiceClient;
import java.util.List;
import java.util.Set;

/**
 * {@code update-desired-properties [N] [deviceId]}: the service applies numbered desired patch N (1 to 5) to a
 * device's twin, conditionally on the twin's ETag.
 */
final class UpdateDesiredProperties implements Sample {

  @Override
  public String name() {
    return "update-desired-properties";
  }

  @Override
  public String arguments() {
    return "[1-5] [deviceId]";
  }

  @Override
  public String summary() {
    return "the service applies desired patch N with the twin's ETag";
  }

  @Override
  public Set<Need> needs() {
    return Set.of(Need.SERVICE);
  }

  @Override
  public void run(SampleContext context, List<String> args) {
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
    // Without a device id, the device of IOTHUB_DEVICE_CONNECTION_STRING (or the embedded hub's sample device).
    String deviceId = args.size() > 1 ? args.get(1) : context.device("sample-update-desired").deviceId();
    try (IotHubServiceClient service = context.newIotHubServiceClient().buildClient()) {
      DesiredPatches.apply(service, deviceId, number, console);
    }
  }

  private static int parseNumber(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new UsageException("the patch number must be 1 to " + DesiredPatches.COUNT + ", got '" + text + "'");
    }
  }
}
