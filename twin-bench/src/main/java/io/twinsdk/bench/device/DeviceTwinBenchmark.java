package io.twinsdk.bench.device;

import io.twinsdk.device.internal.TlsTrust;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The device twin load driver: runs Twin SDK's device client and the official {@code iot-device-client} 2.5.0 through
 * the same scenarios against one local hub (in a child JVM, so only client heap and CPU are in this one) and prints
 * each figure with the ratio ours/theirs.
 *
 * <p>Scenarios: reported updates per second from one client (ours pipelined and one at a time; theirs one at a time,
 * its blocking path), {@code getTwin} round trip p50/p99, connect-to-first-twin time, and retained heap per idle
 * connected client. Run (after {@code mvn -B -q -pl twin-bench -am package -DskipTests}):
 * {@code java -cp twin-bench/target/benchmarks.jar io.twinsdk.bench.device.DeviceTwinBenchmark [scale]}; a scale of
 * 0.2 gives a quick smoke run. Port 8883 on 127.0.0.1 must be free.
 */
public final class DeviceTwinBenchmark {

  private static final int WINDOW = 64;
  private static final AtomicInteger DEVICES = new AtomicInteger();

  private final Process hub;
  private final PrintWriter hubIn;
  private final BufferedReader hubOut;
  private final double scale;
  private final Map<String, Integer> lost = new TreeMap<>();

  private DeviceTwinBenchmark(Process hub, double scale) {
    this.hub = hub;
    this.hubIn = new PrintWriter(hub.getOutputStream(), true, StandardCharsets.UTF_8);
    this.hubOut = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8));
    this.scale = scale;
  }

  /** Runs every scenario for both SDKs and prints the table. */
  public static void main(String[] args) throws Exception {
    // The official client logs every connection at INFO; only warnings belong in the benchmark's output.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    Process hub = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        HubProcess.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      new DeviceTwinBenchmark(hub, scale).run();
    } finally {
      hub.getOutputStream().close();
      hub.waitFor();
    }
  }

  private int scaled(int n) {
    return Math.max(10, (int) (n * scale));
  }

  private void run() throws Exception {
    Path certificate = Paths.get(expect("CERT "));
    OurSdk ours = new OurSdk(certificate);
    OfficialSdk theirs = new OfficialSdk(TlsTrust.context(certificate));
    System.out.printf(Locale.ROOT, "Device twin benchmark: %d CPUs, %s %s, local hub in a child JVM%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"));

    // Each SDK runs its scenarios in one block, the official one first, so that neither warms the hub for the other.
    warmUp(theirs);
    double theirsSequential = sequentialUpdatesPerSecond(theirs, scaled(2_000));
    double[] theirsGet = getTwinLatencyMillis(theirs, scaled(2_000));
    double theirsConnect = connectToFirstTwinMillis(theirs, scaled(30));
    double theirsHeap = heapPerIdleClientKib(theirs, scaled(50));

    warmUp(ours);
    double oursSequential = sequentialUpdatesPerSecond(ours, scaled(2_000));
    double[] oursGet = getTwinLatencyMillis(ours, scaled(2_000));
    double oursConnect = connectToFirstTwinMillis(ours, scaled(30));
    double oursHeap = heapPerIdleClientKib(ours, scaled(50));
    double oursPipelined = pipelinedUpdatesPerSecond(ours, scaled(10_000));

    System.out.println();
    System.out.printf(Locale.ROOT, "%-44s %14s %14s %10s%n", "scenario", "twin-sdk", "official", "ours/theirs");
    row("reported updates/s, pipelined (window " + WINDOW + ")", oursPipelined, theirsSequential);
    row("reported updates/s, one at a time", oursSequential, theirsSequential);
    row("getTwin round trip p50 (ms)", oursGet[0], theirsGet[0]);
    row("getTwin round trip p99 (ms)", oursGet[1], theirsGet[1]);
    row("connect to first twin, median (ms)", oursConnect, theirsConnect);
    row("retained heap per idle client (KiB)", oursHeap, theirsHeap);
    System.out.println("(the pipelined row compares with the official client's one-at-a-time path)");
    System.out.println("answers lost (no answer within " + DeviceSdk.ANSWER_MILLIS + " ms; excluded from the figures): "
        + (lost.isEmpty() ? "none" : lost));
  }

  private static void row(String name, double ours, double theirs) {
    System.out.printf(Locale.ROOT, "%-44s %14.2f %14.2f %10.2f%n", name, ours, theirs, ours / theirs);
  }

  private String register() throws IOException {
    hubIn.println("register bench-" + DEVICES.incrementAndGet());
    return expect("CS ");
  }

  private String expect(String prefix) throws IOException {
    String line;
    while ((line = hubOut.readLine()) != null) {
      if (line.startsWith(prefix)) {
        return line.substring(prefix.length());
      }
    }
    throw new IOException("The hub process ended (exit " + hub.exitValue() + ")");
  }

  private void warmUp(DeviceSdk sdk) throws Exception {
    try (DeviceSdk.Client client = sdk.connect(register())) {
      for (int i = 0; i < scaled(500); i++) {
        if (!client.report(i) || !client.getTwin()) {
          countLost(sdk, "warm-up");
        }
      }
    }
  }

  private double pipelinedUpdatesPerSecond(OurSdk sdk, int count) throws Exception {
    try (OurSdk.OurClient client = sdk.connect(register())) {
      long start = System.nanoTime();
      client.reportPipelined(count, WINDOW);
      return count / seconds(start);
    }
  }

  private double sequentialUpdatesPerSecond(DeviceSdk sdk, int count) throws Exception {
    try (DeviceSdk.Client client = sdk.connect(register())) {
      long answeredNanos = 0;
      int answered = 0;
      for (int i = 0; i < count; i++) {
        long start = System.nanoTime();
        if (client.report(i)) {
          answeredNanos += System.nanoTime() - start;
          answered++;
        } else {
          countLost(sdk, "report");
        }
      }
      return answered / (answeredNanos / 1e9);
    }
  }

  private void countLost(DeviceSdk sdk, String what) {
    lost.merge(sdk.name() + " " + what, 1, Integer::sum);
  }

  /** Returns p50 and p99 in milliseconds. */
  private double[] getTwinLatencyMillis(DeviceSdk sdk, int count) throws Exception {
    long[] nanos = new long[count];
    int answered = 0;
    try (DeviceSdk.Client client = sdk.connect(register())) {
      for (int i = 0; i < count; i++) {
        long start = System.nanoTime();
        if (client.getTwin()) {
          nanos[answered++] = System.nanoTime() - start;
        } else {
          countLost(sdk, "getTwin");
        }
      }
    }
    return new double[] {percentileMillis(nanos, answered, 0.5), percentileMillis(nanos, answered, 0.99)};
  }

  /** Returns the {@code quantile} of the first {@code count} samples, in milliseconds. */
  private static double percentileMillis(long[] nanos, int count, double quantile) {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return sorted[(int) (count * quantile)] / 1e6;
  }

  private double connectToFirstTwinMillis(DeviceSdk sdk, int count) throws Exception {
    List<String> devices = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      devices.add(register());
    }
    long[] nanos = new long[count];
    int answered = 0;
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      try (DeviceSdk.Client client = sdk.connect(devices.get(i))) {
        if (client.getTwin()) {
          nanos[answered++] = System.nanoTime() - start;
        } else {
          countLost(sdk, "first getTwin");
        }
      }
    }
    return percentileMillis(nanos, answered, 0.5);
  }

  private double heapPerIdleClientKib(DeviceSdk sdk, int count) throws Exception {
    List<String> devices = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      devices.add(register());
    }
    long before = usedHeapAfterGc();
    List<DeviceSdk.Client> clients = new ArrayList<>();
    try {
      for (String device : devices) {
        DeviceSdk.Client client = sdk.connect(device);
        clients.add(client);
        if (!client.getTwin()) {
          countLost(sdk, "idle getTwin");
        }
      }
      Thread.sleep(500);
      long after = usedHeapAfterGc();
      return (after - before) / 1024.0 / count;
    } finally {
      clients.forEach(DeviceSdk.Client::close);
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

}
