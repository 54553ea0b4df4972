package io.twinsdk.bench.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A hub running in a child JVM (same class path), so that the benchmark's own CPU time is the clients' alone.
 */
final class HubProcess implements AutoCloseable {

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
    Path log = dataDirectory.resolve("hub.log");
    Files.createDirectories(dataDirectory);
    Process process = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        "io.twinsdk.hub.Main", "--data", dataDirectory.resolve("data").toString(), "--https-port", "0",
        "--mqtt-port", "0", "--owner-key", ownerKey)
        .redirectError(log.toFile())
        .start();
    Map<String, String> settings = new HashMap<>();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        settings.put(line.substring(0, equals), line.substring(equals + 1));
      }
      if (line.startsWith("TWIN_HUB_READY")) {
        return new HubProcess(process, settings, ownerKey);
      }
    }
    process.destroyForcibly();
    throw new IOException("The hub exited before it was ready; see " + log);
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

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
