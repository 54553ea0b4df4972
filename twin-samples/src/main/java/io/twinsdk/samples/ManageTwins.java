package io.twinsdk.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.digitaltwin.BasicDigitalTwin;
import io.twinsdk.core.digitaltwin.BasicDigitalTwinComponent;
import io.twinsdk.core.digitaltwin.BasicRelationship;
import io.twinsdk.core.digitaltwin.DigitalTwinPropertyMetadata;
import io.twinsdk.core.digitaltwin.IncomingRelationship;
import io.twinsdk.core.json.JsonPatch;
import io.twinsdk.service.AlreadyExistsException;
import io.twinsdk.service.MatchConditions;
import io.twinsdk.service.NotFoundException;
import io.twinsdk.service.PreconditionFailedException;
import io.twinsdk.service.Response;
import io.twinsdk.service.digitaltwins.DigitalTwinsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code manage-twins}: the "manage digital twins" walkthrough: upload a Room model, create a twin, read it, update
 * it with JSON Patch (properties, a component, an object property, a new model version, a source time), show that
 * concurrent updates of one twin apply one after another, then delete its relationships and the twin.
 */
final class ManageTwins extends Sample {

  static final String ROOM = "sample-room-21";
  static final String FLOOR = "sample-floor-2";
  private static final int CONCURRENT_UPDATES = 10;

  ManageTwins() {
    super("manage-twins", "",
        "models, create, get, JSON Patch, concurrency and delete of a digital twin",
        Set.of(Need.DIGITAL_TWINS));
  }

  @Override
  void run(SampleContext context, List<String> args) throws Exception {
    Console console = context.console();
    try (DigitalTwinsClient client = context.newDigitalTwinsClient().buildClient()) {
      uploadModels(client, SampleModels.roomModels(), console);
      createTwin(client, console);
      printTwin(client, console);
      updateProperties(client, console);
      updateComponent(client, console);
      updateObjectProperty(client, console);
      migrateModel(client, console);
      setSourceTime(client, console);
      updateConcurrently(client, console);
      deleteTwin(client, console);
    }
  }

  private static void uploadModels(DigitalTwinsClient client, List<JsonNode> models, Console console) {
    List<String> ids = models.stream().map(model -> model.get("@id").asText()).toList();
    try {
      client.createModels(models.stream().map(JsonNode::toString).toList());
      console.println("Uploaded models " + String.join(", ", ids));
    } catch (AlreadyExistsException e) {
      // A second run against the same instance finds them there; models cannot be changed, only replaced by versions.
      console.println("Models already uploaded: " + String.join(", ", ids));
    }
  }

  private static void createTwin(DigitalTwinsClient client, Console console) {
    // [START create-twin]
    BasicDigitalTwin room = BasicDigitalTwin.builder(ROOM)
        .model(SampleModels.ROOM_V1)
        .property("Temperature", 20.5)
        .property("Humidity", 40.0)
        .property("IsOccupied", true)
        .property("EmployeeId", "E-1042")
        .component("thermostat", BasicDigitalTwinComponent.builder()
            .property("SetPoint", 21.0)
            .property("Mode", "auto")
            .build())
        .build();
    BasicDigitalTwin created = client.createOrReplaceDigitalTwin(ROOM, room, BasicDigitalTwin.class);
    // [END create-twin]
    console.println("Created twin " + created.id().orElseThrow() + " with properties " + created.properties());
  }

  private static void printTwin(DigitalTwinsClient client, Console console) {
    Response<BasicDigitalTwin> response = client.getDigitalTwinWithResponse(ROOM, BasicDigitalTwin.class);
    BasicDigitalTwin twin = response.value();
    console.println("Got twin:");
    console.println("  $dtId: " + twin.id().orElseThrow());
    console.println("  $etag: " + twin.etag().orElseThrow());
    console.println("  $metadata.$model: " + twin.model().orElseThrow());
    console.println("  $metadata.$lastUpdateTime: " + twin.metadata().lastUpdateTimeText().orElseThrow());
    console.println("  $metadata.Temperature.lastUpdateTime: " + twin.metadata().propertyMetadata("Temperature")
        .flatMap(DigitalTwinPropertyMetadata::lastUpdateTimeText).orElseThrow());
    console.println("  thermostat: " + twin.component("thermostat").orElseThrow().contents());
  }

  private static void updateProperties(DigitalTwinsClient client, Console console) {
    // [START update-twin]
    JsonPatch patch = JsonPatch.builder()
        .replace("/Temperature", 22.5)
        .add("/Humidity", 45.0)
        .remove("/EmployeeId")
        .build();
    client.updateDigitalTwin(ROOM, patch);
    // [END update-twin]
    console.println("Updated " + ROOM + " with " + patch.toJson());
    console.println("  now " + client.getDigitalTwin(ROOM, BasicDigitalTwin.class).properties());
  }

  private static void updateComponent(DigitalTwinsClient client, Console console) {
    JsonPatch patch = JsonPatch.builder().replace("/thermostat/SetPoint", 23.0).build();
    client.updateDigitalTwin(ROOM, patch);
    console.println("Updated the component with " + patch.toJson());
    JsonPatch componentPatch = JsonPatch.builder().replace("/Mode", "cool").build();
    client.updateComponent(ROOM, "thermostat", componentPatch);
    console.println("Updated the component through its own path with " + componentPatch.toJson());
    BasicDigitalTwinComponent thermostat =
        client.getComponent(ROOM, "thermostat", BasicDigitalTwinComponent.class);
    console.println("  thermostat now " + thermostat.contents());
  }

  private static void updateObjectProperty(DigitalTwinsClient client, Console console) {
    // An object property the twin was created without has no members to replace yet: add it whole first.
    ObjectNode comfort = JsonNodeFactory.instance.objectNode().put("Level", "good").put("Score", 7);
    JsonPatch add = JsonPatch.builder().add("/Comfort", comfort).build();
    client.updateDigitalTwin(ROOM, add);
    console.println("Added an object property with " + add.toJson());
    JsonPatch replace = JsonPatch.builder().replace("/Comfort/Score", 9).build();
    client.updateDigitalTwin(ROOM, replace);
    console.println("Replaced its sub-property with " + replace.toJson());
    console.println("  Comfort now " + client.getDigitalTwin(ROOM, BasicDigitalTwin.class).property("Comfort")
        .orElseThrow());
  }

  private static void migrateModel(DigitalTwinsClient client, Console console) {
    uploadModels(client, List.of(SampleModels.roomVersion2()), console);
    JsonPatch patch = JsonPatch.builder()
        .replace("/$metadata/$model", SampleModels.ROOM_V2)
        .add("/Occupants", 3)
        .build();
    client.updateDigitalTwin(ROOM, patch);
    BasicDigitalTwin twin = client.getDigitalTwin(ROOM, BasicDigitalTwin.class);
    console.println("Migrated the twin with " + patch.toJson());
    console.println("  $metadata.$model now " + twin.model().orElseThrow() + ", Occupants="
        + twin.property("Occupants").orElseThrow());
  }

  private static void setSourceTime(DigitalTwinsClient client, Console console) {
    String sourceTime = "2026-01-20T02:03:00.0943478Z";
    JsonPatch patch = JsonPatch.builder()
        .replace("/Temperature", 23.5)
        .replace("/$metadata/Temperature/sourceTime", sourceTime)
        .build();
    client.updateDigitalTwin(ROOM, patch);
    DigitalTwinPropertyMetadata temperature = client.getDigitalTwin(ROOM, BasicDigitalTwin.class).metadata()
        .propertyMetadata("Temperature").orElseThrow();
    console.println("Set the temperature's source time with " + patch.toJson());
    console.println("  $metadata.Temperature: lastUpdateTime=" + temperature.lastUpdateTimeText().orElseThrow()
        + ", sourceTime=" + temperature.sourceTimeText().orElseThrow());
  }

  private static void updateConcurrently(DigitalTwinsClient client, Console console) throws Exception {
    // [START concurrent-updates]
    // Updates of one twin are applied one after another: each gets its own new ETag, and the last one applied is
    // the one whose ETag the twin carries afterwards.
    List<CompletableFuture<Response<Void>>> updates = new ArrayList<>();
    for (int i = 1; i <= CONCURRENT_UPDATES; i++) {
      JsonPatch patch = JsonPatch.builder().replace("/Humidity", (double) i).build();
      updates.add(client.async().updateDigitalTwinWithResponse(ROOM, patch, MatchConditions.none()));
    }
    CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new))
        .get(SampleContext.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    List<String> etags = updates.stream().map(update -> update.join().etag().orElseThrow()).toList();
    Response<BasicDigitalTwin> after = client.getDigitalTwinWithResponse(ROOM, BasicDigitalTwin.class);
    int last = etags.indexOf(after.value().etag().orElseThrow()) + 1;
    // [END concurrent-updates]
    console.println(CONCURRENT_UPDATES + " concurrent updates of Humidity gave " + etags.stream().distinct().count()
        + " distinct ETags");
    console.println("  the twin's ETag is that of update " + last + " and Humidity="
        + after.value().property("Humidity").orElseThrow() + ": it was applied last");

    String etag = after.value().etag().orElseThrow();
    client.updateDigitalTwinWithResponse(ROOM, JsonPatch.builder().replace("/Humidity", 50.0).build(),
        MatchConditions.ifMatch(etag));
    try {
      client.updateDigitalTwinWithResponse(ROOM, JsonPatch.builder().replace("/Humidity", 55.0).build(),
          MatchConditions.ifMatch(etag));
      throw new IllegalStateException("An update with a stale If-Match ETag was applied");
    } catch (PreconditionFailedException e) {
      console.println("Of two updates with If-Match of the same ETag the first applied and the second failed: "
          + e.statusCode() + " " + e.errorCode().orElse("PreconditionFailed"));
    }
  }

  private static void deleteTwin(DigitalTwinsClient client, Console console) {
    BasicDigitalTwin floor = BasicDigitalTwin.builder(FLOOR).model(SampleModels.FLOOR).property("Name", "Floor 2")
        .build();
    client.createOrReplaceDigitalTwin(FLOOR, floor, BasicDigitalTwin.class);
    BasicRelationship contains = BasicRelationship.builder().id(FLOOR + "-contains-" + ROOM).sourceId(FLOOR)
        .name("contains").targetId(ROOM).build();
    client.createOrReplaceRelationship(FLOOR, contains.id().orElseThrow(), contains, BasicRelationship.class);
    console.println("Created twin " + FLOOR + " and relationship " + contains.id().orElseThrow());

    // [START delete-twin]
    // A twin can be deleted only once no relationship leads to or from it.
    for (IncomingRelationship incoming : client.listIncomingRelationships(ROOM)) {
      client.deleteRelationship(incoming.sourceId(), incoming.id());
      console.println("Deleted incoming relationship " + incoming.id() + " from " + incoming.sourceId());
    }
    for (BasicRelationship outgoing : client.listRelationships(ROOM, BasicRelationship.class)) {
      client.deleteRelationship(ROOM, outgoing.id().orElseThrow());
      console.println("Deleted relationship " + outgoing.id().orElseThrow());
    }
    client.deleteDigitalTwin(ROOM);
    // [END delete-twin]
    client.deleteDigitalTwin(FLOOR);
    console.println("Deleted twins " + ROOM + " and " + FLOOR);
    try {
      client.getDigitalTwin(ROOM, BasicDigitalTwin.class);
      throw new IllegalStateException(ROOM + " is still there after its deletion");
    } catch (NotFoundException e) {
      console.println("  " + ROOM + " is gone: " + e.statusCode() + " " + e.errorCode().orElse("NotFound"));
    }
  }
}
