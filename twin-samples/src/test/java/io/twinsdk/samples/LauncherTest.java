package io.twinsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LauncherTest {

  private static final String DEVICE =
      "HostName=myhub.azure-devices.net;DeviceId=dev1;SharedAccessKey=AAECAwQFBgcICQoLDA0ODw==";

  private final List<String> ran = new ArrayList<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private final class FakeSample extends Sample {
    private final Exception failure;

    FakeSample(String name, Set<Need> needs, Exception failure) {
      super(name, "", "does " + name, needs);
      this.failure = failure;
    }

    @Override
    void run(SampleContext context, List<String> args) throws Exception {
      ran.add(name() + args);
      context.console().device().println("hello from " + name());
      if (failure != null) {
        throw failure;
      }
    }
  }

  private final Launcher launcher = new Launcher(List.of(
      new FakeSample("first", Set.of(Sample.Need.DEVICE), null),
      new FakeSample("second", Set.of(Sample.Need.SERVICE), null)));

  private int run(Launcher launcher, Map<String, String> environment, String... args) {
    return launcher.run(Launcher.parse(List.of(args)), environment, print(out), print(err));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void noArgumentsListsTheSamples() {
    int code = run(launcher, Map.of());

    assertThat(code).isZero();
    assertThat(out()).startsWith("Usage: java -jar twin-samples.jar [-v] <sample> [arguments]")
        .contains("  first   does first", "  second  does second", "  all     runs every sample in turn",
            "  help    this list", "IOTHUB_DEVICE_CONNECTION_STRING",
            "With your own hubs, 'all' runs the samples whose settings are set and names what the others need.");
    assertThat(ran).isEmpty();
  }

  @Test
  void helpListsTheSamples() {
    assertThat(run(launcher, Map.of(), "help")).isZero();
    assertThat(out()).contains("does second");
  }

  @Test
  void unknownSampleIsOneLineAndExitCodeTwo() {
    int code = run(launcher, Map.of(), "nope");

    assertThat(code).isEqualTo(2);
    assertThat(err()).isEqualTo("twin-samples: unknown sample 'nope'; run 'java -jar twin-samples.jar help' for"
        + " the list" + System.lineSeparator());
    assertThat(out()).isEmpty();
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThatThrownBy(() -> Launcher.parse(List.of("-x", "first")))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown option -x; run 'java -jar twin-samples.jar help' for usage");
  }

  @Test
  void verboseFlagAndSampleArgumentsAreParsed() {
    Launcher.Command command = Launcher.parse(List.of("-v", "update-desired-properties", "3", "-x"));

    assertThat(command.verbose()).isTrue();
    assertThat(command.sample()).isEqualTo("update-desired-properties");
    assertThat(command.arguments()).containsExactly("3", "-x");
  }

  @Test
  void oneSampleRunsWithItsArguments() {
    int code = run(launcher, Map.of("IOTHUB_DEVICE_CONNECTION_STRING", DEVICE), "first", "a", "b");

    assertThat(code).isZero();
    assertThat(ran).containsExactly("first[a, b]");
    assertThat(out()).isEqualTo("[device] hello from first" + System.lineSeparator());
  }

  @Test
  void allRunsEverySampleInTurnWithHeaders() {
    int code = run(launcher, Map.of("IOTHUB_DEVICE_CONNECTION_STRING", DEVICE,
        "IOTHUB_CONNECTION_STRING", "HostName=h.azure-devices.net;SharedAccessKeyName=o;SharedAccessKey=a2V5"),
        "all");

    assertThat(code).isZero();
    assertThat(ran).containsExactly("first[]", "second[]");
    assertThat(out()).contains("=== first ===", "=== second ===");
  }

  @Test
  void allSkipsTheSamplesWhoseSettingsAreMissingWithOneLineEach() {
    Launcher launcher = new Launcher(List.of(
        new FakeSample("first", Set.of(Sample.Need.DEVICE), null),
        new FakeSample("second", Set.of(Sample.Need.SERVICE), null),
        new FakeSample("twins", Set.of(Sample.Need.DIGITAL_TWINS, Sample.Need.DEVICE), null),
        new FakeSample("import", Set.of(Sample.Need.IMPORT_BLOBS), null)));

    int code = run(launcher, Map.of("IOTHUB_DEVICE_CONNECTION_STRING", DEVICE), "all");

    assertThat(code).isZero();
    assertThat(err()).isEmpty();
    assertThat(ran).containsExactly("first[]");
    assertThat(out().lines().toList()).startsWith(
        "Skipping second: set IOTHUB_CONNECTION_STRING to run it",
        "Skipping twins: set DIGITAL_TWINS_ENDPOINT, AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET to run"
            + " it",
        "Skipping import: set BULK_IMPORT_INPUT_BLOB_URI and BULK_IMPORT_OUTPUT_BLOB_URI to run it",
        "",
        "=== first ===");
    assertThat(out()).doesNotContain("=== second ===", "=== twins ===", "=== import ===");
  }

  @Test
  void allWithNothingItCanRunNamesTheFirstMissingSetting() {
    Launcher launcher = new Launcher(List.of(new FakeSample("second", Set.of(Sample.Need.SERVICE), null)));

    int code = run(launcher, Map.of("IOTHUB_DEVICE_CONNECTION_STRING", DEVICE), "all");

    assertStoppedWithoutTheServiceSetting(code);
  }

  @Test
  void sampleRunByNameWithoutItsSettingsIsOneLineAndExitCodeTwo() {
    int code = run(launcher, Map.of("IOTHUB_DEVICE_CONNECTION_STRING", DEVICE), "second");

    assertStoppedWithoutTheServiceSetting(code);
  }

  /** Nothing ran and the one line on stderr names IOTHUB_CONNECTION_STRING and its form. */
  private void assertStoppedWithoutTheServiceSetting(int code) {
    assertThat(code).isEqualTo(2);
    assertThat(ran).isEmpty();
    assertThat(out()).isEmpty();
    assertThat(err()).isEqualTo("twin-samples: IOTHUB_CONNECTION_STRING is not set; expected "
        + Settings.SERVICE_FORM + " (or no variable at all for the embedded hub)" + System.lineSeparator());
  }

  @Test
  void bulkImportRunByNameWithoutBlobsNamesBoth() {
    Launcher launcher = new Launcher(List.of(new FakeSample("import",
        Set.of(Sample.Need.DIGITAL_TWINS, Sample.Need.IMPORT_BLOBS), null)));

    int code = run(launcher, Map.of(Settings.DIGITAL_TWINS_ENDPOINT, "https://adt.api.weu.digitaltwins.azure.net",
        Settings.TENANT_ID, "t", Settings.CLIENT_ID, "c", Settings.CLIENT_SECRET, "s"), "import");

    assertThat(code).isEqualTo(2);
    assertThat(ran).isEmpty();
    assertThat(err()).startsWith("twin-samples: BULK_IMPORT_INPUT_BLOB_URI and BULK_IMPORT_OUTPUT_BLOB_URI must"
        + " both be set");
  }

  @Test
  void updateDesiredPropertiesNeedsTheDeviceSettingOnlyWithoutADeviceId() {
    Sample sample = new UpdateDesiredProperties();

    assertThat(sample.needs(List.of())).containsExactlyInAnyOrder(Sample.Need.SERVICE, Sample.Need.DEVICE);
    assertThat(sample.needs(List.of("2"))).containsExactlyInAnyOrder(Sample.Need.SERVICE, Sample.Need.DEVICE);
    assertThat(sample.needs(List.of("2", "thermostat-1"))).containsExactly(Sample.Need.SERVICE);
  }

  @Test
  void allOnTheServiceSettingAloneHasNoSampleToRun() {
    Launcher launcher = new Launcher(Main.catalog());

    int code = run(launcher, Map.of(Settings.IOTHUB_CONNECTION_STRING,
        "HostName=h.invalid;SharedAccessKeyName=o;SharedAccessKey=a2V5"), "all");

    // Every sample needs more than the service setting; update-desired-properties without a device id needs the
    // device's too, so it is not started only to fail halfway through.
    assertThat(code).isEqualTo(2);
    assertThat(err()).startsWith("twin-samples: IOTHUB_DEVICE_CONNECTION_STRING is not set");
  }

  @Test
  void malformedSettingIsOneLineWithoutStackTrace() {
    int code = run(launcher, Map.of("IOTHUB_DEVICE_CONNECTION_STRING", "HostName=x"), "first");

    assertThat(code).isEqualTo(2);
    assertThat(err().lines()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("twin-samples: IOTHUB_DEVICE_CONNECTION_STRING is malformed");
  }

  @Test
  void failingSampleIsReportedWithItsCauseAndExitCodeOne() {
    Launcher failing = new Launcher(List.of(new FakeSample("broken", Set.of(Sample.Need.DEVICE),
        new IllegalStateException("twin not found", new RuntimeException("404")))));

    int code = run(failing, Map.of("IOTHUB_DEVICE_CONNECTION_STRING", DEVICE), "broken");

    assertThat(code).isEqualTo(1);
    assertThat(err()).isEqualTo("twin-samples: broken failed: twin not found: 404" + System.lineSeparator());
  }

  @Test
  void verboseFailureAddsTheStackTrace() {
    Launcher failing = new Launcher(List.of(new FakeSample("broken", Set.of(Sample.Need.DEVICE),
        new IllegalStateException("boom"))));

    int code = run(failing, Map.of("IOTHUB_DEVICE_CONNECTION_STRING", DEVICE), "-v", "broken");

    assertThat(code).isEqualTo(1);
    assertThat(err()).startsWith("twin-samples: broken failed: boom").contains("\tat ");
  }

  @Test
  void sampleUsageErrorIsExitCodeTwo() {
    Launcher picky = new Launcher(List.of(new FakeSample("picky", Set.of(Sample.Need.DEVICE),
        new UsageException("patch number must be 1 to 5, got 9"))));

    int code = run(picky, Map.of("IOTHUB_DEVICE_CONNECTION_STRING", DEVICE), "picky", "9");

    assertThat(code).isEqualTo(2);
    assertThat(err()).isEqualTo("twin-samples: patch number must be 1 to 5, got 9" + System.lineSeparator());
  }

  @Test
  void labelledConsolePrefixesEveryLine() {
    Console console = new Console(print(out));

    console.service().println("Sent patch:\n  {}");
    console.device().println();

    assertThat(out()).isEqualTo(String.join(System.lineSeparator(), "[service] Sent patch:", "[service]   {}",
        "[device]", ""));
  }
}
