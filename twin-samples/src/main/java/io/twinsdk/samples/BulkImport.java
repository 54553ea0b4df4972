package io.twinsdk.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinsdk.service.digitaltwins.DigitalTwinsClient;
import io.twinsdk.service.digitaltwins.ImportJob;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code bulk-import}: writes an import file (two models, 1,000 twins, 990 relationships), runs an import job,
 * prints its progress until it finishes, and queries what it created.
 */
final class BulkImport extends Sample {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  BulkImport() {
    super("bulk-import", "",
        "imports 1,000 twins with their models and relationships in one job",
        Set.of(Need.DIGITAL_TWINS, Need.IMPORT_BLOBS));
  }

  @Override
  void run(SampleContext context, List<String> args) throws Exception {
    Console console = context.console();
    String jobId = "sample-import-" + Instant.now().toEpochMilli();
    SampleContext.ImportLocation location = context.importLocation(jobId);
    try (OutputStream file = Files.newOutputStream(location.file())) {
      BulkImportFile.write(file);
    }
    console.println("Wrote " + location.file() + ": 2 models, " + BulkImportFile.TWINS + " twins, "
        + BulkImportFile.RELATIONSHIPS + " relationships");
    if (!context.embedded()) {
      console.println("The job reads " + location.input() + ": upload the file there first");
    }

    try (DigitalTwinsClient client = context.newDigitalTwinsClient().buildClient()) {
      // [START import-job]
      client.createImportJob(jobId, location.input(), location.output());
      AtomicReference<String> lastStatus = new AtomicReference<>();
      ImportJob job = client.waitForImportJob(jobId, POLL_INTERVAL, JOB_TIMEOUT, progress -> {
        if (!progress.status().equals(lastStatus.getAndSet(progress.status()))) {
          console.println("Import job " + jobId + ": " + progress.status());
        }
      });
      // [END import-job]
      if (!job.status().equals("succeeded")) {
        throw new IllegalStateException("Import job " + jobId + " ended " + job.status() + ": "
            + job.errorMessage().orElse("no error message"));
      }
      if (context.embedded()) {
        printLog(Path.of(location.output()), console);
      }
      printResult(client, console);
    }
  }

  private static void printLog(Path log, Console console) throws IOException {
    console.println("Job log:");
    for (String line : Files.readAllLines(log)) {
      console.println("  " + MAPPER.readTree(line).path("details"));
    }
  }

  private static void printResult(DigitalTwinsClient client, Console console) {
    // [START import-query]
    long sensors = count(client, "SELECT COUNT() FROM DIGITALTWINS WHERE IS_OF_MODEL('"
        + SampleModels.BULK_SENSOR + "')");
    long floors = count(client, "SELECT COUNT() FROM DIGITALTWINS WHERE IS_OF_MODEL('"
        + SampleModels.BULK_FLOOR + "')");
    long onFirstFloor = client.query("SELECT sensor FROM DIGITALTWINS floor JOIN sensor RELATED floor.hasSensor"
        + " WHERE floor.$dtId = '" + BulkImportFile.floorId(1) + "'", JsonNode.class).stream().count();
    // [END import-query]
    console.println("Query: " + floors + " floors and " + sensors + " sensors; " + BulkImportFile.floorId(1)
        + " has " + onFirstFloor + " sensors");
  }

  private static long count(DigitalTwinsClient client, String query) {
    return client.query(query, JsonNode.class).stream().findFirst().orElseThrow().get("COUNT").asLong();
  }
}
