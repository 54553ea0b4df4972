package io.twinsdk.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.core.auth.DeviceConnectionString;
import io.twinsdk.core.devicetwin.TwinProperties;
import io.twinsdk.core.json.MergePatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The device client against the embedded hub over real MQTT/TLS: every operation and listener path. */
class DeviceClientIT {

  private static final AtomicInteger DEVICES = new AtomicInteger();
  private static TestHub hub;

  @BeforeAll
  static void startHub() {
    hub = TestHub.start();
  }

  @AfterAll
  static void stopHub() {
    hub.close();
  }

  private static String newDevice() {
    return "it-device-" + DEVICES.incrementAndGet();
  }

  @Test
  void freshTwinHasVersionOneSections() {
    try (DeviceClient client = hub.client(hub.register(newDevice())).buildClient()) {
      client.open();

      TwinProperties twin = client.getTwin();

      assertThat(twin.desired().version()).hasValue(1);
      assertThat(twin.reported().version()).hasValue(1);
      assertThat(twin.reported().isEmpty()).isTrue();
    }
  }

  @Test
  void reportedUpdateReturnsTheNewVersionAndReadsBack() {
    try (DeviceClient client = hub.client(hub.register(newDevice())).buildClient()) {
      client.open();

      long version = client.updateReportedProperties(MergePatch.builder()
          .set("firmware", "1.2.1")
          .object("weather", w -> w.set("temperature", 72))
          .build());
      long deleted = client.updateReportedProperties(MergePatch.builder()
          .object("weather", w -> w.delete("temperature").set("humidity", 17)).build());

      TwinProperties twin = client.getTwin();
      assertThat(version).isEqualTo(2);
      assertThat(deleted).isEqualTo(3);
      assertThat(twin.reported().version()).hasValue(3);
      assertThat(twin.reported().get("firmware").orElseThrow().asText()).isEqualTo("1.2.1");
      assertThat(twin.reported().get("weather").orElseThrow().toString()).isEqualTo("{\"humidity\":17}");
    }
  }

  @Test
  void desiredPatchArrivesAtTheListenerWithItsVersion() throws Exception {
    String device = newDevice();
    BlockingQueue<DesiredPropertiesUpdate> updates = new LinkedBlockingQueue<>();
    try (DeviceClient client = hub.client(hub.register(device)).desiredPropertiesListener(updates::add)
        .buildClient()) {
      client.open();
      client.getTwin();

      hub.patchDesired(device, "{\"climate\":{\"minTemperature\":69,\"maxTemperature\":77}}");

      DesiredPropertiesUpdate update = updates.poll(10, TimeUnit.SECONDS);
      assertThat(update).isNotNull();
      assertThat(update.version()).isEqualTo(2);
      assertThat(update.patch().toJson()).isEqualTo("{\"climate\":{\"minTemperature\":69,\"maxTemperature\":77}}");
      Climate climate = update.desiredAs(Settings.class).climate;
      assertThat(climate.minTemperature).isEqualTo(69);
      assertThat(climate.maxTemperature).isEqualTo(77);
    }
  }

  @Test
  void desiredStateFoundAtOpenIsDeliveredFirst() throws Exception {
    String device = newDevice();
    String connectionString = hub.register(device);
    hub.patchDesired(device, "{\"mode\":\"eco\"}");
    BlockingQueue<DesiredPropertiesUpdate> updates = new LinkedBlockingQueue<>();
    try (DeviceClient client = hub.client(connectionString).desiredPropertiesListener(updates::add).buildClient()) {
      client.open();

      DesiredPropertiesUpdate update = updates.poll(10, TimeUnit.SECONDS);
      assertThat(update).isNotNull();
      assertThat(update.version()).isEqualTo(2);
      assertThat(update.patch().toJson()).isEqualTo("{\"mode\":\"eco\"}");
      assertThat(updates.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void staleExpectedVersionIsPreconditionFailed() {
    try (DeviceClient client = hub.client(hub.register(newDevice())).buildClient()) {
      client.open();
      long current = client.updateReportedProperties(MergePatch.builder().set("a", 1).build());

      long next = client.updateReportedProperties(MergePatch.builder().set("a", 2).build(), current);

      assertThat(next).isEqualTo(current + 1);
      assertThatThrownBy(() -> client.updateReportedProperties(MergePatch.builder().set("a", 3).build(), current))
          .isInstanceOf(PreconditionFailedException.class)
          .satisfies(e -> assertThat(((DeviceClientException) e).status()).hasValue(412));
      assertThat(client.getTwin().reported().get("a").orElseThrow().asInt()).isEqualTo(2);
    }
  }

  @Test
  void invalidReportedContentIsABadRequestAndTheClientCarriesOn() {
    try (DeviceClient client = hub.client(hub.register(newDevice())).buildClient()) {
      client.open();

      assertThatThrownBy(() -> client.updateReportedProperties(MergePatch.builder().set("$bad", 1).build()))
          .isInstanceOf(BadRequestException.class)
          .satisfies(e -> assertThat(((DeviceClientException) e).errorCode()).isPresent());
      assertThat(client.updateReportedProperties(MergePatch.builder().set("good", 1).build())).isEqualTo(2);
    }
  }

  @Test
  void badKeyEndsInDisconnectedWithAnUnauthorizedCause() throws Exception {
    DeviceConnectionString real = DeviceConnectionString.parse(hub.register(newDevice()));
    String wrongKey = DeviceConnectionString.builder().hostName(real.hostAndPort()).deviceId(real.deviceId())
        .sharedAccessKey("d3Jvbmcga2V5IHdyb25nIGtleQ==").build().toConnectionString();
    BlockingQueue<ConnectionStatus> states = new LinkedBlockingQueue<>();
    try (DeviceClient client = hub.client(wrongKey).connectionStateListener(states::add).buildClient()) {

      assertThatThrownBy(client::open).isInstanceOf(UnauthorizedException.class);

      ConnectionStatus status = states.poll(10, TimeUnit.SECONDS);
      assertThat(status.state()).isEqualTo(ConnectionState.DISCONNECTED);
      assertThat(status.reason()).isEqualTo(DisconnectReason.UNAUTHORIZED);
      assertThat(status.cause()).containsInstanceOf(UnauthorizedException.class);
      assertThatThrownBy(client::getTwin).isInstanceOf(UnauthorizedException.class);
    }
  }

  @Test
  void manyConcurrentRequestsAreCorrelated() throws Exception {
    try (DeviceClient client = hub.client(hub.register(newDevice())).buildClient()) {
      client.open();
      List<CompletableFuture<Long>> updates = new ArrayList<>();
      List<CompletableFuture<TwinProperties>> reads = new ArrayList<>();

      for (int i = 0; i < 200; i++) {
        updates.add(client.updateReportedPropertiesAsync(MergePatch.builder().set("n", i).build()));
        if (i % 20 == 0) {
          reads.add(client.getTwinAsync());
        }
      }

      Set<Long> versions = new HashSet<>();
      for (CompletableFuture<Long> update : updates) {
        versions.add(update.get(30, TimeUnit.SECONDS));
      }
      for (CompletableFuture<TwinProperties> read : reads) {
        assertThat(read.get(30, TimeUnit.SECONDS).reported().version()).isPresent();
      }
      assertThat(versions).hasSize(200);
      assertThat(updates.get(199).get()).isEqualTo(201);
      TwinProperties twin = client.getTwin();
      assertThat(twin.reported().version()).hasValue(201);
      assertThat(twin.reported().get("n").orElseThrow().asInt()).isEqualTo(199);
    }
  }

  @Test
  void shortLivedTokenIsRenewedAndTheClientKeepsWorking() throws Exception {
    BlockingQueue<ConnectionStatus> states = new LinkedBlockingQueue<>();
    List<ConnectionStatus> seen = new ArrayList<>();
    try (DeviceClient client = hub.client(hub.register(newDevice()))
        .tokenLifetime(Duration.ofSeconds(3))
        .connectionStateListener(states::add)
        .buildClient()) {
      client.open();
      long version = 1;
      int sentSinceRenewal = 0;

      // Keep a request in flight through the renewal (which must not wait for it past expiry), until the renewed
      // connection has answered a few; the token expiry, not a wall-clock loop, decides when the renewal happens.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (sentSinceRenewal < 5) {
        assertThat(System.nanoTime()).as("renewed and answered within 15 s").isLessThan(deadline);
        version = client.updateReportedProperties(MergePatch.builder().set("at", System.nanoTime()).build());
        states.drainTo(seen);
        if (seen.stream().anyMatch(status -> status.reason() == DisconnectReason.TOKEN_RENEWAL)) {
          sentSinceRenewal++;
        }
      }

      assertThat(seen).extracting(ConnectionStatus::reason)
          .doesNotContain(DisconnectReason.TOKEN_EXPIRED, DisconnectReason.NETWORK);
      assertThat(client.getTwin().reported().version()).hasValue(version);
    }
  }

  /** The typed view of the desired properties in these tests. */
  public static final class Settings {
    public Climate climate;
  }

  /** A nested typed view. */
  public static final class Climate {
    public int minTemperature;
    public int maxTemperature;
  }
}
