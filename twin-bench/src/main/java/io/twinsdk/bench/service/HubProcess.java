package io.twinsdk.bench.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A hub running in a child JVM (same class path), so that the benchmark's own CPU time is the clients' alone.
 */
final class HubProcess implements AutoCloseable {

  /** How long the hub may take to print {@code TWIN_HUB_READY}. */
  static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private final Process process;
  private final Map<String, String> settings;
  private final String ownerKey;

  private HubProcess(Process process, Map<String, String> settings, String ownerKey) {
    this.process = process;
    this.settings = settings;
    this.ownerKey = ownerKey;
  }

  static HubProcess start(Path dataDirectory) throws IOException {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String ownerKey = Base64.getEncoder().encodeToString(key);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.createDirectories(dataDirectory);
    List<String> command = List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        "io.twinsdk.hub.Main", "--data", dataDirectory.resolve("data").toString(), "--https-port", "0",
        "--mqtt-port", "0", "--owner-key", ownerKey);
    return start(command, dataDirectory.resolve("hub.log"), ownerKey, START_TIMEOUT);
  }

  /**
   * Starts {@code command}, which prints {@code NAME=value} settings and then {@code TWIN_HUB_READY} on stdout, and
   * waits at most {@code timeout} for that line; the child is destroyed when it does not get ready.
   */
  static HubProcess start(List<String> command, Path log, String ownerKey, Duration timeout) throws IOException {
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    // The hub must not outlive the benchmark, even when the benchmark is interrupted.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "hub-process-reaper"));
    CompletableFuture<Map<String, String>> ready = new CompletableFuture<>();
    // Reads stdout to the end, also after READY: a full pipe would block the hub mid-benchmark.
    Thread reader = new Thread(() -> readSettings(process, ready), "hub-process-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      return new HubProcess(process, ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS), ownerKey);
    } catch (TimeoutException e) {
      process.destroyForcibly();
      throw new IOException("The hub was not ready within " + timeout + "; see " + log, e);
    } catch (ExecutionException e) {
      process.destroyForcibly();
      throw new IOException("The hub exited before it was ready; see " + log, e.getCause());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while the hub was starting", e);
    }
  }

  private static void readSettings(Process process, CompletableFuture<Map<String, String>> ready) {
    Map<String, String> settings = new HashMap<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (ready.isDone()) {
          continue;
        }
        int equals = line.indexOf('=');
        if (equals > 0) {
          settings.put(line.substring(0, equals), line.substring(equals + 1));
        }
        if (line.startsWith("TWIN_HUB_READY")) {
          ready.complete(settings);
        }
      }
      ready.completeExceptionally(new IOException("end of the hub's output"));
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
  }

  String endpoint() {
    return settings.get("DIGITAL_TWINS_ENDPOINT");
  }

  Path certificate() {
    return Path.of(settings.get("TLS_CERTIFICATE"));
  }

  String ownerKey() {
    return ownerKey;
  }

  /** Returns the child process. */
  Process process() {
    return process;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
