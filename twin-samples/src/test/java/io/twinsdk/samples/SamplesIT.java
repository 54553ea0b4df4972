package io.twinsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code all} once against the embedded hub, in-process, and checks each sample's key output lines; then checks
 * the runnable jar's exit codes for help, an unknown sample and a malformed setting.
 */
class SamplesIT {

  /** A line as the samples' logging binding (slf4j-simple) starts it: optional thread, level, logger name. */
  private static final Pattern LOG_LINE =
      Pattern.compile("^(\\[[^\\]]*\\] )?(TRACE|DEBUG|INFO|WARN|ERROR) [\\w.$]+ - ");

  private static int exitCode;
  private static String out;
  private static String err;
  private static String processOut;
  private static String processErr;

  @BeforeAll
  static void runAllSamplesOnTheEmbeddedHub() {
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    // Loggers write to the JVM's System.out/err, not to the launcher's streams: capture those too, for the run only.
    ByteArrayOutputStream processOutBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream processErrBytes = new ByteArrayOutputStream();
    PrintStream systemOut = System.out;
    PrintStream systemErr = System.err;
    System.setOut(new PrintStream(processOutBytes, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(processErrBytes, true, StandardCharsets.UTF_8));
    try {
      exitCode = new Launcher(Main.catalog()).run(Launcher.parse(List.of("all")), Map.of(),
          new PrintStream(outBytes, true, StandardCharsets.UTF_8),
          new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    } finally {
      System.setOut(systemOut);
      System.setErr(systemErr);
    }
    out = outBytes.toString(StandardCharsets.UTF_8);
    err = errBytes.toString(StandardCharsets.UTF_8);
    processOut = processOutBytes.toString(StandardCharsets.UTF_8);
    processErr = processErrBytes.toString(StandardCharsets.UTF_8);
  }

  /** Fails when {@code text} has a line a logger wrote; a sample printing "ERROR" or "Exception" in a value is fine. */
  private static void assertNoLogLines(String what, String text) {
    assertThat(text.lines().filter(l -> LOG_LINE.matcher(l).find())).as("log lines on %s", what).isEmpty();
  }

  /** The lines of sample {@code name}'s part of the output. */
  private static List<String> section(String name) {
    List<String> lines = out.lines().toList();
    int start = lines.indexOf("=== " + name + " ===");
    assertThat(start).as("section of %s in%n%s", name, out).isNotNegative();
    int end = start + 1;
    while (end < lines.size() && !lines.get(end).startsWith("=== ")) {
      end++;
    }
    // Each section ends with a blank line.
    return lines.subList(start + 1, end - 1);
  }

  @Test
  void allSamplesSucceedWithoutErrorOutput() {
    assertThat(err).as("stderr").isEmpty();
    assertThat(processErr).as("the JVM's stderr").isEmpty();
    assertThat(exitCode).as("exit code, output:%n%s", out).isZero();
    assertNoLogLines("stdout", out);
    assertNoLogLines("the JVM's stdout", processOut);
  }

  @Test
  void logLinePatternMatchesWhatTheLoggingBindingWrites() {
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    PrintStream systemErr = System.err;
    System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
    try {
      LoggerFactory.getLogger(SamplesIT.class).warn("twin {} not found", "room-1");
    } finally {
      System.setErr(systemErr);
    }

    assertThat(logged.toString(StandardCharsets.UTF_8).lines())
        .singleElement().matches(line -> LOG_LINE.matcher(line).find(), "a log line");
    assertThat(LOG_LINE.matcher("[device]   Adding module ERROR: {\"Exception\":1}").find()).isFalse();
  }

  @Test
  void getTwinPrintsTheFreshTwinsProperties() {
    assertThat(section("get-twin")).containsSubsequence("Client created.", "Client opened.", "Twin created.",
        "Getting twin properties...", "{\"desired\":{\"$version\":1},\"reported\":{\"$version\":1}}");
  }

  @Test
  void receiveDesiredPropertiesShowsEveryPatchOnceWithClimateHvacAndModules() {
    List<String> lines = section("receive-desired-properties");

    assertThat(lines).containsSubsequence("[device] Client created.", "[device] Client opened.",
        "[device] Twin created.", "[service] Using twinPatch1");
    assertThat(lines).containsSubsequence(
        "[device]   {\"climate\":{\"minTemperature\":69,\"maxTemperature\":77},\"$version\":2}",
        "[device] New desired properties received for \"properties.desired.climate\":",
        "[device]   min temp=69", "[device]   max temp=77");
    assertThat(lines).containsSubsequence(
        "[device] New desired properties received for \"properties.desired.climate.hvac.systemControl\":",
        "[device]   fan=true");
    assertThat(lines).containsSubsequence("[device]   Adding module wifi: {\"channel\":6,\"ssid\":\"my_network\"}",
        "[device]   Updating module wifi: {\"channel\":7,\"encryption\":\"wpa\",\"passphrase\":\"foo\"}",
        "[device]   Deleting module climate");
    for (int n = 1; n <= 5; n++) {
      assertThat(lines).containsOnlyOnce("[service] Using twinPatch" + n);
    }
    // Registered once: each change is printed once, however many climate changes came before.
    assertThat(lines.stream().filter(l -> l.equals("[device] New desired properties received:"))).hasSize(5);
    assertThat(lines.stream().filter(l -> l.startsWith("[device]   Adding module wifi"))).hasSize(1);
  }

  @Test
  void updateReportedPropertiesReportsSuccess() {
    assertThat(section("update-reported-properties")).containsSubsequence("Client opened.", "Twin created.",
        "Twin state reported successfully.", "  reported $version is now 2");
  }

  @Test
  void allTogetherReportsOnEachClimateChangeAndTheServiceSeesIt() {
    List<String> lines = section("all-together");

    assertThat(lines).containsSubsequence("[device] Getting twin properties...",
        "[device] {\"desired\":{\"$version\":1},\"reported\":{\"$version\":1}}");
    assertThat(lines.stream().filter(l -> l.equals("[device] Twin state reported successfully."))).hasSize(2);
    assertThat(lines).last().isEqualTo(
        "[service] Reported firmwareVersion=\"1.2.1\", weather={\"temperature\":72,\"humidity\":17}");
  }

  @Test
  void updateDesiredPropertiesDefaultsToPatchOne() {
    assertThat(section("update-desired-properties")).containsExactly("Missing patch number. Defaulting to '1'.",
        "Using twinPatch1",
        "Sent patch: {\"properties\":{\"desired\":{\"climate\":{\"minTemperature\":69,\"maxTemperature\":77}}}}");
  }

  @Test
  void manageTwinsWalksThroughTheTwinsLife() {
    List<String> lines = section("manage-twins");

    assertThat(lines).first().asString().startsWith("Uploaded models dtmi:com:example:twinsamples:Thermostat;1");
    assertThat(lines).containsSubsequence("Got twin:", "  $dtId: sample-room-21",
        "  $metadata.$model: dtmi:com:example:twinsamples:Room;1");
    assertThat(lines).anyMatch(l -> l.matches("  \\$etag: W/\".+\""))
        .anyMatch(l -> l.matches("  \\$metadata.Temperature.lastUpdateTime: \\d{4}-.+\\.\\d{7}Z"));
    assertThat(lines).containsSubsequence("  now {Temperature=22.5, Humidity=45.0, IsOccupied=true}",
        "  thermostat now {SetPoint=23.0, Mode=\"cool\"}", "  Comfort now {\"Level\":\"good\",\"Score\":9}",
        "  $metadata.$model now dtmi:com:example:twinsamples:Room;2, Occupants=3");
    assertThat(lines).anyMatch(l -> l.endsWith(", sourceTime=2026-01-20T02:03:00.0943478Z"));
    assertThat(lines).contains("10 concurrent updates of Humidity gave 10 distinct ETags",
        "Of two updates with If-Match of the same ETag the first applied and the second failed: 412"
            + " PreconditionFailed");
    assertThat(lines).anyMatch(l -> l.matches("  the twin's ETag is that of update (\\d+) and Humidity=\\1\\.0: it was"
        + " applied last"));
    assertThat(lines).containsSubsequence(
        "Deleted incoming relationship sample-floor-2-contains-sample-room-21 from sample-floor-2",
        "Deleted twins sample-room-21 and sample-floor-2", "  sample-room-21 is gone: 404 DigitalTwinNotFound");
  }

  @Test
  void bulkImportImportsAThousandTwinsAndQueriesThem() {
    List<String> lines = section("bulk-import");

    assertThat(lines).first().asString().startsWith("Wrote ")
        .endsWith(".ndjson: 2 models, 1000 twins, 990 relationships");
    assertThat(lines).anyMatch(l -> l.matches("Import job sample-import-\\d+: succeeded"));
    assertThat(lines).containsSubsequence("Job log:", "  {\"section\":\"Models\",\"status\":\"Succeeded\"}",
        "  {\"section\":\"Twins\",\"status\":\"Succeeded\"}",
        "  {\"section\":\"Relationships\",\"status\":\"Succeeded\"}", "  {\"status\":\"Succeeded\"}");
    assertThat(lines).last().isEqualTo("Query: 10 floors and 990 sensors; bulk-floor-1 has 99 sensors");
  }

  @Test
  void deleteAllRemovesTheImportedTwinsAndRelationships() {
    assertThat(section("delete-all")).containsExactly("Deleted 990 relationships", "Deleted 1000 twins");
  }

  @Test
  void jarRunsASampleOnItsOwnEmbeddedHubWithoutLogNoise() throws Exception {
    SamplesJar.Result result = SamplesJar.run(Map.of(), "get-twin");

    assertThat(result.err()).as("stderr").isEmpty();
    assertThat(result.code()).isZero();
    assertThat(result.out().lines()).containsExactly("Client created.", "Client opened.", "Twin created.",
        "Getting twin properties...", "{\"desired\":{\"$version\":1},\"reported\":{\"$version\":1}}");
  }

  @Test
  void jarListsTheSamples() throws Exception {
    SamplesJar.Result result = SamplesJar.run(Map.of(), "help");

    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("get-twin", "update-desired-properties [1-5] [deviceId]", "all");
  }

  @Test
  void jarRefusesAnUnknownSampleWithExitCodeTwo() throws Exception {
    SamplesJar.Result result = SamplesJar.run(Map.of(), "no-such-sample");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("twin-samples: unknown sample 'no-such-sample'; run 'java -jar"
        + " twin-samples.jar help' for the list\n");
  }

  @Test
  void jarNamesAMalformedSettingInOneLine() throws Exception {
    SamplesJar.Result result =
        SamplesJar.run(Map.of("IOTHUB_DEVICE_CONNECTION_STRING", "HostName=hub.example.net"), "get-twin");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err().lines()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("twin-samples: IOTHUB_DEVICE_CONNECTION_STRING is malformed (")
        .endsWith("expected " + Settings.DEVICE_FORM);
  }
}
