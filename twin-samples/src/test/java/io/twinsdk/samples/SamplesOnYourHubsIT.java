package io.twinsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the jar with connection settings, as against your own IoT Hub: a hub is started here and named in the
 * environment, and no Digital Twins instance or import blobs are configured.
 */
class SamplesOnYourHubsIT {

  private static EmbeddedHub hub;
  private static Map<String, String> iotHubOnly;

  @BeforeAll
  static void startAHubToConfigure() {
    hub = EmbeddedHub.start();
    iotHubOnly = Map.of(
        Settings.DEVICE_CONNECTION_STRING, hub.hub().registerDevice("configured-device"),
        Settings.IOTHUB_CONNECTION_STRING, hub.hub().iotHubConnectionString(),
        Settings.CA_CERT, hub.hub().certificatePath().toString());
  }

  @AfterAll
  static void stopTheHub() {
    hub.close();
  }

  @Test
  void allRunsTheIotHubSamplesAndSaysWhichItSkipsAndWhy() throws Exception {
    SamplesJar.Result result = SamplesJar.run(iotHubOnly, "all");

    assertThat(result.err()).as("stderr").isEmpty();
    assertThat(result.code()).as("exit code, output:%n%s", result.out()).isZero();
    String digitalTwins = "DIGITAL_TWINS_ENDPOINT, AZURE_TENANT_ID, AZURE_CLIENT_ID";
    assertThat(result.out().lines().toList()).startsWith(
        "Skipping manage-twins: set " + digitalTwins + " and AZURE_CLIENT_SECRET to run it",
        "Skipping bulk-import: set " + digitalTwins + ", AZURE_CLIENT_SECRET, BULK_IMPORT_INPUT_BLOB_URI and"
            + " BULK_IMPORT_OUTPUT_BLOB_URI to run it",
        "Skipping delete-all: set " + digitalTwins + " and AZURE_CLIENT_SECRET to run it",
        "",
        "=== get-twin ===");
    assertThat(result.out().lines().filter(line -> line.startsWith("=== ")).toList()).containsExactly(
        "=== get-twin ===", "=== receive-desired-properties ===", "=== update-reported-properties ===",
        "=== all-together ===", "=== update-desired-properties ===");
  }

  @Test
  void aSkippedSampleRunByNameStopsWithTheMissingSetting() throws Exception {
    SamplesJar.Result result = SamplesJar.run(iotHubOnly, "bulk-import");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("twin-samples: DIGITAL_TWINS_ENDPOINT is not set; expected "
        + Settings.ENDPOINT_FORM + " with AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or no variable at"
        + " all for the embedded hub)\n");
  }
}
