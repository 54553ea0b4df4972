package io.twinsdk.bench.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.digitaltwin.DigitalTwinsTimestamps;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.HubOptions;
import io.twinsdk.hub.TwinHub;
import io.twinsdk.hub.bus.ChangeBus;
import io.twinsdk.hub.store.DigitalTwinRecord;
import io.twinsdk.hub.store.sqlite.SqliteHubStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The Digital Twins bulk and query benchmark of the hub: an embedded hub, 100,000 twins created by an import job, a
 * selective {@code WHERE} query (1% of the twins; first page and all pages) and a {@code JOIN} query, each printed
 * with a ratio against a baseline measured in the same run ({@link DigitalTwinsLoad} measures twin GET and PATCH at
 * concurrency 32):
 *
 * <ul>
 *   <li>import: the same twin documents written straight into a fresh store through the repository, 1,000 per
 *       transaction (no parsing, validation or {@code $metadata} work): the import's overhead over raw storage;
 *   <li>queries: one {@code GET /digitaltwins/{id}} round trip (HTTPS, auth, one indexed lookup): what a query costs
 *       beyond a point read.
 * </ul>
 *
 * <p>Run: {@code java -cp twin-bench/target/benchmarks.jar io.twinsdk.bench.hub.DigitalTwinsHubBenchmark [twins]}.
 */
public final class DigitalTwinsHubBenchmark {

  private static final String MODEL = "dtmi:bench:Room;1";
  private static final String FLOOR_MODEL = "dtmi:bench:Floor;1";
  private static final int FLOORS = 100;
  private static final int ROOMS_PER_FLOOR = 100;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final TwinHub hub;
  private final HttpClient http;
  private final String token;
  private final int twins;

  private DigitalTwinsHubBenchmark(TwinHub hub, int twins) throws Exception {
    this.hub = hub;
    this.twins = twins;
    this.http = HttpClient.newBuilder().sslContext(DigitalTwinsLoad.trusting(hub.certificatePath()))
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    this.token = DigitalTwinsLoad.token(http, hub);
  }

  /** Runs the benchmark; the optional argument is the number of twins to import (default 100,000). */
  public static void main(String[] args) throws Exception {
    int twins = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path data = Files.createTempDirectory("twin-hub-bench");
    try {
      System.out.printf(Locale.ROOT, "DigitalTwinsHubBenchmark: %,d twins, JDK %s, %d CPUs%n", twins,
          System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
      double baselineTwinsPerSecond = storeBaseline(data.resolve("baseline"), twins);
      try (TwinHub hub = TwinHub.start(HubOptions.builder().freePorts().dataDirectory(data.resolve("hub")).build())) {
        new DigitalTwinsHubBenchmark(hub, twins).run(baselineTwinsPerSecond);
      }
    } finally {
      DigitalTwinsLoad.deleteRecursively(data);
    }
  }

  private void run(double baselineTwinsPerSecond) throws Exception {
    send("POST", "/models", "[" + roomModel() + "," + floorModel() + "]", 201);

    double importTwinsPerSecond = importTwins();
    report("import", importTwinsPerSecond, "twins/s", baselineTwinsPerSecond, "store put baseline");

    double getMillis = medianMillis(21, () -> send("GET", "/digitaltwins/" + room(twins / 2), null, 200));
    System.out.printf(Locale.ROOT, "baseline GET /digitaltwins/{id}: %.2f ms (median of 21)%n", getMillis);
    String selective = "SELECT * FROM DIGITALTWINS WHERE Band = 7";
    double firstPage = medianMillis(21, () -> queryPages(selective, 1));
    report("WHERE 1% first page (100 twins)", firstPage, "ms", getMillis, "GET baseline");
    int[] rows = new int[1];
    double allPages = medianMillis(5, () -> rows[0] = queryPages(selective, Integer.MAX_VALUE));
    report("WHERE 1% all pages (" + rows[0] + " twins)", allPages, "ms", getMillis, "GET baseline");
    String join = "SELECT F, R FROM DIGITALTWINS F JOIN R RELATED F.contains WHERE F.$dtId = 'floor-7'";
    double joinMillis = medianMillis(21, () -> rows[0] = queryPages(join, Integer.MAX_VALUE));
    report("JOIN floor->rooms (" + rows[0] + " rows)", joinMillis, "ms", getMillis, "GET baseline");
  }

  private static void report(String name, double value, String unit, double baseline, String baselineName) {
    System.out.printf(Locale.ROOT, "%-40s %,12.2f %-6s ratio to %s: %.2f%n", name, value, unit, baselineName,
        value / baseline);
  }

  /** Writes the same twin documents straight into a fresh store, 1,000 per transaction; returns twins/s. */
  private static double storeBaseline(Path directory, int twins) throws Exception {
    SqliteHubStore store = SqliteHubStore.open(directory, new ChangeBus(), 1);
    try {
      Instant now = Instant.now();
      long started = System.nanoTime();
      for (int from = 0; from < twins; from += 1000) {
        int first = from;
        store.write(tx -> {
          for (int i = first; i < Math.min(first + 1000, twins); i++) {
            ObjectNode document = (ObjectNode) Json.parse(roomLine(i));
            document.put("$etag", "W/\"" + i + "\"");
            ((ObjectNode) document.get("$metadata")).put("$lastUpdateTime", DigitalTwinsTimestamps.format(now));
            tx.digitalTwins().put(new DigitalTwinRecord(room(i), MODEL, "W/\"" + i + "\"", document, now));
          }
          return null;
        }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      double perSecond = twins / seconds;
      System.out.printf(Locale.ROOT, "baseline store put: %,d twins in %.2f s = %,.0f twins/s%n", twins, seconds,
          perSecond);
      return perSecond;
    } finally {
      store.close();
    }
  }

  /** Imports the twins, floors and relationships with an import job; returns twins/s over the Twins section. */
  private double importTwins() throws Exception {
    Path imports = hub.options().importDirectory();
    Path input = imports.resolve("bench.ndjson");
    try (BufferedWriter out = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
      out.write("{\"Section\": \"Header\"}\n{\"fileVersion\": \"1.0.0\"}\n{\"Section\": \"Twins\"}\n");
      for (int i = 0; i < twins; i++) {
        out.write(roomLine(i));
        out.write('\n');
      }
      for (int f = 0; f < FLOORS; f++) {
        out.write("{\"$dtId\":\"floor-" + f + "\",\"$metadata\":{\"$model\":\"" + FLOOR_MODEL + "\"}}\n");
      }
      out.write("{\"Section\": \"Relationships\"}\n");
      for (int f = 0; f < FLOORS; f++) {
        for (int r = 0; r < ROOMS_PER_FLOOR; r++) {
          out.write("{\"$dtId\":\"floor-" + f + "\",\"$relationshipId\":\"r" + r + "\",\"$targetId\":\""
              + room((f * ROOMS_PER_FLOOR + r) % twins) + "\",\"$relationshipName\":\"contains\"}\n");
        }
      }
    }
    Path output = imports.resolve("bench-output.ndjson");
    ObjectNode job = JsonNodeFactory.instance.objectNode().put("inputBlobUri", input.toUri().toString())
        .put("outputBlobUri", output.toUri().toString());
    long started = System.nanoTime();
    send("PUT", "/jobs/imports/bench", Json.write(job), 201);
    String status;
    do {
      Thread.sleep(100);
      status = Json.parse(send("GET", "/jobs/imports/bench", null, 200)).get("status").asText();
    } while (status.equals("notstarted") || status.equals("running"));
    double seconds = (System.nanoTime() - started) / 1e9;
    if (!status.equals("succeeded")) {
      throw new IllegalStateException("The import job ended " + status + ": " + Files.readString(output));
    }
    Instant twinsStarted = null;
    Instant twinsEnded = null;
    for (String line : Files.readAllLines(output)) {
      JsonNode details = Json.parse(line).get("details");
      if (details.path("section").asText().equals("Twins")) {
        Instant at = DigitalTwinsTimestamps.parse(Json.parse(line).get("timestamp").asText());
        if (details.get("status").asText().equals("Started")) {
          twinsStarted = at;
        } else {
          twinsEnded = at;
        }
      }
    }
    double twinSeconds = Duration.between(twinsStarted, twinsEnded).toNanos() / 1e9;
    int relationships = FLOORS * ROOMS_PER_FLOOR;
    System.out.printf(Locale.ROOT, "import job: %,d twins + %,d relationships in %.2f s (Twins section %.2f s)%n",
        twins + FLOORS, relationships, seconds, twinSeconds);
    return (twins + FLOORS) / twinSeconds;
  }

  /** Runs a query, following up to {@code maxPages} pages; returns the number of rows. */
  private int queryPages(String query, int maxPages) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("query", query);
    int rows = 0;
    for (int page = 0; page < maxPages; page++) {
      JsonNode result = Json.parse(send("POST", "/query", Json.write(body), 200));
      rows += result.get("value").size();
      JsonNode token = result.get("continuationToken");
      if (token.isNull()) {
        break;
      }
      body = JsonNodeFactory.instance.objectNode().put("continuationToken", token.asText());
    }
    return rows;
  }

  private static double medianMillis(int runs, Runnable action) {
    action.run();
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long started = System.nanoTime();
      action.run();
      times.add((System.nanoTime() - started) / 1e6);
    }
    Collections.sort(times);
    return times.get(times.size() / 2);
  }

  private HttpRequest request(String method, String path, String body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(hub.digitalTwinsEndpoint() + path
            + (path.contains("?") ? "&" : "?") + "api-version=2023-10-31"))
        .timeout(TIMEOUT).header("Authorization", token)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      builder.header("Content-Type", method.equals("PATCH") ? "application/json-patch+json" : "application/json");
    }
    return builder.build();
  }

  private String send(String method, String path, String body, int expectedStatus) {
    try {
      HttpResponse<String> response = http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expectedStatus) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
            + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String room(int i) {
    return String.format(Locale.ROOT, "room-%06d", i);
  }

  /** A room twin: 100 bands, so that {@code Band = 7} selects 1% of the rooms. */
  private static String roomLine(int i) {
    return "{\"$dtId\":\"" + room(i) + "\",\"$metadata\":{\"$model\":\"" + MODEL + "\"},\"Temperature\":"
        + (18 + i % 7) + ",\"Band\":" + i % 100 + ",\"Name\":\"Room " + i + "\",\"IsOccupied\":" + (i % 2 == 0)
        + "}";
  }

  private static String roomModel() {
    return "{\"@id\":\"" + MODEL + "\",\"@type\":\"Interface\",\"@context\":\"dtmi:dtdl:context;3\",\"contents\":["
        + "{\"@type\":\"Property\",\"name\":\"Temperature\",\"schema\":\"double\"},"
        + "{\"@type\":\"Property\",\"name\":\"Band\",\"schema\":\"integer\"},"
        + "{\"@type\":\"Property\",\"name\":\"Name\",\"schema\":\"string\"},"
        + "{\"@type\":\"Property\",\"name\":\"IsOccupied\",\"schema\":\"boolean\"}]}";
  }

  private static String floorModel() {
    return "{\"@id\":\"" + FLOOR_MODEL + "\",\"@type\":\"Interface\",\"@context\":\"dtmi:dtdl:context;3\","
        + "\"contents\":[{\"@type\":\"Relationship\",\"name\":\"contains\",\"target\":\"" + MODEL + "\"}]}";
  }
}
