package io.twinsdk.hub;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The command line: {@code java -jar twin-hub.jar [options]} starts a hub and runs until Ctrl-C or SIGTERM.
 *
 * <p>On start it prints, one per line, the settings clients need and last a line starting {@code TWIN_HUB_READY}, so
 * that scripts can wait for that line.
 */
public final class Main {

  private static final String READY = "TWIN_HUB_READY";

  private static final String USAGE = String.join("\n",
      "Usage: java -jar twin-hub.jar [options]",
      "  --data DIR            data directory (default ./twin-hub-data)",
      "  --host NAME           host name clients use (default localhost)",
      "  --bind ADDRESS        address to listen on (default 127.0.0.1; 0.0.0.0 for all)",
      "  --mqtt-port N         MQTT/TLS port (default 8883; 0 for a free port)",
      "  --https-port N        HTTPS port (default 8443; 0 for a free port)",
      "  --owner-key BASE64    key of the iothubowner policy (default: generated once, kept in DIR)",
      "  --tls-cert PEM        certificate chain to serve instead of the generated self-signed one",
      "  --tls-key PEM         PKCS#8 private key for --tls-cert",
      "  --import-dir DIR      the only directory import jobs may read file: URIs from (default DIR/imports)",
      "  -v, --verbose         debug logging",
      "  -h, --help            this help");

  private Main() {}

  /** Starts the hub with the given command-line options. */
  public static void main(String[] args) throws InterruptedException {
    HubOptions options;
    boolean verbose;
    try {
      ParsedArguments parsed = parse(args);
      if (parsed == null) {
        System.out.println(USAGE);
        return;
      }
      options = parsed.options();
      verbose = parsed.verbose();
    } catch (IllegalArgumentException e) {
      System.err.println("twin-hub: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
    }
    TwinHub hub;
    try {
      hub = TwinHub.start(options);
    } catch (RuntimeException e) {
      System.err.println("twin-hub: could not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      hub.close();
      stopped.countDown();
    }, "twin-hub-shutdown"));
    printSettings(hub, System.out);
    stopped.await();
  }

  static void printSettings(TwinHub hub, PrintStream out) {
    out.println("IOTHUB_CONNECTION_STRING=" + hub.iotHubConnectionString());
    out.println("DIGITAL_TWINS_ENDPOINT=" + hub.digitalTwinsEndpoint());
    out.println("TLS_CERTIFICATE=" + hub.certificatePath());
    out.println(READY + " https=" + hub.httpsPort() + " mqtt=" + hub.mqttPort());
    out.flush();
  }

  /**
   * Reads what a starting hub prints, for tools that run the jar: every {@code NAME=value} line up to the
   * {@code TWIN_HUB_READY} line, whose {@code https=} and {@code mqtt=} ports are returned as {@code https} and
   * {@code mqtt}. Reads nothing after the ready line.
   *
   * @throws EOFException when the output ends before the ready line (the hub failed to start)
   */
  public static Map<String, String> readSettings(InputStream output) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
    Map<String, String> settings = new HashMap<>();
    String line;
    while ((line = lines.readLine()) != null) {
      boolean ready = line.startsWith(READY);
      for (String part : ready ? line.split(" ") : new String[] {line}) {
        int equals = part.indexOf('=');
        if (equals > 0) {
          settings.put(part.substring(0, equals), part.substring(equals + 1));
        }
      }
      if (ready) {
        return settings;
      }
    }
    throw new EOFException("The hub's output ended before " + READY + "; it printed " + settings.keySet());
  }

  /** Returns the parsed options, or null when help was asked for. */
  static ParsedArguments parse(String[] args) {
    HubOptions.Builder builder = HubOptions.builder();
    boolean verbose = false;
    Path cert = null;
    Path key = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "-h", "--help" -> {
          return null;
        }
        case "-v", "--verbose" -> verbose = true;
        case "--data" -> builder.dataDirectory(Path.of(value(args, ++i, arg)));
        case "--host" -> builder.hostName(value(args, ++i, arg));
        case "--bind" -> builder.bindAddress(value(args, ++i, arg));
        case "--mqtt-port" -> builder.mqttPort(number(value(args, ++i, arg), arg));
        case "--https-port" -> builder.httpsPort(number(value(args, ++i, arg), arg));
        case "--owner-key" -> builder.ownerKey(value(args, ++i, arg));
        case "--tls-cert" -> cert = Path.of(value(args, ++i, arg));
        case "--tls-key" -> key = Path.of(value(args, ++i, arg));
        case "--import-dir" -> builder.importDirectory(Path.of(value(args, ++i, arg)));
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if ((cert == null) != (key == null)) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together");
    }
    if (cert != null) {
      builder.tls(cert, key);
    }
    return new ParsedArguments(builder.build(), verbose);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static int number(String value, String option) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
    }
  }

  record ParsedArguments(HubOptions options, boolean verbose) {}
}
