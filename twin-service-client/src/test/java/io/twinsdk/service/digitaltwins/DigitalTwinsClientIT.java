package io.twinsdk.service.digitaltwins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.digitaltwin.BasicDigitalTwin;
import io.twinsdk.core.digitaltwin.BasicDigitalTwinComponent;
import io.twinsdk.core.digitaltwin.BasicRelationship;
import io.twinsdk.core.digitaltwin.IncomingRelationship;
import io.twinsdk.core.json.JsonPatch;
import io.twinsdk.service.AlreadyExistsException;
import io.twinsdk.service.HubClients;
import io.twinsdk.service.MatchConditions;
import io.twinsdk.service.NotFoundException;
import io.twinsdk.service.Page;
import io.twinsdk.service.PreconditionFailedException;
import io.twinsdk.service.Response;
import io.twinsdk.service.ServiceException;
import io.twinsdk.service.UnauthorizedException;
import io.twinsdk.service.credential.ClientSecretCredential;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Digital Twins client, sync and async, against the embedded hub over HTTPS with OAuth2 client credentials. */
class DigitalTwinsClientIT {

  static final String ROOM = "dtmi:test:Room;1";
  static final String THERMOSTAT = "dtmi:test:Thermostat;1";
  static final String THERMOSTAT_MODEL = "{\"@context\":\"dtmi:dtdl:context;3\",\"@id\":\"" + THERMOSTAT + "\","
      + "\"@type\":\"Interface\",\"displayName\":\"Thermostat\",\"contents\":[{\"@type\":\"Property\","
      + "\"name\":\"setpoint\",\"schema\":\"double\"}]}";
  static final String ROOM_MODEL = "{\"@context\":\"dtmi:dtdl:context;3\",\"@id\":\"" + ROOM + "\","
      + "\"@type\":\"Interface\",\"displayName\":\"Room\",\"contents\":["
      + "{\"@type\":\"Property\",\"name\":\"Temperature\",\"schema\":\"double\"},"
      + "{\"@type\":\"Property\",\"name\":\"Name\",\"schema\":\"string\"},"
      + "{\"@type\":\"Telemetry\",\"name\":\"humidity\",\"schema\":\"double\"},"
      + "{\"@type\":\"Component\",\"name\":\"thermostat\",\"schema\":\"" + THERMOSTAT + "\"},"
      + "{\"@type\":\"Relationship\",\"name\":\"adjoins\",\"target\":\"" + ROOM + "\",\"properties\":["
      + "{\"@type\":\"Property\",\"name\":\"door\",\"schema\":\"boolean\"}]}]}";

  @TempDir
  static Path data;

  private static HubClients hub;
  private static DigitalTwinsClient client;
  private static DigitalTwinsAsyncClient asyncClient;

  @BeforeAll
  static void startHub() {
    hub = HubClients.start(data);
    client = hub.digitalTwins().buildClient();
    asyncClient = hub.digitalTwins().buildAsyncClient();
    client.createModels(List.of(THERMOSTAT_MODEL, ROOM_MODEL));
  }

  @AfterAll
  static void stopHub() throws Exception {
    for (AutoCloseable closeable : new AutoCloseable[] {client, asyncClient, hub}) {
      if (closeable != null) {
        closeable.close();
      }
    }
  }

  private static BasicDigitalTwin room(double temperature) {
    return BasicDigitalTwin.builder().model(ROOM).property("Temperature", temperature).property("Name", "r")
        .component("thermostat", BasicDigitalTwinComponent.builder().property("setpoint", 20.5).build()).build();
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(30, TimeUnit.SECONDS);
  }

  /** A caller's own twin class, read through Jackson. */
  public static final class RoomView {
    @JsonProperty("$dtId")
    public String id;
    @JsonProperty("Temperature")
    public double temperature;
  }

  @Test
  void twinLifecycleCreatesReadsPatchesAndDeletes() {
    Response<BasicDigitalTwin> created = client.createOrReplaceDigitalTwinWithResponse("life-1", room(21.0),
        BasicDigitalTwin.class, MatchConditions.ifNoneMatchAny());
    client.updateDigitalTwin("life-1", JsonPatch.builder().replace("/Temperature", 23.5).build());
    BasicDigitalTwin read = client.getDigitalTwin("life-1", BasicDigitalTwin.class);
    JsonNode asTree = client.getDigitalTwin("life-1", JsonNode.class);
    RoomView asPojo = client.getDigitalTwin("life-1", RoomView.class);
    client.deleteDigitalTwin("life-1");

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.etag()).isPresent().isEqualTo(created.value().etag());
    assertThat(read.property("Temperature", Double.class)).hasValue(23.5);
    assertThat(read.model()).hasValue(ROOM);
    assertThat(asTree.get("$dtId").asText()).isEqualTo("life-1");
    assertThat(asPojo.temperature).isEqualTo(23.5);
    assertThatThrownBy(() -> client.getDigitalTwin("life-1", JsonNode.class)).isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((ServiceException) e).errorCode()).hasValue("DigitalTwinNotFound"));
  }

  @Test
  void createWithIfNoneMatchOnAnExistingTwinIsPreconditionFailed() {
    client.createOrReplaceDigitalTwin("exists-1", room(20.0), BasicDigitalTwin.class);

    assertThatThrownBy(() -> client.createOrReplaceDigitalTwinWithResponse("exists-1", room(20.0),
        BasicDigitalTwin.class, MatchConditions.ifNoneMatchAny()))
        .isInstanceOf(PreconditionFailedException.class)
        .satisfies(e -> assertThat(((ServiceException) e).errorCode()).hasValue("PreconditionFailed"));
  }

  @Test
  void patchWithAStaleEtagIsPreconditionFailedAndWithTheCurrentOneApplies() {
    String etag = client.createOrReplaceDigitalTwin("etag-1", room(20.0), BasicDigitalTwin.class).etag()
        .orElseThrow();
    Response<Void> applied = client.updateDigitalTwinWithResponse("etag-1",
        JsonPatch.builder().replace("/Temperature", 25.0).build(), MatchConditions.ifMatch(etag));

    assertThat(applied.statusCode()).isEqualTo(204);
    assertThat(applied.etag()).isPresent().isNotEqualTo(java.util.Optional.of(etag));
    assertThatThrownBy(() -> client.updateDigitalTwinWithResponse("etag-1",
        JsonPatch.builder().replace("/Temperature", 26.0).build(), MatchConditions.ifMatch(etag)))
        .isInstanceOf(PreconditionFailedException.class);
    assertThatThrownBy(() -> client.deleteDigitalTwinWithResponse("etag-1", MatchConditions.ifMatch(etag)))
        .isInstanceOf(PreconditionFailedException.class);
  }

  @Test
  void componentIsReadAndPatched() {
    client.createOrReplaceDigitalTwin("comp-1", room(20.0), BasicDigitalTwin.class);

    Response<Void> patched = client.updateComponentWithResponse("comp-1", "thermostat",
        JsonPatch.builder().replace("/setpoint", 18.0).build(), MatchConditions.none());
    BasicDigitalTwinComponent component = client.getComponent("comp-1", "thermostat",
        BasicDigitalTwinComponent.class);

    assertThat(patched.statusCode()).isEqualTo(204);
    assertThat(component.property("setpoint", Double.class)).hasValue(18.0);
    assertThat(component.lastUpdateTime()).isPresent();
  }

  @Test
  void relationshipLifecycleCoversCreateGetUpdateListIncomingAndDelete() {
    client.createOrReplaceDigitalTwin("rel-a", room(20.0), BasicDigitalTwin.class);
    client.createOrReplaceDigitalTwin("rel-b", room(20.0), BasicDigitalTwin.class);
    BasicRelationship adjoins = BasicRelationship.builder().name("adjoins").targetId("rel-b").property("door", true)
        .build();

    BasicRelationship created = client.createOrReplaceRelationship("rel-a", "a-b", adjoins, BasicRelationship.class);
    client.updateRelationship("rel-a", "a-b", JsonPatch.builder().replace("/door", false).build());
    BasicRelationship read = client.getRelationship("rel-a", "a-b", BasicRelationship.class);
    List<BasicRelationship> outgoing = client.listRelationships("rel-a", BasicRelationship.class).stream()
        .collect(Collectors.toList());
    List<BasicRelationship> byName = client.listRelationships("rel-a", "adjoins", BasicRelationship.class).stream()
        .collect(Collectors.toList());
    List<IncomingRelationship> incoming = client.listIncomingRelationships("rel-b").stream()
        .collect(Collectors.toList());
    assertThatThrownBy(() -> client.createOrReplaceRelationshipWithResponse("rel-a", "a-b", adjoins,
        BasicRelationship.class, MatchConditions.ifNoneMatchAny())).isInstanceOf(PreconditionFailedException.class);
    client.deleteRelationship("rel-a", "a-b");

    assertThat(created.sourceId()).hasValue("rel-a");
    assertThat(read.property("door", Boolean.class)).hasValue(false);
    assertThat(outgoing).extracting(r -> r.id().orElseThrow()).containsExactly("a-b");
    assertThat(byName).hasSize(1);
    assertThat(incoming).extracting(IncomingRelationship::sourceId).containsExactly("rel-a");
    assertThatThrownBy(() -> client.getRelationship("rel-a", "a-b", JsonNode.class))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void modelsAreListedGotDecommissionedAndDeleted() {
    String model = "{\"@context\":\"dtmi:dtdl:context;3\",\"@id\":\"dtmi:test:Spare;1\",\"@type\":\"Interface\","
        + "\"contents\":[]}";
    List<DigitalTwinsModelData> created = client.createModels(List.of(model));

    DigitalTwinsModelData read = client.getModel("dtmi:test:Spare;1");
    List<Page<DigitalTwinsModelData>> pages = new ArrayList<>();
    client.listModels(ListModelsOptions.defaults().pageSize(1)).byPage().forEach(pages::add);
    client.decommissionModel("dtmi:test:Spare;1");
    boolean decommissioned = client.getModel("dtmi:test:Spare;1").decommissioned();
    assertThatThrownBy(() -> client.createModels(List.of(model))).isInstanceOf(AlreadyExistsException.class);
    client.deleteModel("dtmi:test:Spare;1");

    assertThat(created).extracting(DigitalTwinsModelData::modelId).containsExactly("dtmi:test:Spare;1");
    assertThat(read.model()).isPresent();
    assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
    assertThat(pages.stream().flatMap(p -> p.items().stream()).map(DigitalTwinsModelData::modelId))
        .contains(ROOM, THERMOSTAT, "dtmi:test:Spare;1");
    assertThat(decommissioned).isTrue();
    assertThatThrownBy(() -> client.getModel("dtmi:test:Spare;1")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void queryPagesFollowContinuationTokensAndReportTheCharge() {
    for (int i = 0; i < 5; i++) {
      client.createOrReplaceDigitalTwin("query-" + i, room(50.0 + i), BasicDigitalTwin.class);
    }

    List<Page<BasicDigitalTwin>> pages = new ArrayList<>();
    client.query("SELECT * FROM DIGITALTWINS T WHERE T.Temperature >= 50", BasicDigitalTwin.class, 2).byPage()
        .forEach(pages::add);

    assertThat(pages).hasSize(3);
    assertThat(pages.get(0).queryCharge()).isPresent();
    assertThat(pages.stream().flatMap(p -> p.items().stream()).map(t -> t.id().orElseThrow()))
        .containsExactlyInAnyOrder("query-0", "query-1", "query-2", "query-3", "query-4");
  }

  @Test
  void telemetryIsAcceptedForATwinAndAComponent() {
    client.createOrReplaceDigitalTwin("tele-1", room(20.0), BasicDigitalTwin.class);

    Response<Void> twinTelemetry = client.publishTelemetryWithResponse("tele-1", null, "{\"humidity\":40}",
        Instant.now());
    Response<Void> componentTelemetry = client.publishComponentTelemetryWithResponse("tele-1", "thermostat", "m-1",
        java.util.Map.of("level", 3), null);

    assertThat(twinTelemetry.statusCode()).isEqualTo(204);
    assertThat(componentTelemetry.statusCode()).isEqualTo(204);
    assertThatThrownBy(() -> client.publishTelemetry("no-such-twin", null, "{}"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void asyncClientRunsTheSameOperations() throws Exception {
    BasicDigitalTwin created = await(asyncClient.createOrReplaceDigitalTwin("async-1", room(30.0),
        BasicDigitalTwin.class));
    await(asyncClient.updateDigitalTwin("async-1", JsonPatch.builder().replace("/Name", "async").build()));
    await(asyncClient.updateComponent("async-1", "thermostat", JsonPatch.builder().replace("/setpoint", 1.0)
        .build()));
    JsonNode component = await(asyncClient.getComponent("async-1", "thermostat", JsonNode.class));
    await(asyncClient.createOrReplaceDigitalTwin("async-2", room(30.0), BasicDigitalTwin.class));
    await(asyncClient.createOrReplaceRelationship("async-1", "r1",
        BasicRelationship.builder().name("adjoins").targetId("async-2").build(), BasicRelationship.class));
    List<BasicRelationship> relationships = new ArrayList<>();
    await(asyncClient.listRelationships("async-1", BasicRelationship.class).forEach(relationships::add));
    List<IncomingRelationship> incoming = new ArrayList<>();
    await(asyncClient.listIncomingRelationships("async-2").forEach(incoming::add));
    await(asyncClient.updateRelationship("async-1", "r1", JsonPatch.builder().add("/door", true).build()));
    BasicRelationship relationship = await(asyncClient.getRelationship("async-1", "r1", BasicRelationship.class));
    Page<JsonNode> page = await(asyncClient.query("SELECT * FROM DIGITALTWINS WHERE $dtId = 'async-1'",
        JsonNode.class).firstPage());
    await(asyncClient.publishTelemetry("async-1", null, "{\"humidity\":1}"));
    await(asyncClient.publishComponentTelemetry("async-1", "thermostat", null, "{\"x\":1}"));
    DigitalTwinsModelData model = await(asyncClient.getModel(ROOM));
    List<DigitalTwinsModelData> models = new ArrayList<>();
    await(asyncClient.listModels().forEach(models::add));
    await(asyncClient.deleteRelationship("async-1", "r1"));
    await(asyncClient.deleteDigitalTwin("async-1"));
    BasicDigitalTwin second = await(asyncClient.getDigitalTwin("async-2", BasicDigitalTwin.class));

    assertThat(created.id()).hasValue("async-1");
    assertThat(component.get("setpoint").asDouble()).isEqualTo(1.0);
    assertThat(relationships).hasSize(1);
    assertThat(incoming).hasSize(1);
    assertThat(relationship.property("door", Boolean.class)).hasValue(true);
    assertThat(page.items()).hasSize(1);
    assertThat(model.modelId()).isEqualTo(ROOM);
    assertThat(models).extracting(DigitalTwinsModelData::modelId).contains(ROOM, THERMOSTAT);
    assertThat(second.id()).hasValue("async-2");
    assertThatThrownBy(() -> await(asyncClient.getDigitalTwin("async-1", JsonNode.class)))
        .hasCauseInstanceOf(NotFoundException.class);
  }

  @Test
  void asyncModelOperationsCreateDecommissionAndDelete() throws Exception {
    String model = "{\"@context\":\"dtmi:dtdl:context;3\",\"@id\":\"dtmi:test:AsyncSpare;1\","
        + "\"@type\":\"Interface\",\"contents\":[]}";

    Response<List<DigitalTwinsModelData>> created = await(asyncClient.createModelsWithResponse(List.of(model)));
    await(asyncClient.decommissionModel("dtmi:test:AsyncSpare;1"));
    Response<DigitalTwinsModelData> read = await(asyncClient.getModelWithResponse("dtmi:test:AsyncSpare;1"));
    Response<Void> deleted = await(asyncClient.deleteModelWithResponse("dtmi:test:AsyncSpare;1"));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(read.value().decommissioned()).isTrue();
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThatThrownBy(() -> await(asyncClient.getModel("dtmi:test:AsyncSpare;1")))
        .hasCauseInstanceOf(NotFoundException.class);
  }

  @Test
  void asyncConditionalWritesFailWithPreconditionFailed() throws Exception {
    Response<BasicDigitalTwin> created = await(asyncClient.createOrReplaceDigitalTwinWithResponse("async-etag",
        room(20.0), BasicDigitalTwin.class, MatchConditions.ifNoneMatchAny()));
    String etag = created.etag().orElseThrow();
    await(asyncClient.updateComponentWithResponse("async-etag", "thermostat",
        JsonPatch.builder().replace("/setpoint", 3.0).build(), MatchConditions.ifMatch(etag)));

    assertThatThrownBy(() -> await(asyncClient.updateDigitalTwinWithResponse("async-etag",
        JsonPatch.builder().replace("/Temperature", 1.0).build(), MatchConditions.ifMatch(etag))))
        .hasCauseInstanceOf(PreconditionFailedException.class);
    Response<Void> deleted = await(asyncClient.deleteDigitalTwinWithResponse("async-etag",
        MatchConditions.ifMatch(await(asyncClient.getDigitalTwinWithResponse("async-etag", JsonNode.class)).etag()
            .orElseThrow())));
    assertThat(deleted.statusCode()).isEqualTo(204);
  }

  @Test
  void wrongClientSecretIsUnauthorized() {
    try (ClientSecretCredential wrong = hub.credential("d3Jvbmc=");
        DigitalTwinsClient bad = hub.digitalTwins().credential(wrong).buildClient()) {
      assertThatThrownBy(() -> bad.getDigitalTwin("x", JsonNode.class)).isInstanceOf(UnauthorizedException.class)
          .satisfies(e -> assertThat(((ServiceException) e).errorCode()).hasValue("invalid_client"));
    }
  }
}
