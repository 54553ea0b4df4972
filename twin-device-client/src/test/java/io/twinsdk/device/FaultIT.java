package io.twinsdk.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.twinsdk.core.json.MergePatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The device client through a TCP proxy the test cuts: reconnects, catch-up, offline queue, close and threads. */
class FaultIT {

  private static TestHub hub;
  private static int devices;
  private TcpProxy proxy;
  private final BlockingQueue<ConnectionStatus> states = new LinkedBlockingQueue<>();

  @BeforeAll
  static void startHub() {
    hub = TestHub.start();
  }

  @AfterAll
  static void stopHub() {
    hub.close();
  }

  @BeforeEach
  void startProxy() throws Exception {
    proxy = new TcpProxy(hub.hub().mqttPort());
  }

  @AfterEach
  void stopProxy() throws Exception {
    proxy.close();
  }

  private DeviceClientBuilder clientThroughProxy(String deviceId) {
    return hub.client(hub.register(deviceId))
        .port(proxy.port())
        .retryPolicy(ExponentialBackoff.builder().initialDelay(Duration.ofMillis(50)).maxDelay(Duration.ofMillis(200))
            .build())
        .connectionStateListener(states::add);
  }

  private void awaitState(ConnectionState state) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      ConnectionStatus status = states.poll(100, TimeUnit.MILLISECONDS);
      if (status != null && status.state() == state) {
        return;
      }
    }
    throw new AssertionError("The client did not reach " + state);
  }

  @Test
  void desiredChangesMadeWhileTheLinkIsDownArriveOnceAfterItHeals() throws Exception {
    String device = "fault-desired-" + ++devices;
    BlockingQueue<DesiredPropertiesUpdate> updates = new LinkedBlockingQueue<>();
    try (DeviceClient client = clientThroughProxy(device).desiredPropertiesListener(updates::add).buildClient()) {
      client.open();
      hub.patchDesired(device, "{\"a\":1}");
      assertThat(updates.poll(10, TimeUnit.SECONDS).version()).isEqualTo(2);

      proxy.cut();
      awaitState(ConnectionState.DISCONNECTED_RETRYING);
      hub.patchDesired(device, "{\"b\":2}");
      hub.patchDesired(device, "{\"a\":null,\"c\":3}");
      proxy.heal();
      awaitState(ConnectionState.CONNECTED);

      DesiredPropertiesUpdate missed = updates.poll(10, TimeUnit.SECONDS);
      assertThat(missed.version()).isEqualTo(4);
      assertThat(missed.patch().toJson()).isEqualTo("{\"a\":null,\"b\":2,\"c\":3}");
      assertThat(missed.desired().toJson()).isEqualTo("{\"b\":2,\"c\":3,\"$version\":4}");
      hub.patchDesired(device, "{\"d\":4}");
      DesiredPropertiesUpdate live = updates.poll(10, TimeUnit.SECONDS);
      assertThat(live.version()).isEqualTo(5);
      assertThat(updates.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void reportedUpdatesMadeWhileTheLinkIsDownAllLandInOrder() throws Exception {
    try (DeviceClient client = clientThroughProxy("fault-reported-" + ++devices).buildClient()) {
      client.open();
      proxy.cut();
      awaitState(ConnectionState.DISCONNECTED_RETRYING);

      List<CompletableFuture<Long>> updates = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        updates.add(client.updateReportedPropertiesAsync(
            MergePatch.builder().set("n", i).set("k" + i, i).build()));
      }
      assertThat(updates).noneMatch(CompletableFuture::isDone);
      proxy.heal();

      List<Long> versions = new ArrayList<>();
      for (CompletableFuture<Long> update : updates) {
        versions.add(update.get(20, TimeUnit.SECONDS));
      }
      assertThat(versions).isSorted().doesNotHaveDuplicates();
      assertThat(versions.get(19)).isEqualTo(21);
      var reported = client.getTwin().reported();
      assertThat(reported.get("n").orElseThrow().asInt()).isEqualTo(19);
      assertThat(reported.keys()).contains("k0", "k19");
    }
  }

  @Test
  void closeDuringReconnectReturnsAndLeavesNoThreads() throws Exception {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    DeviceClient client = clientThroughProxy("fault-close-" + ++devices)
        .retryPolicy(ExponentialBackoff.builder().initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofMillis(50))
            .build())
        .buildClient();
    client.open();
    proxy.cut();
    awaitState(ConnectionState.DISCONNECTED_RETRYING);
    // Let it go round the reconnect loop against the refusing proxy a few times.
    assertThat(proxy.refused.tryAcquire(3, 10, TimeUnit.SECONDS)).as("three refused reconnects").isTrue();

    assertTimeoutPreemptively(Duration.ofSeconds(10), client::close);

    assertThat(clientThreadsAfterJoining(before)).isEmpty();
  }

  /**
   * The threads started since {@code before} that are still alive after joining each (5 s in all), minus the test's
   * and the hub's: a pool reports termination before its last thread has exited.
   */
  private static Set<String> clientThreadsAfterJoining(Set<Thread> before) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    List<Thread> started = Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread))
        .filter(thread -> !thread.getName().startsWith("tcp-proxy") && !thread.getName().startsWith("vert.x")
            && !thread.getName().startsWith("twin-hub"))
        .collect(Collectors.toList());
    for (Thread thread : started) {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }
    return started.stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toSet());
  }

  @Test
  void closeWhileConnectedLeavesNoThreads() throws Exception {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    DeviceClient client = clientThroughProxy("fault-close-connected-" + ++devices).buildClient();
    client.open();
    client.getTwin();

    client.close();

    assertThat(clientThreadsAfterJoining(before)).isEmpty();
  }
}
