package io.twinsdk.hub.digitaltwins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.models.JsonPatchDocument;
import com.azure.core.util.Context;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinComponent;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.models.CreateOrReplaceDigitalTwinOptions;
import com.azure.digitaltwins.core.models.DigitalTwinsModelData;
import com.azure.digitaltwins.core.models.DigitalTwinsResponse;
import com.azure.digitaltwins.core.models.IncomingRelationship;
import com.azure.digitaltwins.core.models.ListModelsOptions;
import com.azure.digitaltwins.core.models.UpdateDigitalTwinOptions;
import io.twinsdk.hub.HubFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official Azure Digital Twins client (azure-digitaltwins-core 1.5.0) against the hub, unchanged. */
class AzureDigitalTwinsClientInteropIT {

  @TempDir
  static Path data;
  static HubFixture fixture;
  static DigitalTwinsClient client;
  static int n;

  @BeforeAll
  static void startHub() {
    fixture = HubFixture.start(data);
    client = AzureClients.digitalTwins(fixture);
    n = AdtHttp.unique();
    client.createModels(List.of(TestModels.wifi(n), TestModels.room(n), TestModels.floor(n)));
  }

  @AfterAll
  static void stopHub() {
    fixture.close();
  }

  private static BasicDigitalTwin room(String id) {
    return new BasicDigitalTwin(id)
        .setMetadata(new BasicDigitalTwinMetadata().setModelId(TestModels.roomId(n)))
        .addToContents("Temperature", 80.0)
        .addToContents("Humidity", 25.0)
        .addToContents("EmployeeId", "Employee1")
        .addToContents("wifi", new BasicDigitalTwinComponent().addToContents("RouterName", "Cisco1")
            .addToContents("Network", "Room1"));
  }

  @Test
  void modelsAreCreatedListedPageByPageDecommissionedAndDeleted() {
    int m = AdtHttp.unique();

    Iterable<DigitalTwinsModelData> created = client.createModels(List.of(TestModels.wifi(m)));
    List<String> listed = new ArrayList<>();
    client.listModels(new ListModelsOptions().setMaxItemsPerPage(1).setIncludeModelDefinition(true), Context.NONE)
        .forEach(model -> listed.add(model.getModelId()));
    client.decommissionModel(TestModels.wifiId(m));
    DigitalTwinsModelData model = client.getModel(TestModels.wifiId(m));

    assertThat(created).extracting(DigitalTwinsModelData::getModelId).containsExactly(TestModels.wifiId(m));
    assertThat(listed).contains(TestModels.wifiId(m), TestModels.roomId(n), TestModels.floorId(n));
    assertThat(model.isDecommissioned()).isTrue();
    assertThat(model.getDisplayNameLanguageMap()).containsEntry("en", "Wifi");
    assertThat(model.getDtdlModel()).contains(TestModels.wifiId(m));
    assertThat(model.getUploadedOn()).isNotNull();
    client.deleteModel(TestModels.wifiId(m));
    assertThatThrownBy(() -> client.getModel(TestModels.wifiId(m))).isInstanceOfSatisfying(
        HttpResponseException.class, e -> assertThat(e.getResponse().getStatusCode()).isEqualTo(404));
  }

  @Test
  void twinWithComponentIsCreatedReadPatchedAndDeleted() {
    String id = "room-" + AdtHttp.unique();

    BasicDigitalTwin created = client.createOrReplaceDigitalTwin(id, room(id), BasicDigitalTwin.class);
    JsonPatchDocument patch = new JsonPatchDocument().appendAdd("/Humidity", 30).appendReplace("/Temperature", 70)
        .appendRemove("/EmployeeId");
    client.updateDigitalTwin(id, patch);
    client.updateComponent(id, "wifi", new JsonPatchDocument().appendReplace("/Network", "New Network"));
    BasicDigitalTwin twin = client.getDigitalTwin(id, BasicDigitalTwin.class);
    BasicDigitalTwinComponent wifi = client.getComponent(id, "wifi", BasicDigitalTwinComponent.class);

    assertThat(created.getId()).isEqualTo(id);
    assertThat(created.getETag()).startsWith("W/\"");
    assertThat(twin.getETag()).isNotEqualTo(created.getETag());
    assertThat(twin.getMetadata().getModelId()).isEqualTo(TestModels.roomId(n));
    assertThat(twin.getMetadata().getPropertyMetadata().get("Temperature").getLastUpdatedOn()).isNotNull();
    assertThat(twin.getContents()).containsEntry("Humidity", 30).containsEntry("Temperature", 70)
        .doesNotContainKey("EmployeeId");
    assertThat(wifi.getContents()).containsEntry("Network", "New Network").containsEntry("RouterName", "Cisco1");
    assertThat(wifi.getLastUpdatedOn()).isNotNull();
    client.deleteDigitalTwin(id);
    assertThatThrownBy(() -> client.getDigitalTwin(id, BasicDigitalTwin.class)).isInstanceOfSatisfying(
        HttpResponseException.class, e -> {
          assertThat(e.getResponse().getStatusCode()).isEqualTo(404);
          assertThat(e.getResponse().getHeaderValue("x-ms-error-code")).isEqualTo("DigitalTwinNotFound");
        });
  }

  @Test
  void preconditionsFailWithStatus412() {
    String id = "room-" + AdtHttp.unique();
    client.createOrReplaceDigitalTwin(id, room(id), BasicDigitalTwin.class);
    String stale = client.getDigitalTwinWithResponse(id, BasicDigitalTwin.class, Context.NONE).getDeserializedHeaders()
        .getETag();
    client.updateDigitalTwin(id, new JsonPatchDocument().appendReplace("/Temperature", 1));

    assertThatThrownBy(() -> client.createOrReplaceDigitalTwinWithResponse(id, room(id), BasicDigitalTwin.class,
        new CreateOrReplaceDigitalTwinOptions().setIfNoneMatch("*"), Context.NONE))
        .isInstanceOfSatisfying(HttpResponseException.class,
            e -> assertThat(e.getResponse().getStatusCode()).isEqualTo(412));
    assertThatThrownBy(() -> client.updateDigitalTwinWithResponse(id,
        new JsonPatchDocument().appendReplace("/Temperature", 2), new UpdateDigitalTwinOptions().setIfMatch(stale),
        Context.NONE))
        .isInstanceOfSatisfying(HttpResponseException.class,
            e -> assertThat(e.getResponse().getStatusCode()).isEqualTo(412));
    DigitalTwinsResponse<Void> current = client.updateDigitalTwinWithResponse(id,
        new JsonPatchDocument().appendReplace("/Temperature", 3), new UpdateDigitalTwinOptions().setIfMatch(
            client.getDigitalTwin(id, BasicDigitalTwin.class).getETag()), Context.NONE);
    assertThat(current.getStatusCode()).isEqualTo(204);
    assertThat(current.getDeserializedHeaders().getETag()).startsWith("W/\"");
  }

  @Test
  void relationshipsAreCreatedListedIncomingPatchedAndDeleted() {
    String floor = "floor-" + AdtHttp.unique();
    String room = "room-" + AdtHttp.unique();
    client.createOrReplaceDigitalTwin(floor, new BasicDigitalTwin(floor)
        .setMetadata(new BasicDigitalTwinMetadata().setModelId(TestModels.floorId(n))), BasicDigitalTwin.class);
    client.createOrReplaceDigitalTwin(room, room(room), BasicDigitalTwin.class);

    BasicRelationship created = client.createOrReplaceRelationship(floor, "FloorToRoom",
        new BasicRelationship("FloorToRoom", floor, room, "contains").addProperty("isAccessRestricted", true),
        BasicRelationship.class);
    client.updateRelationship(floor, "FloorToRoom",
        new JsonPatchDocument().appendReplace("/isAccessRestricted", false));
    List<BasicRelationship> outgoing = new ArrayList<>();
    client.listRelationships(floor, "contains", BasicRelationship.class, Context.NONE).forEach(outgoing::add);
    List<IncomingRelationship> incoming = new ArrayList<>();
    client.listIncomingRelationships(room).forEach(incoming::add);

    assertThat(created.getSourceId()).isEqualTo(floor);
    assertThat(created.getETag()).startsWith("W/\"");
    assertThat(outgoing).singleElement().satisfies(r -> {
      assertThat(r.getTargetId()).isEqualTo(room);
      assertThat(r.getProperties()).isEqualTo(Map.of("isAccessRestricted", false));
    });
    assertThat(incoming).singleElement().satisfies(r -> {
      assertThat(r.getSourceId()).isEqualTo(floor);
      assertThat(r.getRelationshipName()).isEqualTo("contains");
      assertThat(r.getRelationshipId()).isEqualTo("FloorToRoom");
    });
    assertThatThrownBy(() -> client.deleteDigitalTwin(room)).isInstanceOfSatisfying(HttpResponseException.class,
        e -> assertThat(e.getResponse().getStatusCode()).isEqualTo(400));
    client.deleteRelationship(floor, "FloorToRoom");
    client.deleteDigitalTwin(room);
    client.deleteDigitalTwin(floor);
  }

  @Test
  void telemetryIsAccepted() {
    String id = "room-" + AdtHttp.unique();
    client.createOrReplaceDigitalTwin(id, room(id), BasicDigitalTwin.class);

    client.publishTelemetry(id, null, "{\"Alarm\":\"smoke\"}");
    client.publishComponentTelemetry(id, "wifi", "m-1", Map.of("Signal", 5));

    assertThatThrownBy(() -> client.publishTelemetry("nobody", null, "{}")).isInstanceOfSatisfying(
        HttpResponseException.class, e -> assertThat(e.getResponse().getStatusCode()).isEqualTo(404));
  }
}
