package io.twinsdk.bench.hub;

import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.HubOptions;
import io.twinsdk.hub.TwinHub;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A load driver for the hub's Digital Twins API: {@code getDigitalTwin} and {@code updateDigitalTwin} (JSON Patch) per
 * second over HTTPS at a fixed concurrency, against an embedded hub in a temporary directory.
 *
 * <p>The baseline, measured in the same run, is a request the gateway refuses after authentication and before any
 * store access (an unsupported api-version): TLS, HTTP, bearer-token check and routing. So {@code get / baseline}
 * says what reading a twin from the store adds, and {@code update / get} what a validated, durable write costs.
 *
 * <pre>{@code
 * java -cp twin-bench/target/benchmarks.jar io.twinsdk.bench.hub.DigitalTwinsLoad [--twins 1000] [--concurrency 32]
 *     [--seconds 10] [--warmup 5]
 * }</pre>
 */
public final class DigitalTwinsLoad {

  private static final String API = "api-version=2023-10-31";
  private static final String MODEL = "dtmi:bench:Room;1";

  private final HttpClient http;
  private final String endpoint;
  private final String token;
  private final int concurrency;
  private final int twins;

  private DigitalTwinsLoad(HttpClient http, String endpoint, String token, int concurrency, int twins) {
    this.http = http;
    this.endpoint = endpoint;
    this.token = token;
    this.concurrency = concurrency;
    this.twins = twins;
  }

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    int twins = option(args, "--twins", 1000);
    int concurrency = option(args, "--concurrency", 32);
    int seconds = option(args, "--seconds", 10);
    int warmup = option(args, "--warmup", 5);
    Path data = Files.createTempDirectory("twin-hub-bench");
    try (TwinHub hub = TwinHub.start(HubOptions.builder().freePorts().dataDirectory(data).build())) {
      HttpClient http = HttpClient.newBuilder().sslContext(trusting(hub.certificatePath()))
          .connectTimeout(Duration.ofSeconds(10)).build();
      DigitalTwinsLoad load = new DigitalTwinsLoad(http, hub.digitalTwinsEndpoint(),
          token(http, hub), concurrency, twins);
      load.prepare();
      System.out.printf("twin-hub Digital Twins load: %d twins, concurrency %d, %d s warm-up + %d s per phase, %s, "
          + "%d CPUs%n", twins, concurrency, warmup, seconds, System.getProperty("java.vm.name") + " "
          + System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
      Result baseline = load.phase("baseline (refused api-version)", warmup, seconds,
          i -> load.request("GET", "/digitaltwins/room" + i + "?api-version=1999-01-01", null), 400);
      Result get = load.phase("getDigitalTwin", warmup, seconds,
          i -> load.request("GET", "/digitaltwins/room" + i + "?" + API, null), 200);
      Result update = load.phase("updateDigitalTwin", warmup, seconds,
          i -> load.request("PATCH", "/digitaltwins/room" + i + "?" + API,
              "[{\"op\":\"replace\",\"path\":\"/Temperature\",\"value\":" + ThreadLocalRandom.current().nextInt(100)
                  + "}]"), 204);
      System.out.printf("ratios: get / baseline = %.2f, update / get = %.2f%n",
          get.perSecond() / baseline.perSecond(), update.perSecond() / get.perSecond());
    } finally {
      deleteRecursively(data);
    }
  }

  private void prepare() {
    send(request("POST", "/models?" + API, "[{\"@id\":\"" + MODEL + "\",\"@type\":\"Interface\","
        + "\"@context\":\"dtmi:dtdl:context;3\",\"contents\":[{\"@type\":\"Property\",\"name\":\"Temperature\","
        + "\"schema\":\"double\"},{\"@type\":\"Property\",\"name\":\"Name\",\"schema\":\"string\"}]}]"), 201).join();
    Semaphore permits = new Semaphore(concurrency);
    CompletableFuture<?>[] puts = new CompletableFuture<?>[twins];
    for (int i = 0; i < twins; i++) {
      permits.acquireUninterruptibly();
      puts[i] = send(request("PUT", "/digitaltwins/room" + i + "?" + API, "{\"$metadata\":{\"$model\":\"" + MODEL
          + "\"},\"Temperature\":20,\"Name\":\"room " + i + "\"}"), 200).whenComplete((r, e) -> permits.release());
    }
    CompletableFuture.allOf(puts).join();
  }

  private Result phase(String name, int warmupSeconds, int seconds, IntFunction<HttpRequest> requests,
      int expectedStatus) throws InterruptedException {
    run(warmupSeconds, requests, expectedStatus, new ConcurrentHistogram(3));
    ConcurrentHistogram latencies = new ConcurrentHistogram(3);
    long started = System.nanoTime();
    long errors = run(seconds, requests, expectedStatus, latencies);
    double elapsed = (System.nanoTime() - started) / 1e9;
    Result result = new Result(latencies.getTotalCount() / elapsed);
    System.out.printf("%-32s %10.0f req/s   p50 %6.2f ms   p99 %6.2f ms   errors %d%n", name, result.perSecond(),
        latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(99) / 1e6, errors);
    return result;
  }

  /** Keeps {@code concurrency} requests in flight for {@code seconds}; returns how many had another status. */
  private long run(int seconds, IntFunction<HttpRequest> requests, int expectedStatus, Histogram latencies)
      throws InterruptedException {
    Semaphore permits = new Semaphore(concurrency);
    AtomicLong errors = new AtomicLong();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      permits.acquire();
      long sent = System.nanoTime();
      http.sendAsync(requests.apply(ThreadLocalRandom.current().nextInt(twins)), HttpResponse.BodyHandlers.ofString())
          .whenComplete((response, failure) -> {
            if (failure != null || response.statusCode() != expectedStatus) {
              errors.incrementAndGet();
            } else {
              latencies.recordValue(System.nanoTime() - sent);
            }
            permits.release();
          });
    }
    if (!permits.tryAcquire(concurrency, 60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("Requests still outstanding after 60 s");
    }
    return errors.get();
  }

  private HttpRequest request(String method, String pathAndQuery, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + pathAndQuery))
        .timeout(Duration.ofSeconds(30)).header("Authorization", token)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", method.equals("PATCH") ? "application/json-patch+json" : "application/json");
    }
    return request.build();
  }

  private CompletableFuture<HttpResponse<String>> send(HttpRequest request, int expectedStatus) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
      if (response.statusCode() != expectedStatus) {
        throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
            + response.statusCode() + ": " + response.body());
      }
      return response;
    });
  }

  /** A bearer token for the hub's owner policy from its token endpoint; shared by the hub benchmarks. */
  static String token(HttpClient http, TwinHub hub) throws IOException, InterruptedException {
    String form = "grant_type=client_credentials&client_id=iothubowner&client_secret="
        + URLEncoder.encode(hub.policies().owner().primaryKey(), StandardCharsets.UTF_8) + "&scope="
        + URLEncoder.encode(TwinHub.digitalTwinsScope(), StandardCharsets.UTF_8);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(hub.authorityHost()
            + "/bench/oauth2/v2.0/token")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    return "Bearer " + Json.parse(response.body()).get("access_token").asText();
  }

  /** An SSL context trusting exactly the hub certificate at {@code pem}; shared by the hub benchmarks. */
  static SSLContext trusting(Path pem) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(pem)) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("twin-hub", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    }
  }

  private static int option(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }

  /** Deletes a benchmark's temporary directory; shared by the hub benchmarks. */
  static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private record Result(double perSecond) {}
}
