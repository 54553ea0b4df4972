package io.twinsdk.hub.digitaltwins;

import static io.twinsdk.hub.digitaltwins.AdtHttp.errorCode;
import static io.twinsdk.hub.digitaltwins.AdtHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.hub.bus.ChangeEvent;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RelationshipsIT extends TestModelsHub {

  private static String room() {
    String id = "room-" + AdtHttp.unique();
    assertThat(adt.send("PUT", "/digitaltwins/" + id, """
        {"$metadata":{"$model":"%s"},"wifi":{"$metadata":{}}}""".formatted(TestModels.roomId(n))).statusCode())
        .isEqualTo(200);
    return id;
  }

  private static String floor() {
    String id = "floor-" + AdtHttp.unique();
    assertThat(adt.send("PUT", "/digitaltwins/" + id, """
        {"$metadata":{"$model":"%s"},"Level":1}""".formatted(TestModels.floorId(n))).statusCode()).isEqualTo(200);
    return id;
  }

  private static HttpResponse<String> contains(String floor, String relationshipId, String room, String... headers) {
    return adt.send("PUT", "/digitaltwins/" + floor + "/relationships/" + relationshipId,
        "{\"$targetId\":\"" + room + "\",\"$relationshipName\":\"contains\",\"isAccessRestricted\":true}", headers);
  }

  /**
   * Gives {@code floor} {@code count} {@code contains} relationships to {@code room} through an import job (thousands
   * of single PUTs would make the test slow) and waits until the last one is committed.
   */
  private static void fillWithImportJob(String floor, String room, int count) throws Exception {
    StringBuilder file = new StringBuilder("{\"Section\":\"Header\"}\n{\"fileVersion\":\"1.0.0\"}\n"
        + "{\"Section\":\"Relationships\"}\n");
    for (int i = 0; i < count; i++) {
      file.append("{\"$dtId\":\"").append(floor).append("\",\"$relationshipId\":\"r").append(i)
          .append("\",\"$targetId\":\"").append(room).append("\",\"$relationshipName\":\"contains\"}\n");
    }
    Path directory = adt.fixture().hub().options().importDirectory();
    Path input = Files.writeString(directory.resolve(floor + ".ndjson"), file);
    CountDownLatch created = new CountDownLatch(count);
    try (AutoCloseable subscription = adt.fixture().hub().changes().subscribe(event -> {
      if (event.kind() == ChangeEvent.Kind.RELATIONSHIP_CREATED && event.id().startsWith(floor + "/")) {
        created.countDown();
      }
    })) {
      HttpResponse<String> job = adt.send("PUT", "/jobs/imports/" + floor, "{\"inputBlobUri\":\"" + input.toUri()
          + "\",\"outputBlobUri\":\"" + directory.resolve(floor + "-log.ndjson").toUri() + "\"}");
      assertThat(job.statusCode()).as(job.body()).isEqualTo(201);
      assertThat(created.await(60, TimeUnit.SECONDS)).as("all relationships imported").isTrue();
    }
  }

  @Test
  void putCreatesRelationshipWithSourceFromThePathAndGetReturnsIt() {
    String floor = floor();
    String room = room();

    HttpResponse<String> put = contains(floor, "FloorToRoom", room);

    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    JsonNode relationship = json(put);
    assertThat(relationship.get("$relationshipId").asText()).isEqualTo("FloorToRoom");
    assertThat(relationship.get("$sourceId").asText()).isEqualTo(floor);
    assertThat(relationship.get("$targetId").asText()).isEqualTo(room);
    assertThat(relationship.get("$relationshipName").asText()).isEqualTo("contains");
    assertThat(relationship.get("isAccessRestricted").asBoolean()).isTrue();
    assertThat(relationship.get("$etag").asText()).isEqualTo(put.headers().firstValue("ETag").orElseThrow())
        .matches("W/\"[0-9a-f-]{36}\"");
    HttpResponse<String> get = adt.send("GET", "/digitaltwins/" + floor + "/relationships/FloorToRoom", null);
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(json(get)).isEqualTo(relationship);
  }

  @Test
  void relationshipsThatBreakTheRulesAreRefusedAndNothingIsStored() {
    String floor = floor();
    String room = room();

    HttpResponse<String> toItself = adt.send("PUT", "/digitaltwins/" + floor + "/relationships/self",
        "{\"$targetId\":\"" + floor + "\",\"$relationshipName\":\"contains\"}");
    HttpResponse<String> noTarget = contains(floor, "r", "nobody");
    HttpResponse<String> noSource = contains("nobody", "r", room);
    HttpResponse<String> unknownName = adt.send("PUT", "/digitaltwins/" + floor + "/relationships/r",
        "{\"$targetId\":\"" + room + "\",\"$relationshipName\":\"owns\"}");
    HttpResponse<String> wrongTarget = adt.send("PUT", "/digitaltwins/" + floor + "/relationships/r",
        "{\"$targetId\":\"" + floor() + "\",\"$relationshipName\":\"contains\"}");
    HttpResponse<String> wrongProperty = adt.send("PUT", "/digitaltwins/" + floor + "/relationships/r",
        "{\"$targetId\":\"" + room + "\",\"$relationshipName\":\"contains\",\"isAccessRestricted\":\"yes\"}");

    assertThat(toItself.statusCode()).isEqualTo(400);
    assertThat(errorCode(toItself)).isEqualTo("OperationNotAllowed");
    assertThat(noTarget.statusCode()).isEqualTo(404);
    assertThat(errorCode(noTarget)).isEqualTo("TargetTwinNotFound");
    assertThat(errorCode(noSource)).isEqualTo("DigitalTwinNotFound");
    assertThat(errorCode(unknownName)).isEqualTo("ValidationFailed");
    assertThat(errorCode(wrongTarget)).isEqualTo("ValidationFailed");
    assertThat(errorCode(wrongProperty)).isEqualTo("ValidationFailed");
    assertThat(json(adt.send("GET", "/digitaltwins/" + floor + "/relationships", null)).get("value")).isEmpty();
  }

  @Test
  void putOfAnExistingRelationshipIsPublishedAsReplacedNotCreated() throws Exception {
    String floor = floor();
    String room = room();

    List<ChangeEvent> events = changesOf(floor + "/r1", 2, () -> {
      assertThat(contains(floor, "r1", room).statusCode()).isEqualTo(200);
      assertThat(contains(floor, "r1", room).statusCode()).isEqualTo(200);
    });

    assertThat(events).extracting(ChangeEvent::kind).containsExactly(ChangeEvent.Kind.RELATIONSHIP_CREATED,
        ChangeEvent.Kind.RELATIONSHIP_REPLACED);
  }

  @Test
  void ifNoneMatchStarOnExistingRelationshipIsPreconditionFailed() {
    String floor = floor();
    String room = room();
    contains(floor, "rel", room);

    HttpResponse<String> again = contains(floor, "rel", room, "If-None-Match", "*");

    assertThat(again.statusCode()).isEqualTo(412);
    assertThat(json(again).at("/error/message").asText()).isEqualTo("If-None-Match: * header was specified but a"
        + " relationship with the id rel was found. Please specify a different relationship id.");
  }

  @Test
  void patchUpdatesPropertiesUnderIfMatchAndDeleteRemoves() {
    String floor = floor();
    String room = room();
    String etag = contains(floor, "rel", room).headers().firstValue("ETag").orElseThrow();
    String path = "/digitaltwins/" + floor + "/relationships/rel";
    String body = "[{\"op\":\"replace\",\"path\":\"/isAccessRestricted\",\"value\":false}]";

    HttpResponse<String> stale = adt.send("PATCH", path, body, "If-Match", "W/\"stale\"");
    HttpResponse<String> patched = adt.send("PATCH", path, body, "If-Match", etag);
    HttpResponse<String> system = adt.send("PATCH", path,
        "[{\"op\":\"replace\",\"path\":\"/$targetId\",\"value\":\"x\"}]");

    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
    String newEtag = patched.headers().firstValue("ETag").orElseThrow();
    assertThat(newEtag).isNotEqualTo(etag);
    JsonNode relationship = json(adt.send("GET", path, null));
    assertThat(relationship.get("isAccessRestricted").asBoolean()).isFalse();
    assertThat(relationship.get("$etag").asText()).isEqualTo(newEtag);
    assertThat(errorCode(system)).isEqualTo("JsonPatchInvalid");

    assertThat(adt.send("DELETE", path, null, "If-Match", etag).statusCode()).isEqualTo(412);
    assertThat(adt.send("DELETE", path, null).statusCode()).isEqualTo(204);
    HttpResponse<String> gone = adt.send("GET", path, null);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(errorCode(gone)).isEqualTo("RelationshipNotFound");
    assertThat(errorCode(adt.send("GET", "/digitaltwins/nobody/relationships/rel", null)))
        .isEqualTo("DigitalTwinNotFound");
    assertThat(json(gone).at("/error/message").asText()).startsWith("Relationship rel not found on twin " + floor
        + ".");
  }

  @Test
  void twinWithRelationshipsCannotBeDeletedUntilTheyAreGone() {
    String floor = floor();
    String room = room();
    contains(floor, "rel", room);

    HttpResponse<String> target = adt.send("DELETE", "/digitaltwins/" + room, null);
    HttpResponse<String> source = adt.send("DELETE", "/digitaltwins/" + floor, null);

    assertThat(target.statusCode()).isEqualTo(400);
    assertThat(errorCode(target)).isEqualTo("RelationshipsNotDeleted");
    assertThat(errorCode(source)).isEqualTo("RelationshipsNotDeleted");
    adt.send("DELETE", "/digitaltwins/" + floor + "/relationships/rel", null);
    assertThat(adt.send("DELETE", "/digitaltwins/" + room, null).statusCode()).isEqualTo(204);
  }

  @Test
  void listFiltersByNameAndPagesWithNextLinks() {
    String floor = floor();
    String[] rooms = {room(), room(), room()};
    for (int i = 0; i < rooms.length; i++) {
      contains(floor, "rel" + i, rooms[i]);
    }

    List<String> ids = new ArrayList<>();
    HttpResponse<String> page = adt.send("GET", "/digitaltwins/" + floor + "/relationships?relationshipName=contains",
        null, "max-items-per-page", "2");
    while (true) {
      assertThat(page.statusCode()).isEqualTo(200);
      json(page).get("value").forEach(r -> ids.add(r.get("$relationshipId").asText()));
      JsonNode next = json(page).get("nextLink");
      if (next.isNull()) {
        break;
      }
      assertThat(next.asText()).startsWith(adt.fixture().hub().digitalTwinsEndpoint() + "/digitaltwins/" + floor
          + "/relationships?relationshipName=contains&continuationToken=");
      page = adt.sendTo(URI.create(next.asText()), "GET", null, "max-items-per-page", "2");
    }

    assertThat(ids).containsExactly("rel0", "rel1", "rel2");
    assertThat(json(adt.send("GET", "/digitaltwins/" + floor + "/relationships?relationshipName=other", null))
        .get("value")).isEmpty();
    assertThat(errorCode(adt.send("GET", "/digitaltwins/nobody/relationships", null))).isEqualTo("DigitalTwinNotFound");
  }

  @Test
  void incomingRelationshipsCarryAnAbsoluteLink() {
    String floor = floor();
    String room = room();
    contains(floor, "FloorToRoom", room);

    HttpResponse<String> response = adt.send("GET", "/digitaltwins/" + room + "/incomingrelationships", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode item = json(response).get("value").get(0);
    assertThat(item.get("$relationshipId").asText()).isEqualTo("FloorToRoom");
    assertThat(item.get("$sourceId").asText()).isEqualTo(floor);
    assertThat(item.get("$relationshipName").asText()).isEqualTo("contains");
    assertThat(item.get("$relationshipLink").asText()).isEqualTo(adt.fixture().hub().digitalTwinsEndpoint()
        + "/digitaltwins/" + floor + "/relationships/FloorToRoom?api-version=" + AdtHttp.API_VERSION);
    assertThat(item.has("$targetId")).isFalse();
    assertThat(json(response).get("nextLink").isNull()).isTrue();
    assertThat(adt.sendTo(URI.create(item.get("$relationshipLink").asText()), "GET", null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void twinHasAtMost5000OutgoingAnd5000IncomingRelationships() throws Exception {
    String floor = floor();
    String room = room();
    fillWithImportJob(floor, room, 5_000);
    String otherRoom = room();
    String otherFloor = floor();

    HttpResponse<String> sixthOutgoing = contains(floor, "r5000", otherRoom);
    HttpResponse<String> sixthIncoming = contains(otherFloor, "toFullRoom", room);
    HttpResponse<String> replaced = contains(floor, "r0", room);
    HttpResponse<String> retargeted = contains(floor, "r1", otherRoom);
    HttpResponse<String> afterRetarget = contains(otherFloor, "toFullRoom", room);

    assertThat(sixthOutgoing.statusCode()).isEqualTo(400);
    assertThat(errorCode(sixthOutgoing)).isEqualTo("LimitExceeded");
    assertThat(json(sixthOutgoing).at("/error/message").asText()).contains(floor, "outgoing");
    assertThat(sixthIncoming.statusCode()).isEqualTo(400);
    assertThat(errorCode(sixthIncoming)).isEqualTo("LimitExceeded");
    assertThat(json(sixthIncoming).at("/error/message").asText()).contains(room, "incoming");
    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(retargeted.statusCode()).isEqualTo(200);
    assertThat(afterRetarget.statusCode()).isEqualTo(200);
    assertThat(adt.send("GET", "/digitaltwins/" + floor + "/relationships/r5000", null).statusCode()).isEqualTo(404);
    assertThat(json(adt.send("GET", "/digitaltwins/" + otherRoom + "/incomingrelationships", null)).get("value"))
        .hasSize(1);
  }

  @Test
  void telemetryIsPublishedOnTheChangeBusAndNeedsMessageId() throws Exception {
    String room = room();
    CompletableFuture<ChangeEvent> received = new CompletableFuture<>();
    try (AutoCloseable subscription = adt.fixture().hub().changes().subscribe(event -> {
      if (event.kind() == ChangeEvent.Kind.TELEMETRY && event.id().equals(room + "/wifi")) {
        received.complete(event);
      }
    })) {
      HttpResponse<String> withoutId = adt.send("POST", "/digitaltwins/" + room + "/telemetry", "{\"Alarm\":\"x\"}");
      HttpResponse<String> component = adt.send("POST", "/digitaltwins/" + room + "/components/wifi/telemetry",
          "{\"Signal\":5}", "Message-Id", "m-1");
      HttpResponse<String> twin = adt.send("POST", "/digitaltwins/" + room + "/telemetry", "{\"Alarm\":\"x\"}",
          "Message-Id", "m-2", "Telemetry-Source-Time", "2023-07-20T06:39:59.330353600Z");
      HttpResponse<String> missing = adt.send("POST", "/digitaltwins/nobody/telemetry", "{}", "Message-Id", "m-3");

      assertThat(withoutId.statusCode()).isEqualTo(400);
      assertThat(errorCode(withoutId)).isEqualTo("InvalidArgument");
      assertThat(component.statusCode()).isEqualTo(204);
      assertThat(twin.statusCode()).isEqualTo(204);
      assertThat(errorCode(missing)).isEqualTo("DigitalTwinNotFound");
      assertThat(errorCode(adt.send("POST", "/digitaltwins/" + room + "/components/nope/telemetry", "{}",
          "Message-Id", "m-4"))).isEqualTo("ComponentNotFound");
      ChangeEvent event = received.get(10, TimeUnit.SECONDS);
      assertThat(event.body().get("Signal").asInt()).isEqualTo(5);
    }
  }

  @Test
  void telemetryWithBlankMessageIdOrBadSourceTimeIsRefusedAndNotPublished() throws Exception {
    String room = room();
    CompletableFuture<ChangeEvent> first = new CompletableFuture<>();
    try (AutoCloseable subscription = adt.fixture().hub().changes().subscribe(event -> {
      if (event.kind() == ChangeEvent.Kind.TELEMETRY && event.id().equals(room)) {
        first.complete(event);
      }
    })) {
      HttpResponse<String> blankId = adt.send("POST", "/digitaltwins/" + room + "/telemetry", "{\"n\":1}",
          "Message-Id", " ");
      HttpResponse<String> badTime = adt.send("POST", "/digitaltwins/" + room + "/telemetry", "{\"n\":2}",
          "Message-Id", "m-2", "Telemetry-Source-Time", "yesterday");
      HttpResponse<String> accepted = adt.send("POST", "/digitaltwins/" + room + "/telemetry", "{\"n\":3}",
          "Message-Id", "m-3", "Telemetry-Source-Time", "1985-04-12T23:20:50.52Z");

      assertThat(blankId.statusCode()).isEqualTo(400);
      assertThat(errorCode(blankId)).isEqualTo("InvalidArgument");
      assertThat(json(blankId).at("/error/message").asText()).contains("Message-Id");
      assertThat(badTime.statusCode()).isEqualTo(400);
      assertThat(errorCode(badTime)).isEqualTo("InvalidArgument");
      assertThat(json(badTime).at("/error/message").asText()).contains("Telemetry-Source-Time");
      assertThat(accepted.statusCode()).isEqualTo(204);
      ChangeEvent event = first.get(10, TimeUnit.SECONDS);
      assertThat(event.body().get("n").asInt()).isEqualTo(3);
      assertThat(event.time()).isEqualTo(Instant.parse("1985-04-12T23:20:50.52Z"));
    }
  }

  @Test
  void eventRoutesAnswerNotImplemented() {
    HttpResponse<String> response = adt.send("GET", "/eventroutes", null);

    assertThat(response.statusCode()).isEqualTo(501);
    assertThat(json(response).at("/error/message").asText()).contains("Event routes are not supported");
  }
}
