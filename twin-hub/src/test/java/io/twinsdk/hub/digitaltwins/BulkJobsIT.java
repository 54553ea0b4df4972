package io.twinsdk.hub.digitaltwins;

import static io.twinsdk.hub.digitaltwins.AdtHttp.errorCode;
import static io.twinsdk.hub.digitaltwins.AdtHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.twinsdk.core.internal.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Import jobs and delete jobs over HTTPS; the delete job runs last because it empties the hub. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulkJobsIT {

  private static final Duration JOB_DEADLINE = Duration.ofSeconds(60);

  @TempDir
  static Path data;
  static AdtHttp adt;
  static Path imports;

  @BeforeAll
  static void startHub() {
    adt = AdtHttp.start(data);
    imports = adt.fixture().hub().options().importDirectory();
  }

  @AfterAll
  static void stopHub() {
    adt.close();
  }

  /** An import file with the test models, a floor, {@code rooms} rooms and a contains relationship to each. */
  private static String importFile(int n, int rooms, String extraTwinLine) {
    StringBuilder file = new StringBuilder();
    file.append("{\"Section\": \"Header\"}\n{\"fileVersion\": \"1.0.0\", \"author\": \"test\"}\n");
    file.append("{\"Section\": \"Models\"}\n");
    for (String model : List.of(TestModels.wifi(n), TestModels.room(n), TestModels.floor(n))) {
      file.append(Json.write(Json.parse(model))).append('\n');
    }
    file.append("{\"Section\": \"Twins\"}\n");
    file.append("{\"$dtId\":\"floor-").append(n).append("\",\"$metadata\":{\"$model\":\"").append(TestModels.floorId(n))
        .append("\"},\"Level\":1}\n");
    for (int i = 0; i < rooms; i++) {
      file.append("{\"$dtId\":\"room-").append(n).append('-').append(i).append("\",\"$metadata\":{\"$model\":\"")
          .append(TestModels.roomId(n)).append("\"},\"Temperature\":").append(20 + i)
          .append(",\"wifi\":{\"$metadata\":{}}}\n");
    }
    if (extraTwinLine != null) {
      file.append(extraTwinLine).append('\n');
    }
    file.append("{\"Section\": \"Relationships\"}\n");
    for (int i = 0; i < rooms; i++) {
      file.append("{\"$dtId\":\"floor-").append(n).append("\",\"$relationshipId\":\"c").append(i)
          .append("\",\"$targetId\":\"room-").append(n).append('-').append(i)
          .append("\",\"$relationshipName\":\"contains\",\"isAccessRestricted\":false}\n");
    }
    return file.toString();
  }

  private static String write(String name, String content) throws IOException {
    Path file = imports.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file.toUri().toString();
  }

  /** Writes {@code content} to an input file, starts import job {@code id} on it, and returns the output log URI. */
  private static String startImport(String id, String content) throws IOException {
    String output = imports.resolve(id + "-output.ndjson").toUri().toString();
    assertThat(createImport(id, write(id + ".ndjson", content), output).statusCode()).isEqualTo(201);
    return output;
  }

  private static HttpResponse<String> createImport(String id, String input, String output) {
    return adt.send("PUT", "/jobs/imports/" + id, Json.write(JsonNodeFactory.instance.objectNode()
        .put("inputBlobUri", input).put("outputBlobUri", output)));
  }

  /** Polls the job until it leaves notstarted/running (the API offers no other signal) and returns it. */
  private static JsonNode awaitEnd(String path) throws InterruptedException {
    Instant deadline = Instant.now().plus(JOB_DEADLINE);
    while (Instant.now().isBefore(deadline)) {
      JsonNode job = json(adt.send("GET", path, null));
      String status = job.get("status").asText();
      if (!status.equals("notstarted") && !status.equals("running") && !status.equals("cancelling")) {
        return job;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(path + " did not finish within " + JOB_DEADLINE);
  }

  private static List<JsonNode> logLines(String outputUri) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(URI.create(outputUri)))) {
      lines.add(Json.parse(line));
    }
    return lines;
  }

  @Test
  @Order(1)
  void importJobCreatesModelsTwinsAndRelationshipsAndLogsEachSection() throws Exception {
    int n = AdtHttp.unique();
    String input = write("import-" + n + ".ndjson", importFile(n, 3, null));
    String output = imports.resolve("output-" + n + ".ndjson").toUri().toString();

    HttpResponse<String> created = createImport("job-" + n, input, output);

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode job = json(created);
    assertThat(job.get("id").asText()).isEqualTo("job-" + n);
    assertThat(job.get("status").asText()).isEqualTo("notstarted");
    assertThat(job.get("inputBlobUri").asText()).isEqualTo(input);
    assertThat(Instant.parse(job.get("purgeDateTime").asText()))
        .isEqualTo(Instant.parse(job.get("createdDateTime").asText()).plus(Duration.ofDays(30)));

    JsonNode finished = awaitEnd("/jobs/imports/job-" + n);
    assertThat(finished.get("status").asText()).isEqualTo("succeeded");
    assertThat(finished.has("finishedDateTime")).isTrue();

    HttpResponse<String> room = adt.send("GET", "/digitaltwins/room-" + n + "-2", null);
    assertThat(room.statusCode()).isEqualTo(200);
    assertThat(json(room).get("Temperature").asInt()).isEqualTo(22);
    assertThat(json(room).at("/$metadata/Temperature/lastUpdateTime").isTextual()).isTrue();
    assertThat(json(adt.send("GET", "/digitaltwins/floor-" + n + "/relationships", null)).get("value")).hasSize(3);

    List<String> details = new ArrayList<>();
    for (JsonNode line : logLines(output)) {
      assertThat(line.get("jobId").asText()).isEqualTo("job-" + n);
      assertThat(line.get("jobType").asText()).isEqualTo("Import");
      assertThat(line.get("logType").asText()).isEqualTo("Info");
      details.add(line.get("details").toString());
    }
    assertThat(details).containsExactly(
        "{\"status\":\"Started\"}",
        "{\"section\":\"Models\",\"status\":\"Started\"}", "{\"section\":\"Models\",\"status\":\"Succeeded\"}",
        "{\"section\":\"Twins\",\"status\":\"Started\"}", "{\"section\":\"Twins\",\"status\":\"Succeeded\"}",
        "{\"section\":\"Relationships\",\"status\":\"Started\"}",
        "{\"section\":\"Relationships\",\"status\":\"Succeeded\"}",
        "{\"status\":\"Succeeded\"}");
  }

  @Test
  @Order(2)
  void refusedTwinIsLoggedAndFailsTheJobWhileTheRestIsImported() throws Exception {
    int n = AdtHttp.unique();
    String badTwin = "{\"$dtId\":\"bad-" + n + "\",\"$metadata\":{\"$model\":\"" + TestModels.roomId(n)
        + "\"},\"Temperature\":\"hot\",\"wifi\":{\"$metadata\":{}}}";
    String output = startImport("bad-" + n, importFile(n, 2, badTwin));
    JsonNode finished = awaitEnd("/jobs/imports/bad-" + n);

    assertThat(finished.get("status").asText()).isEqualTo("failed");
    assertThat(finished.at("/error/code").asText()).isEqualTo("ValidationFailed");
    assertThat(adt.send("GET", "/digitaltwins/bad-" + n, null).statusCode()).isEqualTo(404);
    assertThat(adt.send("GET", "/digitaltwins/room-" + n + "-1", null).statusCode()).isEqualTo(200);
    List<JsonNode> errors = logLines(output).stream().filter(l -> l.get("logType").asText().equals("Error")).toList();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).at("/details/section").asText()).isEqualTo("Twins");
    assertThat(errors.get(0).at("/details/line").asInt()).isEqualTo(11);
    assertThat(errors.get(0).at("/details/code").asText()).isEqualTo("ValidationFailed");
  }

  @Test
  @Order(3)
  void malformedImportFileFailsTheJob() throws Exception {
    int n = AdtHttp.unique();
    startImport("malformed-" + n, "{\"Section\": \"Header\"}\n{}\n{\"Section\": \"Twins\"}\nnot json\n");
    JsonNode finished = awaitEnd("/jobs/imports/malformed-" + n);

    assertThat(finished.get("status").asText()).isEqualTo("failed");
    assertThat(finished.at("/error/message").asText()).contains("Line 4: malformed JSON");
  }

  @Test
  @Order(3)
  void refusedModelsFailTheJobBeforeAnyTwin() throws Exception {
    int n = AdtHttp.unique();
    // The Room model's wifi Component needs the Wifi model, which this file lacks.
    String content = importFile(n, 1, null).replace(Json.write(Json.parse(TestModels.wifi(n))) + "\n", "");
    String output = startImport("models-" + n, content);

    JsonNode finished = awaitEnd("/jobs/imports/models-" + n);

    assertThat(finished.get("status").asText()).isEqualTo("failed");
    assertThat(finished.at("/error/code").asText()).isEqualTo("DTDLParserError");
    assertThat(adt.send("GET", "/models/" + TestModels.floorId(n), null).statusCode()).isEqualTo(404);
    assertThat(adt.send("GET", "/digitaltwins/floor-" + n, null).statusCode()).isEqualTo(404);
    assertThat(logLines(output).stream().filter(l -> l.get("logType").asText().equals("Error")).toList())
        .singleElement().satisfies(line -> assertThat(line.at("/details/section").asText()).isEqualTo("Models"));
  }

  @Test
  @Order(3)
  void unreachableHttpsInputFailsTheJob() throws Exception {
    String id = "unreachable-" + AdtHttp.unique();
    HttpResponse<String> created = createImport(id, "https://127.0.0.1:1/input.ndjson",
        imports.resolve(id + "-output.ndjson").toUri().toString());
    assertThat(created.statusCode()).isEqualTo(201);

    JsonNode finished = awaitEnd("/jobs/imports/" + id);

    assertThat(finished.get("status").asText()).isEqualTo("failed");
    assertThat(finished.at("/error/code").asText()).isEqualTo("InvalidArgument");
    assertThat(finished.at("/error/message").asText()).contains("could not be read");
  }

  @Test
  @Order(4)
  void fileUriOutsideTheImportDirectoryIsRefused() throws Exception {
    Path outside = Files.writeString(data.resolve("outside.ndjson"), "{\"Section\": \"Header\"}\n{}\n");
    String output = imports.resolve("out.ndjson").toUri().toString();
    String escape = imports.toUri() + "../outside.ndjson";

    for (String input : List.of(outside.toUri().toString(), escape, "file:///etc/passwd")) {
      HttpResponse<String> response = createImport("outside-" + AdtHttp.unique(), input, output);
      assertThat(response.statusCode()).as(input).isEqualTo(400);
      assertThat(errorCode(response)).isEqualTo("InvalidArgument");
    }
    HttpResponse<String> outputOutside = createImport("outside-" + AdtHttp.unique(),
        write("in-" + AdtHttp.unique() + ".ndjson", "{\"Section\": \"Header\"}\n{}\n"), outside.toUri().toString());
    assertThat(outputOutside.statusCode()).isEqualTo(400);
    HttpResponse<String> notAUri = createImport("invalid-" + AdtHttp.unique(), "invalidUri", output);
    assertThat(errorCode(notAUri)).isEqualTo("InvalidArgument");
    assertThat(json(notAUri).at("/error/message").asText()).startsWith("Azure Storage Blob URI 'invalidUri' failed");
    assertThat(json(adt.send("GET", "/jobs/imports", null)).get("value").toString()).doesNotContain("outside-");
  }

  @Test
  @Order(5)
  void jobIdsAreUniqueUntilTheJobIsDeleted() throws Exception {
    int n = AdtHttp.unique();
    String input = write("dup-" + n + ".ndjson", "{\"Section\": \"Header\"}\n{}\n");
    String output = imports.resolve("dup-output-" + n + ".ndjson").toUri().toString();
    assertThat(createImport("dup-" + n, input, output).statusCode()).isEqualTo(201);
    assertThat(awaitEnd("/jobs/imports/dup-" + n).get("status").asText()).isEqualTo("succeeded");

    HttpResponse<String> duplicate = createImport("dup-" + n, input, output);
    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(errorCode(duplicate)).isEqualTo("JobIdAlreadyExists");

    HttpResponse<String> cancelled = adt.send("POST", "/jobs/imports/dup-" + n + "/cancel", null);
    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(json(cancelled).get("status").asText()).isEqualTo("succeeded");

    assertThat(adt.send("DELETE", "/jobs/imports/dup-" + n, null).statusCode()).isEqualTo(204);
    HttpResponse<String> gone = adt.send("GET", "/jobs/imports/dup-" + n, null);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(errorCode(gone)).isEqualTo("JobNotFound");
    assertThat(createImport("dup-" + n, input, output).statusCode()).isEqualTo(201);
    awaitEnd("/jobs/imports/dup-" + n);
  }

  @Test
  @Order(6)
  void importJobsArePagedByIdWithAbsoluteNextLinks() {
    HttpResponse<String> first = adt.send("GET", "/jobs/imports", null, "max-items-per-page", "2");

    JsonNode body = json(first);
    assertThat(body.get("value")).hasSize(2);
    String nextLink = body.get("nextLink").asText();
    assertThat(nextLink).startsWith(adt.fixture().hub().digitalTwinsEndpoint() + "/jobs/imports?");
    JsonNode second = json(adt.sendTo(URI.create(nextLink), "GET", null, "max-items-per-page", "2"));
    assertThat(second.get("value").get(0).get("id").asText())
        .isGreaterThan(body.get("value").get(1).get("id").asText());
  }

  @Test
  @Order(7)
  void deleteJobRemovesEveryRelationshipTwinAndModel() throws Exception {
    HttpResponse<String> created = adt.send("POST", "/jobs/deletions", null, "operation-id", "wipe-1");

    assertThat(created.statusCode()).isEqualTo(202);
    assertThat(created.headers().firstValue("Operation-Location").orElseThrow())
        .isEqualTo(adt.fixture().hub().digitalTwinsEndpoint() + "/jobs/deletions/wipe-1?api-version="
            + AdtHttp.API_VERSION);
    assertThat(json(created).get("status").asText()).isEqualTo("notstarted");

    JsonNode finished = awaitEnd("/jobs/deletions/wipe-1");
    assertThat(finished.get("status").asText()).isEqualTo("succeeded");
    assertThat(json(adt.send("POST", "/query", "{\"query\":\"SELECT COUNT() FROM DIGITALTWINS\"}")).at("/value/0/COUNT")
        .asInt()).isZero();
    assertThat(json(adt.send("POST", "/query", "{\"query\":\"SELECT COUNT() FROM RELATIONSHIPS\"}"))
        .at("/value/0/COUNT").asInt()).isZero();
    assertThat(json(adt.send("GET", "/models", null)).get("value")).isEmpty();

    HttpResponse<String> again = adt.send("POST", "/jobs/deletions", null, "operation-id", "wipe-1");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(errorCode(again)).isEqualTo("ValidationFailed");
    assertThat(json(adt.send("GET", "/jobs/deletions", null)).get("value")).hasSize(1);
    assertThat(errorCode(adt.send("GET", "/jobs/deletions/nope", null))).isEqualTo("DeleteJobNotFound");
  }
}
