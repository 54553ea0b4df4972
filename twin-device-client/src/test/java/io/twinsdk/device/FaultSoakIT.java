package io.twinsdk.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsdk.core.devicetwin.TwinProperties;
import io.twinsdk.core.internal.Json;
import io.twinsdk.core.json.MergePatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Random connection cuts for minutes while a device pipelines reported updates and a service changes desired
 * properties: no reported update is lost or reordered, and every desired version arrives at most once, in order,
 * ending at the hub's state.
 *
 * <p>Run: {@code mvn -B -o -pl twin-device-client verify -Psoak -Dit.test=FaultSoakIT -Dsoak.minutes=3}
 */
@Tag("soak")
class FaultSoakIT {

  @Test
  void randomCutsLoseNoReportedUpdateAndNoDesiredChange() throws Exception {
    long minutes = Long.getLong("soak.minutes", 2);
    String device = "soak-device";
    List<DesiredPropertiesUpdate> delivered = new CopyOnWriteArrayList<>();
    BlockingQueue<DesiredPropertiesUpdate> arrivals = new LinkedBlockingQueue<>();
    try (TestHub hub = TestHub.start();
        TcpProxy proxy = new TcpProxy(hub.hub().mqttPort());
        DeviceClient client = hub.client(hub.register(device))
            .port(proxy.port())
            .operationTimeout(Duration.ofSeconds(30))
            .retryPolicy(ExponentialBackoff.builder().initialDelay(Duration.ofMillis(20))
                .maxDelay(Duration.ofMillis(500)).build())
            .desiredPropertiesListener(update -> {
              delivered.add(update);
              arrivals.add(update);
            })
            .buildClient()) {
      client.open();
      AtomicBoolean running = new AtomicBoolean(true);
      Thread chaos = new Thread(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running.get()) {
          sleep(random.nextLong(200, 2000));
          proxy.cut();
          sleep(random.nextLong(0, 1000));
          proxy.heal();
        }
      }, "soak-chaos");
      Thread service = new Thread(() -> {
        int i = 0;
        while (running.get()) {
          hub.patchDesired(device, "{\"setting\":" + i++ + "}");
          sleep(50);
        }
      }, "soak-service");
      chaos.start();
      service.start();

      Semaphore window = new Semaphore(50);
      List<CompletableFuture<Long>> updates = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
      int n = 0;
      try {
        while (System.nanoTime() < deadline) {
          window.acquire();
          CompletableFuture<Long> update =
              client.updateReportedPropertiesAsync(MergePatch.builder().set("n", n++).build());
          update.whenComplete((version, failure) -> window.release());
          updates.add(update);
        }
      } finally {
        // Also on failure: left running, these threads would keep cutting the proxy during the next test class.
        running.set(false);
        chaos.join();
        service.join();
        proxy.heal();
      }

      long previous = 0;
      for (CompletableFuture<Long> update : updates) {
        long version = update.get(60, TimeUnit.SECONDS);
        assertThat(version).isGreaterThan(previous);
        previous = version;
      }
      TwinProperties twin = client.getTwin();
      assertThat(twin.reported().get("n").orElseThrow().asInt()).isEqualTo(n - 1);
      awaitDelivered(arrivals, twin.desired().version().orElseThrow());
      for (int i = 1; i < delivered.size(); i++) {
        assertThat(delivered.get(i).version()).isGreaterThan(delivered.get(i - 1).version());
      }
      DesiredPropertiesUpdate last = delivered.get(delivered.size() - 1);
      assertThat(Json.parse(last.desired().withoutVersion().toJson()))
          .isEqualTo(Json.parse(twin.desired().withoutVersion().withoutMetadata().toJson()));
    }
  }

  private static void awaitDelivered(BlockingQueue<DesiredPropertiesUpdate> arrivals, long version) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    DesiredPropertiesUpdate update;
    do {
      update = arrivals.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (update == null) {
        throw new AssertionError("Desired version " + version + " was not delivered");
      }
    } while (update.version() < version);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
