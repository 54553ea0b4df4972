package io.twinsdk.bench.hub;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.auth.SasToken;
import io.twinsdk.core.auth.ServiceConnectionString;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The hub under test in a JVM of its own ({@code io.twinsdk.hub.Main} from this jar's class path), so that its CPU and
 * heap are measured apart from the simulated devices', and each process stays within its own file-descriptor limit.
 */
final class HubProcess implements AutoCloseable {

  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  private final Process process;
  private final Path data;
  private final Map<String, String> settings;
  private final String ownerKey;
  private final HttpClient http;
  private final String serviceToken;

  private HubProcess(Process process, Path data, Map<String, String> settings) throws GeneralSecurityException,
      IOException {
    this.process = process;
    this.data = data;
    this.settings = settings;
    this.ownerKey = ServiceConnectionString.parse(settings.get("IOTHUB_CONNECTION_STRING")).sharedAccessKey()
        .orElseThrow();
    this.http = HttpClient.newBuilder().sslContext(trusting(certificate()))
        .version(HttpClient.Version.HTTP_1_1).build();
    this.serviceToken = SasToken.forService(hostName(), "iothubowner", ownerKey, Instant.now().plusSeconds(7200))
        .value();
  }

  /** Starts a hub with {@code heapMegabytes} of heap and free ports, and waits for its ready line. */
  static HubProcess start(int heapMegabytes, String... jvmOptions) throws Exception {
    Path data = Files.createTempDirectory("twin-hub-load");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heapMegabytes + "m");
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.twinsdk.hub.Main",
        "--data", data.toString(), "--mqtt-port", "0", "--https-port", "0"));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Map<String, String> settings = CompletableFuture.supplyAsync(() -> readSettings(process))
        .get(120, TimeUnit.SECONDS);
    return new HubProcess(process, data, settings);
  }

  private static Map<String, String> readSettings(Process process) {
    try {
      return Main.readSettings(process.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String hostName() {
    return "localhost";
  }

  int mqttPort() {
    return Integer.parseInt(settings.get("mqtt"));
  }

  Path certificate() {
    return Path.of(settings.get("TLS_CERTIFICATE"));
  }

  HttpClient http() {
    return http;
  }

  String serviceToken() {
    return serviceToken;
  }

  /** {@code https://localhost:<port>} */
  String endpoint() {
    return settings.get("DIGITAL_TWINS_ENDPOINT");
  }

  /** Registers a device over the registry REST API and returns its primary key. */
  CompletableFuture<String> register(String deviceId) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint() + "/devices/" + deviceId
            + "?api-version=2021-04-12"))
        .header("Authorization", serviceToken)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(60))
        .PUT(HttpRequest.BodyPublishers.ofString("{}"))
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
      JsonNode device = Json.parse(response.body());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Registering " + deviceId + " failed: " + response.body());
      }
      return device.at("/authentication/symmetricKey/primaryKey").asText();
    });
  }

  /** The CPU time the hub's JVM has used so far, every thread together, in nanoseconds. */
  long cpuNanos() {
    return process.info().totalCpuDuration().orElseThrow().toNanos();
  }

  /** The hub's used heap after a full GC, in bytes, read with {@code jcmd}. */
  long usedHeapAfterGc() throws IOException, InterruptedException {
    jcmd("GC.run");
    Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
    if (!used.find()) {
      throw new IllegalStateException("jcmd GC.heap_info printed no heap use");
    }
    return Long.parseLong(used.group(1)) * 1024;
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(process.pid()), command).redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor(60, TimeUnit.SECONDS);
    return output;
  }

  static SSLContext trusting(Path pem) throws GeneralSecurityException, IOException {
    try (var in = Files.newInputStream(pem)) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("hub", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    }
  }

  /** Stops the hub as Ctrl-C would and removes its data directory. */
  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    HubLoadDriver.deleteTree(data);
  }
}
