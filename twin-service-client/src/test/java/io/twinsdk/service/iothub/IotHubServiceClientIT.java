package io.twinsdk.service.iothub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.devicetwin.Twin;
import io.twinsdk.core.json.MergePatch;
import io.twinsdk.service.AlreadyExistsException;
import io.twinsdk.service.HubClients;
import io.twinsdk.service.MatchConditions;
import io.twinsdk.service.NotFoundException;
import io.twinsdk.service.Page;
import io.twinsdk.service.PreconditionFailedException;
import io.twinsdk.service.Response;
import io.twinsdk.service.ServiceException;
import io.twinsdk.service.UnauthorizedException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IoT Hub service client, sync and async, against the embedded hub over HTTPS. */
class IotHubServiceClientIT {

  @TempDir
  static Path data;

  private static HubClients hub;
  private static IotHubServiceClient client;
  private static IotHubServiceAsyncClient asyncClient;

  @BeforeAll
  static void startHub() {
    hub = HubClients.start(data);
    client = hub.iotHub().buildClient();
    asyncClient = hub.iotHub().buildAsyncClient();
  }

  @AfterAll
  static void stopHub() {
    if (client != null) {
      client.close();
    }
    if (asyncClient != null) {
      asyncClient.close();
    }
    if (hub != null) {
      hub.close();
    }
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(30, TimeUnit.SECONDS);
  }

  @Test
  void deviceLifecycleCreatesGetsUpdatesListsAndDeletes() {
    Device created = client.createDevice(Device.builder("reg-1").build());
    assertThat(created.primaryKey()).isPresent();
    assertThat(created.secondaryKey()).isPresent();
    assertThat(created.etag()).isPresent();

    Device read = client.getDevice("reg-1");
    Device disabled = client.updateDevice(read.toBuilder().status(Twin.Status.DISABLED).build());
    List<String> listed = client.listDevices(1000).stream().map(Device::deviceId).collect(Collectors.toList());
    client.deleteDevice("reg-1");

    assertThat(read.primaryKey()).isEqualTo(created.primaryKey());
    assertThat(disabled.status()).hasValue(Twin.Status.DISABLED);
    assertThat(listed).contains("reg-1");
    assertThatThrownBy(() -> client.getDevice("reg-1")).isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((ServiceException) e).errorCode()).hasValue("404001"));
  }

  @Test
  void creatingATakenDeviceIdIsAlreadyExists() {
    client.createDevice(Device.builder("reg-dup").build());

    assertThatThrownBy(() -> client.createDevice(Device.builder("reg-dup").build()))
        .isInstanceOf(AlreadyExistsException.class)
        .satisfies(e -> assertThat(((ServiceException) e).errorCode()).hasValue("409001"));
  }

  @Test
  void updatingADeviceWithAStaleEtagIsPreconditionFailed() {
    Device original = client.createDevice(Device.builder("reg-stale").build());
    client.updateDevice(original.toBuilder().statusReason("first").build());

    assertThatThrownBy(() -> client.updateDevice(original.toBuilder().statusReason("second").build()))
        .isInstanceOf(PreconditionFailedException.class);
  }

  @Test
  void twinDesiredPatchMergesAndBumpsTheVersion() {
    client.createDevice(Device.builder("twin-1").build());
    Twin before = client.getTwin("twin-1");

    Twin after = client.updateTwin("twin-1", MergePatch.builder()
        .object("tags", t -> t.set("floor", "3"))
        .object("properties", p -> p.object("desired", d -> d.set("temp", 22))).build());

    assertThat(after.tags().toJsonNode().get("floor").asText()).isEqualTo("3");
    assertThat(after.desired().toJsonNode().get("temp").asInt()).isEqualTo(22);
    assertThat(after.desired().version()).isNotEqualTo(before.desired().version());
    assertThat(after.etag()).isNotEqualTo(before.etag());
  }

  @Test
  void twinPatchWithAStaleEtagIsPreconditionFailed412001() {
    client.createDevice(Device.builder("twin-stale").build());
    Response<Twin> read = client.getTwinWithResponse("twin-stale");
    String etag = read.value().etag().orElseThrow();
    client.updateTwin("twin-stale", MergePatch.builder().object("tags", t -> t.set("a", 1)).build());

    assertThatThrownBy(() -> client.updateTwinWithResponse("twin-stale",
        MergePatch.builder().object("tags", t -> t.set("a", 2)).build(), MatchConditions.ifMatch(etag)))
        .isInstanceOf(PreconditionFailedException.class)
        .satisfies(e -> assertThat(((ServiceException) e).errorCode()).hasValue("412001"));
  }

  @Test
  void twinPatchWithTheCurrentEtagApplies() {
    client.createDevice(Device.builder("twin-etag").build());
    String etag = client.getTwin("twin-etag").etag().orElseThrow();

    Response<Twin> response = client.updateTwinWithResponse("twin-etag",
        MergePatch.builder().object("tags", t -> t.set("a", 1)).build(), MatchConditions.ifMatch(etag));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.value().tags().toJsonNode().get("a").asInt()).isEqualTo(1);
  }

  @Test
  void replaceTwinReplacesTagsAndDesired() {
    client.createDevice(Device.builder("twin-replace").build());
    client.updateTwin("twin-replace", MergePatch.builder().object("tags", t -> t.set("old", 1)).build());
    Twin replacement = Twin.fromJson("{\"deviceId\":\"twin-replace\",\"tags\":{\"new\":2},"
        + "\"properties\":{\"desired\":{\"mode\":\"eco\"}}}");

    Twin stored = client.replaceTwin(replacement);

    assertThat(stored.tags().toJsonNode().has("old")).isFalse();
    assertThat(stored.tags().toJsonNode().get("new").asInt()).isEqualTo(2);
    assertThat(stored.desired().toJsonNode().get("mode").asText()).isEqualTo("eco");
  }

  @Test
  void queryReturnsEveryMatchingTwinAcrossPages() {
    for (int i = 0; i < 5; i++) {
      client.createDevice(Device.builder("q-" + i).build());
      client.updateTwin("q-" + i, MergePatch.builder().object("tags", t -> t.set("group", "paging")).build());
    }
    AtomicInteger pages = new AtomicInteger();

    List<String> ids = new java.util.ArrayList<>();
    for (Page<Twin> page : client.query("SELECT * FROM devices WHERE tags.group = 'paging'", 2, Twin.class)
        .byPage()) {
      pages.incrementAndGet();
      page.items().forEach(twin -> ids.add(twin.deviceId()));
    }

    assertThat(ids).containsExactlyInAnyOrder("q-0", "q-1", "q-2", "q-3", "q-4");
    assertThat(pages).hasValue(3);
  }

  @Test
  void asyncClientRunsTheSameOperations() throws Exception {
    Device created = await(asyncClient.createDevice(Device.builder("async-1").build()));
    Twin twin = await(asyncClient.updateTwin("async-1",
        MergePatch.builder().object("properties", p -> p.object("desired", d -> d.set("x", 1))).build()));
    Twin replaced = await(asyncClient.replaceTwin(Twin.fromJson("{\"deviceId\":\"async-1\",\"tags\":{\"t\":1}}")));
    List<JsonNode> rows = new java.util.ArrayList<>();
    await(asyncClient.query("SELECT * FROM devices WHERE deviceId = 'async-1'", 10, JsonNode.class)
        .forEach(rows::add));
    Device fetched = await(asyncClient.getDevice("async-1"));
    Device disabled = await(asyncClient.updateDevice(fetched.toBuilder().status(Twin.Status.DISABLED).build()));
    List<Device> devices = new java.util.ArrayList<>();
    await(asyncClient.listDevices(1000).forEach(devices::add));
    await(asyncClient.deleteDevice("async-1"));

    assertThat(created.deviceId()).isEqualTo("async-1");
    assertThat(twin.desired().toJsonNode().get("x").asInt()).isEqualTo(1);
    assertThat(replaced.tags().toJsonNode().get("t").asInt()).isEqualTo(1);
    assertThat(rows).hasSize(1);
    assertThat(fetched.etag()).isPresent();
    assertThat(disabled.status()).hasValue(Twin.Status.DISABLED);
    assertThat(devices).extracting(Device::deviceId).contains("async-1");
    assertThatThrownBy(() -> await(asyncClient.getTwin("async-1"))).hasCauseInstanceOf(NotFoundException.class);
  }

  @Test
  void wrongKeyIsUnauthorized() {
    String wrong = hub.hub().iotHubConnectionString()
        .replaceAll("SharedAccessKey=[^;]+", "SharedAccessKey=d3Jvbmc=");
    try (IotHubServiceClient bad = hub.iotHub().connectionString(wrong).buildClient()) {
      assertThatThrownBy(() -> bad.getTwin("anything")).isInstanceOf(UnauthorizedException.class)
          .satisfies(e -> assertThat(((ServiceException) e).statusCode()).isEqualTo(401));
    }
  }
}
