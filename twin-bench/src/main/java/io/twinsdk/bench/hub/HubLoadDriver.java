package io.twinsdk.bench.hub;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.twinsdk.core.auth.SasToken;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.bus.ChangeBus;
import io.twinsdk.hub.iothub.twins.NewTwin;
import io.twinsdk.hub.iothub.twins.TwinService;
import io.twinsdk.hub.store.DeviceRecord;
import io.twinsdk.hub.store.HubStore;
import io.twinsdk.hub.store.sqlite.SqliteHubStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A load driver for the hub's IoT Hub side: N simulated devices over real MQTT/TLS against a hub in its own JVM.
 *
 * <p>It measures, in one run: (1) the baseline, reported-property updates through the hub's twin service in this JVM
 * (validation, merge, SQLite group commit with fsync; no network); (2) the same updates from devices over MQTT/TLS
 * (each device keeps one update in flight; the 204 comes only after the commit is durable), with the publish→204
 * latency. Both report CPU time per update as well as the rate: on a shared machine the rate follows whatever CPU is
 * left, while CPU per update, and their ratio, say where the time goes; (3) desired-property fan-out latency, service {@code PATCH /twins/{id}} over
 * HTTPS → the device receives the notification; (4) the hub's heap with many idle devices connected.
 *
 * <p>Run: {@code java -cp twin-bench/target/benchmarks.jar io.twinsdk.bench.hub.HubLoadDriver [--devices 1000]
 * [--seconds 20] [--warmup 5] [--fanout 2000] [--idle 10000] [--hub-heap-mb 1024] [--hub-jfr 1]}; {@code --hub-jfr 1}
 * records a Flight Recorder profile of the hub in {@code twin-hub-load.jfr}.
 */
public final class HubLoadDriver {

  private static final String PATCH_TOPIC = "$iothub/twin/PATCH/properties/reported/?$rid=";
  private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  private final int devices;
  private final int seconds;
  private final int warmup;
  private final int fanout;
  private final int idle;
  private final int hubHeapMegabytes;
  private final boolean hubProfile;

  private HubLoadDriver(Map<String, Integer> options) {
    this.devices = options.getOrDefault("devices", 1000);
    this.seconds = options.getOrDefault("seconds", 20);
    this.warmup = options.getOrDefault("warmup", 5);
    this.fanout = options.getOrDefault("fanout", 2000);
    this.idle = options.getOrDefault("idle", 10_000);
    this.hubHeapMegabytes = options.getOrDefault("hub-heap-mb", 1024);
    this.hubProfile = options.getOrDefault("hub-jfr", 0) != 0;
  }

  /** Runs the driver; options are {@code --name number} pairs. */
  public static void main(String[] args) throws Exception {
    Map<String, Integer> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), Integer.parseInt(args[i + 1]));
    }
    // Vert.x's MQTT client logs every connection at INFO: route it to SLF4J and keep only warnings.
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    new HubLoadDriver(options).run();
  }

  private void run() throws Exception {
    System.out.printf("machine: %d CPUs, %s %s; hub JVM -Xmx%dm%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"), System.getProperty("java.version"), hubHeapMegabytes);
    double baselineCpu = baseline();
    Vertx clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    String[] hubOptions = hubProfile
        ? new String[] {"-XX:StartFlightRecording=filename=twin-hub-load.jfr,settings=profile"} : new String[0];
    try (HubProcess hub = HubProcess.start(hubHeapMegabytes, hubOptions)) {
      Buffer certificate = Buffer.buffer(Files.readAllBytes(hub.certificate()));
      List<Device> fleet = connect(hub, clients, certificate, "load-", devices);
      double hubCpu = reported(hub, fleet);
      System.out.printf("ratio: hub CPU per update over MQTT/TLS / direct twin service = %.2f; CPU-bound ceiling "
          + "of the hub on %d cores: %,.0f updates/s%n", hubCpu / baselineCpu,
          Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors() * 1e6 / hubCpu);
      fanOut(hub, fleet);
      closeAll(fleet);
      idleHeap(hub, clients, certificate);
    } finally {
      clients.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /**
   * The same reported updates through {@link TwinService} directly, in this JVM; returns the CPU time per update in
   * microseconds, which a shared machine disturbs far less than the rate.
   */
  private double baseline() throws Exception {
    Path data = Files.createTempDirectory("twin-hub-baseline");
    HubStore store = SqliteHubStore.open(data, new ChangeBus(), 2);
    try {
      TwinService twins = new TwinService(store, Clock.systemUTC());
      Instant now = Instant.now();
      store.write(tx -> {
        for (int i = 0; i < devices; i++) {
          String id = "base-" + i;
          tx.devices().put(new DeviceRecord(id, "1", "e", true, null, now, KEY, KEY, false, null, null, 0));
          tx.deviceTwins().put(NewTwin.of(id, now));
        }
        return null;
      }).get(60, TimeUnit.SECONDS);
      LongAdder done = new LongAdder();
      AtomicBoolean running = new AtomicBoolean(true);
      for (int i = 0; i < devices; i++) {
        loopDirect(twins, "base-" + i, 0, done, running);
      }
      TimeUnit.SECONDS.sleep(warmup);
      long start = done.sum();
      long cpu = ownCpuNanos();
      long began = System.nanoTime();
      TimeUnit.SECONDS.sleep(seconds);
      long updates = done.sum() - start;
      double rate = updates / ((System.nanoTime() - began) / 1e9);
      double cpuPerUpdate = (ownCpuNanos() - cpu) / 1e3 / updates;
      running.set(false);
      System.out.printf("baseline: direct twin service (validate, merge, group commit), %,d devices: "
          + "%,.0f updates/s; %.0f us CPU per update%n", devices, rate, cpuPerUpdate);
      TimeUnit.SECONDS.sleep(1);
      return cpuPerUpdate;
    } finally {
      store.close();
      deleteTree(data);
    }
  }

  private static void loopDirect(TwinService twins, String id, int n, LongAdder done, AtomicBoolean running) {
    if (!running.get()) {
      return;
    }
    twins.updateReported(id, Json.parse(patch(n)), OptionalLong.empty()).whenComplete((version, failure) -> {
      done.increment();
      loopDirect(twins, id, n + 1, done, running);
    });
  }

  private static String patch(int n) {
    return "{\"seq\":" + n + ",\"temp\":" + (20 + n % 10) + "}";
  }

  /** One simulated device: a Vert.x MQTT client with at most one reported update in flight. */
  private static final class Device {
    final String id;
    final MqttClient client;
    volatile long sentAt;
    volatile CompletableFuture<Long> desiredArrived = new CompletableFuture<>();
    volatile Runnable onAnswer = () -> { };
    int sequence;

    Device(String id, MqttClient client) {
      this.id = id;
      this.client = client;
    }

    void publishNext() {
      sequence++;
      sentAt = System.nanoTime();
      client.publish(PATCH_TOPIC + sequence, Buffer.buffer(patch(sequence)), MqttQoS.AT_MOST_ONCE, false, false);
    }
  }

  private static List<Device> connect(HubProcess hub, Vertx clients, Buffer certificate, String prefix, int count)
      throws Exception {
    long began = System.nanoTime();
    // Few requests and handshakes at a time: a crowd of TLS handshakes on two cores only times out.
    Semaphore pending = new Semaphore(16);
    List<CompletableFuture<Device>> connecting = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = prefix + i;
      pending.acquire();
      connecting.add(hub.register(id)
          .thenCompose(key -> open(hub, clients, certificate, id, key).toCompletionStage())
          .whenComplete((device, failure) -> pending.release())
          .toCompletableFuture());
    }
    List<Device> fleet = new ArrayList<>();
    for (CompletableFuture<Device> device : connecting) {
      fleet.add(device.get(300, TimeUnit.SECONDS));
    }
    System.out.printf("%,d devices registered and connected in %.1f s%n", count, (System.nanoTime() - began) / 1e9);
    return fleet;
  }

  private static Future<Device> open(HubProcess hub, Vertx vertx, Buffer certificate, String id, String key) {
    MqttClientOptions options = new MqttClientOptions()
        .setClientId(id)
        .setUsername(hub.hostName() + "/" + id + "/?api-version=2021-04-12")
        .setPassword(SasToken.forDevice(hub.hostName(), id, key, Instant.now().plusSeconds(7200)).value())
        .setCleanSession(false)
        .setKeepAliveInterval(230)
        .setSsl(true)
        .setHostnameVerificationAlgorithm("HTTPS")
        .setTrustOptions(new PemTrustOptions().addCertValue(certificate))
        .setMaxInflightQueue(1000);
    options.setSslHandshakeTimeout(60);
    MqttClient client = MqttClient.create(vertx, options);
    Device device = new Device(id, client);
    client.publishHandler(message -> {
      String topic = message.topicName();
      if (topic.startsWith("$iothub/twin/res/")) {
        device.onAnswer.run();
      } else if (topic.startsWith("$iothub/twin/PATCH/properties/desired/")) {
        device.desiredArrived.complete(System.nanoTime());
      }
    });
    return client.connect(hub.mqttPort(), hub.hostName())
        .compose(ack -> client.subscribe(Map.of("$iothub/twin/res/#", 0,
            "$iothub/twin/PATCH/properties/desired/#", 0)))
        .map(device);
  }

  /** Runs the reported-update load and returns the hub's CPU time per update in microseconds. */
  private double reported(HubProcess hub, List<Device> fleet) throws InterruptedException {
    ConcurrentHistogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
    LongAdder answered = new LongAdder();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicBoolean measuring = new AtomicBoolean(false);
    for (Device device : fleet) {
      device.onAnswer = () -> {
        if (measuring.get()) {
          latency.recordValue(System.nanoTime() - device.sentAt);
          answered.increment();
        }
        if (running.get()) {
          device.publishNext();
        }
      };
      device.publishNext();
    }
    TimeUnit.SECONDS.sleep(warmup);
    long hubCpu = hub.cpuNanos();
    long clientCpu = ownCpuNanos();
    measuring.set(true);
    long began = System.nanoTime();
    TimeUnit.SECONDS.sleep(seconds);
    measuring.set(false);
    long updates = answered.sum();
    double rate = updates / ((System.nanoTime() - began) / 1e9);
    double hubCpuPerUpdate = (hub.cpuNanos() - hubCpu) / 1e3 / updates;
    double clientCpuPerUpdate = (ownCpuNanos() - clientCpu) / 1e3 / updates;
    running.set(false);
    TimeUnit.SECONDS.sleep(2);
    System.out.printf("reported updates over MQTT/TLS, %,d devices, one in flight each: %,.0f updates/s; "
        + "publish->204 p50 %.1f ms, p99 %.1f ms, max %.1f ms; CPU per update: hub %.0f us, devices %.0f us%n",
        fleet.size(), rate, millis(latency, 50), millis(latency, 99), latency.getMaxValue() / 1e6,
        hubCpuPerUpdate, clientCpuPerUpdate);
    return hubCpuPerUpdate;
  }

  private void fanOut(HubProcess hub, List<Device> fleet) throws Exception {
    Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
    Semaphore concurrency = new Semaphore(32);
    List<CompletableFuture<Void>> round = new ArrayList<>();
    long began = System.nanoTime();
    for (int i = 0; i < fanout; i++) {
      Device device = fleet.get(i % fleet.size());
      concurrency.acquire();
      CompletableFuture<Long> arrived = new CompletableFuture<>();
      device.desiredArrived = arrived;
      long sent = System.nanoTime();
      HttpRequest request = HttpRequest.newBuilder(URI.create(hub.endpoint() + "/twins/" + device.id
              + "?api-version=2021-04-12"))
          .header("Authorization", hub.serviceToken())
          .header("Content-Type", "application/json")
          .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"desired\":{\"rate\":" + i
              + "}}}"))
          .timeout(Duration.ofSeconds(30))
          .build();
      round.add(hub.http().sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .thenCompose(response -> arrived.orTimeout(30, TimeUnit.SECONDS))
          .thenAccept(at -> latency.recordValue(at - sent))
          .whenComplete((v, e) -> concurrency.release()));
      if (i % fleet.size() == fleet.size() - 1) {
        // One notification outstanding per device: finish the round before a device is patched again.
        CompletableFuture.allOf(round.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        round.clear();
      }
    }
    CompletableFuture.allOf(round.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - began) / 1e9;
    System.out.printf("desired fan-out, service PATCH over HTTPS -> device notification, %,d devices connected, "
        + "32 concurrent: %,.0f patches/s; p50 %.1f ms, p99 %.1f ms%n", fleet.size(), fanout / elapsed,
        millis(latency, 50), millis(latency, 99));
  }

  private void idleHeap(HubProcess hub, Vertx clients, Buffer certificate) throws Exception {
    long before = hub.usedHeapAfterGc();
    List<Device> idleFleet = connect(hub, clients, certificate, "idle-", idle);
    long after = hub.usedHeapAfterGc();
    System.out.printf("idle devices: %,d connected; hub heap after GC %,d MB -> %,d MB (%.1f KB per device, "
        + "-Xmx%dm)%n", idleFleet.size(), before >> 20, after >> 20, (after - before) / 1024.0 / idleFleet.size(),
        hubHeapMegabytes);
    closeAll(idleFleet);
  }

  private static void closeAll(List<Device> fleet) throws Exception {
    List<Future<Void>> closing = new ArrayList<>();
    fleet.forEach(device -> closing.add(device.client.disconnect()));
    Future.join(closing).toCompletionStage().toCompletableFuture().handle((v, e) -> null).get(60, TimeUnit.SECONDS);
  }

  private static long ownCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double millis(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1e6;
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
