package io.twinsdk.bench.device;

import io.twinsdk.hub.HubOptions;
import io.twinsdk.hub.TwinHub;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * The hub side of the device benchmark, in its own JVM so that the client's heap and CPU are measured alone: starts an
 * embedded hub on {@code 127.0.0.1:8883} (the official SDK dials 8883 and needs a dotted host), prints
 * {@code CERT <path>}, then answers each {@code register <id>} line on stdin with {@code CS <connection string>};
 * end of input stops it.
 */
public final class HubProcess {

  private HubProcess() {}

  /** Runs the hub until stdin closes. */
  public static void main(String[] args) throws IOException {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    HubOptions options = HubOptions.builder()
        .hostName("127.0.0.1")
        .mqttPort(8883)
        .httpsPort(0)
        .dataDirectory(Files.createTempDirectory("twin-bench-hub"))
        .build();
    try (TwinHub hub = TwinHub.start(options);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      System.out.println("CERT " + hub.certificatePath());
      System.out.flush();
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("register ")) {
          System.out.println("CS " + hub.registerDevice(line.substring("register ".length())));
          System.out.flush();
        }
      }
    }
  }
}
