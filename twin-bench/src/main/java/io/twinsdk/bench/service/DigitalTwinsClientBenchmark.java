package io.twinsdk.bench.service;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.models.JsonPatchDocument;
import com.azure.digitaltwins.core.DigitalTwinsAsyncClient;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import io.twinsdk.core.digitaltwin.BasicDigitalTwin;
import io.twinsdk.core.json.JsonPatch;
import io.twinsdk.service.HttpOptions;
import io.twinsdk.service.Page;
import io.twinsdk.service.credential.ClientSecretCredential;
import io.twinsdk.service.digitaltwins.DigitalTwinsClientBuilder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import reactor.core.publisher.Mono;

/**
 * Our Digital Twins client against {@code com.azure:azure-digitaltwins-core:1.5.0} (on the JDK HttpClient), both
 * talking to the same hub in a child JVM: {@code getDigitalTwin} and {@code updateDigitalTwin} throughput, latency
 * and client CPU per request at concurrency 1 and 32, sync and async, and a query over many twins page by page.
 * Prints our/their ratios.
 *
 * <pre>
 * mvn -B -q -pl twin-bench -am package -DskipTests
 * java -cp twin-bench/target/benchmarks.jar io.twinsdk.bench.service.DigitalTwinsClientBenchmark \
 *     [--warmup 3] [--seconds 8] [--query-twins 100000]
 * </pre>
 */
public final class DigitalTwinsClientBenchmark {

  private static final String MODEL_ID = "dtmi:bench:Room;1";
  private static final String MODEL = "{\"@context\":\"dtmi:dtdl:context;3\",\"@id\":\"" + MODEL_ID + "\","
      + "\"@type\":\"Interface\",\"contents\":[{\"@type\":\"Property\",\"name\":\"Temperature\",\"schema\":\"double\"},"
      + "{\"@type\":\"Property\",\"name\":\"Name\",\"schema\":\"string\"}]}";
  private static final int HOT_TWINS = 100;
  private static final int SETUP_IN_FLIGHT = 64;

  private DigitalTwinsClientBenchmark() {}

  /** Runs the benchmark; see the class documentation for the options. */
  public static void main(String[] args) throws Exception {
    int warmup = 3;
    int seconds = 8;
    int queryTwins = 100_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--query-twins" -> queryTwins = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    Path work = Files.createTempDirectory("twin-bench-service");
    try (HubProcess hub = HubProcess.start(work)) {
      run(hub, new LoadDriver(Duration.ofSeconds(warmup), Duration.ofSeconds(seconds)), queryTwins);
    }
  }

  private static void run(HubProcess hub, LoadDriver driver, int queryTwins) throws Exception {
    HttpOptions trustHub = HttpOptions.builder().trustedCertificate(hub.certificate()).build();
    try (ClientSecretCredential credential = ClientSecretCredential.builder().authorityHost(hub.endpoint())
        .tenantId("bench").clientId("iothubowner").clientSecret(hub.ownerKey()).httpOptions(trustHub).build();
        io.twinsdk.service.digitaltwins.DigitalTwinsClient ours = new DigitalTwinsClientBuilder()
            .endpoint(hub.endpoint()).credential(credential).httpOptions(trustHub).buildClient()) {
      com.azure.digitaltwins.core.DigitalTwinsClientBuilder azureBuilder =
          new com.azure.digitaltwins.core.DigitalTwinsClientBuilder()
              .endpoint(hub.endpoint())
              .credential(context -> Mono.fromFuture(() -> credential.getToken(context.getScopes().get(0)))
                  .map(token -> new com.azure.core.credential.AccessToken(token.token(),
                      OffsetDateTime.ofInstant(token.expiresAt(), ZoneOffset.UTC))))
              .httpClient(azureHttpClient(hub.certificate()));
      DigitalTwinsClient theirs = azureBuilder.buildClient();
      DigitalTwinsAsyncClient theirsAsync = azureBuilder.buildAsyncClient();
      io.twinsdk.service.digitaltwins.DigitalTwinsAsyncClient oursAsync = ours.async();

      ours.createModels(List.of(MODEL));
      createTwins(oursAsync, "hot-", HOT_TWINS);
      System.out.printf(Locale.ROOT, "%nMachine: %d CPUs, %s %s; hub in a child JVM; %s%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
          System.getProperty("java.version"), "times in microseconds, CPU = this JVM's CPU time per request");
      System.out.printf(Locale.ROOT, "%-22s %12s %12s %7s | %9s %9s %7s | %9s %9s | %9s %9s%n", "workload",
          "ours ops/s", "azure ops/s", "ratio", "ours cpu", "azure cpu", "ratio", "ours p50", "ours p99",
          "azure p50", "azure p99");

      // Warm the hub (its JIT, caches and connections) before any measurement, so that neither client pays for it.
      driver.async(32, i -> i % 2 == 0 ? oursAsync.getDigitalTwin(hot(i), BasicDigitalTwin.class)
          : oursAsync.updateDigitalTwin(hot(i), patch(i)));

      report("get sync c=1", driver.sync(1, i -> ours.getDigitalTwin(hot(i), BasicDigitalTwin.class)),
          driver.sync(1, i -> theirs.getDigitalTwin(hot(i), com.azure.digitaltwins.core.BasicDigitalTwin.class)));
      report("get sync c=32", driver.sync(32, i -> ours.getDigitalTwin(hot(i), BasicDigitalTwin.class)),
          driver.sync(32, i -> theirs.getDigitalTwin(hot(i), com.azure.digitaltwins.core.BasicDigitalTwin.class)));
      report("get async c=32", driver.async(32, i -> oursAsync.getDigitalTwin(hot(i), BasicDigitalTwin.class)),
          driver.async(32, i -> theirsAsync.getDigitalTwin(hot(i),
              com.azure.digitaltwins.core.BasicDigitalTwin.class).toFuture()));
      report("update sync c=1", driver.sync(1, i -> ours.updateDigitalTwin(hot(i), patch(i))),
          driver.sync(1, i -> theirs.updateDigitalTwin(hot(i), azurePatch(i))));
      report("update sync c=32", driver.sync(32, i -> ours.updateDigitalTwin(hot(i), patch(i))),
          driver.sync(32, i -> theirs.updateDigitalTwin(hot(i), azurePatch(i))));
      report("update async c=32", driver.async(32, i -> oursAsync.updateDigitalTwin(hot(i), patch(i))),
          driver.async(32, i -> theirsAsync.updateDigitalTwin(hot(i), azurePatch(i)).toFuture()));

      if (queryTwins > 0) {
        long createStart = System.nanoTime();
        createTwins(oursAsync, "q-", queryTwins);
        double createSeconds = (System.nanoTime() - createStart) / 1e9;
        System.out.printf(Locale.ROOT, "%nCreated %d twins for the query in %.1f s (%.0f twins/s, our async client,"
            + " %d in flight)%n", queryTwins, createSeconds, queryTwins / createSeconds, SETUP_IN_FLIGHT);
        String query = "SELECT * FROM DIGITALTWINS";
        // Each client queries twice, alternating, and the second pass counts: the first pass of whichever ran first
        // would otherwise also warm the hub's page cache for the other.
        queryOurs(ours, query);
        queryTheirs(theirs, query);
        long[] oursQuery = queryOurs(ours, query);
        long[] theirsQuery = queryTheirs(theirs, query);
        System.out.printf(Locale.ROOT, "query all %d twins page by page: ours %.2f s (%d pages, %.0f cpu us/page), "
            + "azure %.2f s (%d pages, %.0f cpu us/page); time ratio azure/ours %.2f%n", oursQuery[2],
            oursQuery[0] / 1e9, oursQuery[1], oursQuery[3] / 1e3 / oursQuery[1], theirsQuery[0] / 1e9,
            theirsQuery[1], theirsQuery[3] / 1e3 / theirsQuery[1], (double) theirsQuery[0] / oursQuery[0]);
      }
    }
  }

  private static String hot(int i) {
    return "hot-" + Math.floorMod(i, HOT_TWINS);
  }

  private static JsonPatch patch(int i) {
    return JsonPatch.builder().replace("/Temperature", 20.0 + (i % 100) / 10.0).build();
  }

  private static JsonPatchDocument azurePatch(int i) {
    return new JsonPatchDocument().appendReplace("/Temperature", 20.0 + (i % 100) / 10.0);
  }

  private static void createTwins(io.twinsdk.service.digitaltwins.DigitalTwinsAsyncClient client, String prefix,
      int count) throws Exception {
    Semaphore permits = new Semaphore(SETUP_IN_FLIGHT);
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      permits.acquire();
      BasicDigitalTwin twin = BasicDigitalTwin.builder().model(MODEL_ID).property("Temperature", 20.0)
          .property("Name", prefix + i).build();
      CompletableFuture<?> created = client.createOrReplaceDigitalTwin(prefix + i, twin, BasicDigitalTwin.class)
          .whenComplete((ignored, error) -> permits.release());
      pending.add(created);
      if (pending.size() >= 1000) {
        CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).join();
        pending.clear();
      }
    }
    CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).join();
  }

  /** Returns {wall nanos, pages, rows, cpu nanos}. */
  private static long[] queryOurs(io.twinsdk.service.digitaltwins.DigitalTwinsClient client, String query) {
    long cpu = cpuNanos();
    long start = System.nanoTime();
    long pages = 0;
    long rows = 0;
    for (Page<BasicDigitalTwin> page : client.query(query, BasicDigitalTwin.class).byPage()) {
      pages++;
      rows += page.items().size();
    }
    return new long[] {System.nanoTime() - start, pages, rows, cpuNanos() - cpu};
  }

  private static long[] queryTheirs(DigitalTwinsClient client, String query) {
    long cpu = cpuNanos();
    long start = System.nanoTime();
    long pages = 0;
    long rows = 0;
    for (var page : client.query(query, com.azure.digitaltwins.core.BasicDigitalTwin.class).iterableByPage()) {
      pages++;
      rows += page.getValue().size();
    }
    return new long[] {System.nanoTime() - start, pages, rows, cpuNanos() - cpu};
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void report(String name, LoadDriver.Result ours, LoadDriver.Result theirs) {
    System.out.printf(Locale.ROOT, "%-22s %12.0f %12.0f %6.2fx | %9.0f %9.0f %6.2fx | %9.0f %9.0f | %9.0f %9.0f%n",
        name, ours.opsPerSecond, theirs.opsPerSecond, ours.opsPerSecond / theirs.opsPerSecond, ours.cpuMicrosPerOp,
        theirs.cpuMicrosPerOp, ours.cpuMicrosPerOp / theirs.cpuMicrosPerOp, ours.p50Micros, ours.p99Micros,
        theirs.p50Micros, theirs.p99Micros);
  }

  private static HttpClient azureHttpClient(Path certificate) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(certificate)) {
      int index = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("hub-" + index++, c);
      }
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(tls)).build();
  }
}
