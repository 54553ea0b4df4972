package io.twinsdk.hub.digitaltwins;

import static io.twinsdk.hub.digitaltwins.AdtHttp.errorCode;
import static io.twinsdk.hub.digitaltwins.AdtHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.hub.bus.ChangeEvent;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TwinsIT extends TestModelsHub {

  private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z";
  private static final String ETAG = "W/\"[0-9a-f-]{36}\"";

  @BeforeAll
  static void uploadOfficeModel() {
    assertThat(adt.send("POST", "/models", """
        [{"@id":"dtmi:test:Office;%d","@type":"Interface","@context":"dtmi:dtdl:context;2",
          "contents":[{"@type":"Property","name":"Temperature","schema":"double"},
                      {"@type":"Component","name":"wifi","schema":"%s"}]}]"""
        .formatted(n, TestModels.wifiId(n))).statusCode()).isEqualTo(201);
  }

  private static String room(double temperature) {
    return """
        {"$dtId":"ignored","$metadata":{"$model":"%s"},"Temperature":%s,"Humidity":25,"IsOccupied":true,
         "EmployeeId":"E1","wifi":{"$metadata":{},"RouterName":"Cisco1","Network":"Room1"}}"""
        .formatted(TestModels.roomId(n), temperature);
  }

  private static String newTwin() {
    String id = "room-" + AdtHttp.unique();
    assertThat(adt.send("PUT", "/digitaltwins/" + id, room(80)).statusCode()).isEqualTo(200);
    return id;
  }

  private static String etagOf(String id) {
    return adt.send("GET", "/digitaltwins/" + id, null).headers().firstValue("ETag").orElseThrow();
  }

  @Test
  void putCreatesTwinWithEtagAndMetadataAndGetReturnsIt() {
    String id = "room-" + AdtHttp.unique();

    HttpResponse<String> put = adt.send("PUT", "/digitaltwins/" + id, room(80));

    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    JsonNode twin = json(put);
    assertThat(twin.get("$dtId").asText()).isEqualTo(id);
    assertThat(twin.get("$etag").asText()).matches(ETAG).isEqualTo(put.headers().firstValue("ETag").orElseThrow());
    assertThat(twin.get("Temperature").asDouble()).isEqualTo(80.0);
    assertThat(twin.at("/$metadata/$model").asText()).isEqualTo(TestModels.roomId(n));
    assertThat(twin.at("/$metadata/$lastUpdateTime").asText()).matches(TIMESTAMP);
    assertThat(twin.at("/$metadata/Temperature/lastUpdateTime").asText()).matches(TIMESTAMP);
    assertThat(twin.at("/wifi/RouterName").asText()).isEqualTo("Cisco1");
    assertThat(twin.at("/wifi/$metadata/$lastUpdateTime").asText()).matches(TIMESTAMP);
    assertThat(twin.at("/wifi/$metadata/Network/lastUpdateTime").asText()).matches(TIMESTAMP);

    HttpResponse<String> get = adt.send("GET", "/digitaltwins/" + id, null);
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(json(get)).isEqualTo(twin);
    assertThat(get.headers().firstValue("ETag")).hasValue(twin.get("$etag").asText());
  }

  @Test
  void putWithIfNoneMatchStarOnExistingTwinIsPreconditionFailed() {
    String id = newTwin();

    HttpResponse<String> again = adt.send("PUT", "/digitaltwins/" + id, room(1), "If-None-Match", "*");
    HttpResponse<String> other = adt.send("PUT", "/digitaltwins/" + id, room(1), "If-None-Match", "W/\"x\"");

    assertThat(again.statusCode()).isEqualTo(412);
    assertThat(errorCode(again)).isEqualTo("PreconditionFailed");
    assertThat(json(again).at("/error/message").asText()).isEqualTo("If-None-Match: * header was specified but a"
        + " twin with the id " + id + " was found. Please specify a different twin id.");
    assertThat(other.statusCode()).isEqualTo(400);
    assertThat(json(adt.send("GET", "/digitaltwins/" + id, null)).get("Temperature").asDouble()).isEqualTo(80.0);
  }

  @Test
  void putWithoutIfNoneMatchReplacesTheTwin() {
    String id = newTwin();

    HttpResponse<String> replaced = adt.send("PUT", "/digitaltwins/" + id, room(21.5));

    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(json(adt.send("GET", "/digitaltwins/" + id, null)).get("Temperature").asDouble()).isEqualTo(21.5);
  }

  @Test
  void twinsThatDoNotConformAreValidationFailedAndChangeNothing() {
    String id = newTwin();
    String etag = etagOf(id);
    String model = TestModels.roomId(n);
    String wifi = ",\"wifi\":{\"$metadata\":{}}";

    String[] invalid = {
        "{\"$metadata\":{\"$model\":\"" + model + "\"},\"Nope\":1" + wifi + "}",
        "{\"$metadata\":{\"$model\":\"" + model + "\"},\"Temperature\":\"hot\"" + wifi + "}",
        "{\"$metadata\":{\"$model\":\"" + model + "\"},\"Alarm\":\"x\"" + wifi + "}",
        "{\"$metadata\":{\"$model\":\"" + model + "\"}}",
        "{\"$metadata\":{\"$model\":\"dtmi:test:Missing;1\"}}",
        "{\"Temperature\":1}"};
    for (String body : invalid) {
      HttpResponse<String> response = adt.send("PUT", "/digitaltwins/" + id, body);

      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(errorCode(response)).isEqualTo("ValidationFailed");
      assertThat(json(response).at("/error/message").asText()).isEqualTo("Invalid twin specified");
      assertThat(json(response).at("/error/details/0/message").asText()).isNotEmpty();
    }
    assertThat(etagOf(id)).isEqualTo(etag);
  }

  @Test
  void twinLargerThan32KbIsRefused() {
    String id = "big-" + AdtHttp.unique();
    String big = "x".repeat(33 * 1024);

    HttpResponse<String> response = adt.send("PUT", "/digitaltwins/" + id, """
        {"$metadata":{"$model":"%s"},"EmployeeId":"%s","wifi":{"$metadata":{}}}""".formatted(TestModels.roomId(n),
        big));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("ValidationFailed");
    assertThat(json(response).at("/error/details/0/message").asText()).contains("32 KB");
    assertThat(errorCode(adt.send("GET", "/digitaltwins/" + id, null))).isEqualTo("DigitalTwinNotFound");
  }

  @Test
  void missingTwinIsDigitalTwinNotFoundWithTheServiceMessage() {
    HttpResponse<String> response = adt.send("GET", "/digitaltwins/nobody", null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(errorCode(response)).isEqualTo("DigitalTwinNotFound");
    assertThat(json(response).at("/error/message").asText()).isEqualTo("There is no digital twin instance that exists"
        + " with the ID nobody. Please verify that the twin id is valid and ensure that the twin is not deleted. See"
        + " section on querying the twins https://aka.ms/adtv2query.");
  }

  @Test
  void patchAddsReplacesAndRemovesAndKeepsUntouchedTimestamps() {
    String id = newTwin();
    JsonNode before = json(adt.send("GET", "/digitaltwins/" + id, null));

    HttpResponse<String> patch = adt.send("PATCH", "/digitaltwins/" + id, """
        [{"op":"add","path":"/Humidity","value":30},{"op":"replace","path":"/Temperature","value":70},
         {"op":"remove","path":"/EmployeeId"}]""");

    assertThat(patch.statusCode()).as(patch.body()).isEqualTo(204);
    assertThat(patch.body()).isEmpty();
    JsonNode after = json(adt.send("GET", "/digitaltwins/" + id, null));
    assertThat(patch.headers().firstValue("ETag")).hasValue(after.get("$etag").asText());
    assertThat(after.get("$etag")).isNotEqualTo(before.get("$etag"));
    assertThat(after.get("Humidity").asInt()).isEqualTo(30);
    assertThat(after.get("Temperature").asInt()).isEqualTo(70);
    assertThat(after.has("EmployeeId")).isFalse();
    assertThat(after.get("$metadata").has("EmployeeId")).isFalse();
    assertThat(after.at("/$metadata/IsOccupied")).isEqualTo(before.at("/$metadata/IsOccupied"));
    assertThat(after.at("/wifi/$metadata")).isEqualTo(before.at("/wifi/$metadata"));
  }

  @Test
  void unsupportedOpsAndMissingPathsAreJsonPatchInvalidAndChangeNothing() {
    String id = newTwin();
    String etag = etagOf(id);

    HttpResponse<String> move = adt.send("PATCH", "/digitaltwins/" + id,
        "[{\"op\":\"move\",\"from\":\"/Temperature\",\"path\":\"/Humidity\"}]");
    HttpResponse<String> missing = adt.send("PATCH", "/digitaltwins/" + id, """
        [{"op":"replace","path":"/Temperature","value":1},{"op":"replace","path":"/Location/x","value":1}]""");
    HttpResponse<String> system = adt.send("PATCH", "/digitaltwins/" + id,
        "[{\"op\":\"replace\",\"path\":\"/$etag\",\"value\":\"W/\\\"x\\\"\"}]");
    HttpResponse<String> wrongType = adt.send("PATCH", "/digitaltwins/" + id,
        "[{\"op\":\"replace\",\"path\":\"/Temperature\",\"value\":\"hot\"}]");

    assertThat(move.statusCode()).isEqualTo(400);
    assertThat(errorCode(move)).isEqualTo("JsonPatchInvalid");
    assertThat(json(move).at("/error/message").asText()).contains("Unsupported operation type move");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(errorCode(missing)).isEqualTo("JsonPatchInvalid");
    assertThat(errorCode(system)).isEqualTo("JsonPatchInvalid");
    assertThat(errorCode(wrongType)).isEqualTo("ValidationFailed");
    assertThat(etagOf(id)).isEqualTo(etag);
    assertThat(json(adt.send("GET", "/digitaltwins/" + id, null)).get("Temperature").asInt()).isEqualTo(80);
  }

  @Test
  void ifMatchGuardsPatchAndDelete() {
    String id = newTwin();
    String etag = etagOf(id);
    String stale = "W/\"00000000-0000-0000-0000-000000000000\"";
    String body = "[{\"op\":\"replace\",\"path\":\"/Temperature\",\"value\":1}]";

    HttpResponse<String> stalePatch = adt.send("PATCH", "/digitaltwins/" + id, body, "If-Match", stale);
    HttpResponse<String> notAnEtag = adt.send("PATCH", "/digitaltwins/" + id, body, "If-Match", "abc");
    HttpResponse<String> staleDelete = adt.send("DELETE", "/digitaltwins/" + id, null, "If-Match", stale);
    HttpResponse<String> current = adt.send("PATCH", "/digitaltwins/" + id, body, "If-Match", etag);

    assertThat(stalePatch.statusCode()).isEqualTo(412);
    assertThat(json(stalePatch).at("/error/message").asText()).startsWith("The provided etag " + stale
        + " doesn't match the current etag for the resource.");
    assertThat(notAnEtag.statusCode()).isEqualTo(400);
    assertThat(staleDelete.statusCode()).isEqualTo(412);
    assertThat(current.statusCode()).isEqualTo(204);
    String newEtag = current.headers().firstValue("ETag").orElseThrow();
    assertThat(adt.send("DELETE", "/digitaltwins/" + id, null, "If-Match", newEtag).statusCode()).isEqualTo(204);
    assertThat(errorCode(adt.send("GET", "/digitaltwins/" + id, null))).isEqualTo("DigitalTwinNotFound");
  }

  @Test
  void concurrentPatchesWithTheSameIfMatchApplyExactlyOnce() throws Exception {
    String id = newTwin();
    String etag = etagOf(id);
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      List<Future<HttpResponse<String>>> responses = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String body = "[{\"op\":\"replace\",\"path\":\"/Temperature\",\"value\":" + i + "}]";
        responses.add(clients.submit(() -> adt.send("PATCH", "/digitaltwins/" + id, body, "If-Match", etag)));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<HttpResponse<String>> response : responses) {
        statuses.add(response.get(30, TimeUnit.SECONDS).statusCode());
      }

      assertThat(statuses).containsOnly(204, 412);
      assertThat(statuses).filteredOn(status -> status == 204).hasSize(1);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void sourceTimeIsKeptInPropertyMetadata() {
    String id = newTwin();

    HttpResponse<String> patch = adt.send("PATCH", "/digitaltwins/" + id, """
        [{"op":"replace","path":"/Temperature","value":70},
         {"op":"replace","path":"/$metadata/Temperature/sourceTime","value":"2022-01-20T02:03:00.0943478Z"},
         {"op":"add","path":"/wifi/$metadata/Network/sourceTime","value":"2022-05-31T12:00:01.000125009Z"}]""");

    assertThat(patch.statusCode()).as(patch.body()).isEqualTo(204);
    JsonNode twin = json(adt.send("GET", "/digitaltwins/" + id, null));
    assertThat(twin.at("/$metadata/Temperature/sourceTime").asText()).isEqualTo("2022-01-20T02:03:00.0943478Z");
    assertThat(twin.at("/$metadata/Temperature/lastUpdateTime").asText()).matches(TIMESTAMP);
    assertThat(twin.at("/wifi/$metadata/Network/sourceTime").asText()).isEqualTo("2022-05-31T12:00:01.000125009Z");
  }

  @Test
  void objectPropertyIsAddedWholeThenPatchedBySubProperty() {
    String id = newTwin();

    HttpResponse<String> add = adt.send("PATCH", "/digitaltwins/" + id,
        "[{\"op\":\"add\",\"path\":\"/Location\",\"value\":{\"x\":1,\"y\":2}}]");
    HttpResponse<String> sub = adt.send("PATCH", "/digitaltwins/" + id,
        "[{\"op\":\"replace\",\"path\":\"/Location/x\",\"value\":5}]");
    HttpResponse<String> wrong = adt.send("PATCH", "/digitaltwins/" + id,
        "[{\"op\":\"add\",\"path\":\"/Location/z\",\"value\":5}]");

    assertThat(add.statusCode()).isEqualTo(204);
    assertThat(sub.statusCode()).isEqualTo(204);
    assertThat(wrong.statusCode()).isEqualTo(400);
    JsonNode twin = json(adt.send("GET", "/digitaltwins/" + id, null));
    assertThat(twin.at("/Location/x").asInt()).isEqualTo(5);
    assertThat(twin.at("/$metadata/Location/lastUpdateTime").asText()).matches(TIMESTAMP);
  }

  @Test
  void modelMigrationSucceedsOnlyWhenTheResultConformsToTheNewModel() {
    String id = newTwin();
    String office = "dtmi:test:Office;" + n;

    HttpResponse<String> refused = adt.send("PATCH", "/digitaltwins/" + id,
        "[{\"op\":\"replace\",\"path\":\"/$metadata/$model\",\"value\":\"" + office + "\"}]");
    HttpResponse<String> migrated = adt.send("PATCH", "/digitaltwins/" + id, """
        [{"op":"replace","path":"/$metadata/$model","value":"%s"},{"op":"remove","path":"/Humidity"},
         {"op":"remove","path":"/IsOccupied"},{"op":"remove","path":"/EmployeeId"}]""".formatted(office));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(errorCode(refused)).isEqualTo("ValidationFailed");
    assertThat(migrated.statusCode()).as(migrated.body()).isEqualTo(204);
    assertThat(json(adt.send("GET", "/digitaltwins/" + id, null)).at("/$metadata/$model").asText()).isEqualTo(office);
  }

  @Test
  void componentIsReadAndPatchedWithPathsRelativeToIt() {
    String id = newTwin();
    String before = etagOf(id);

    HttpResponse<String> component = adt.send("GET", "/digitaltwins/" + id + "/components/wifi", null);
    HttpResponse<String> patch = adt.send("PATCH", "/digitaltwins/" + id + "/components/wifi",
        "[{\"op\":\"replace\",\"path\":\"/Network\",\"value\":\"New Network\"}]", "If-Match", before);
    HttpResponse<String> missing = adt.send("GET", "/digitaltwins/" + id + "/components/nope", null);

    assertThat(component.statusCode()).isEqualTo(200);
    assertThat(component.headers().firstValue("ETag")).hasValue(before);
    assertThat(json(component).get("RouterName").asText()).isEqualTo("Cisco1");
    assertThat(json(component).at("/$metadata/$lastUpdateTime").asText()).matches(TIMESTAMP);
    assertThat(patch.statusCode()).as(patch.body()).isEqualTo(204);
    String after = patch.headers().firstValue("ETag").orElseThrow();
    assertThat(after).isNotEqualTo(before).isEqualTo(etagOf(id));
    JsonNode updated = json(adt.send("GET", "/digitaltwins/" + id + "/components/wifi", null));
    assertThat(updated.get("Network").asText()).isEqualTo("New Network");
    assertThat(updated.at("/$metadata/RouterName")).isEqualTo(json(component).at("/$metadata/RouterName"));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(errorCode(missing)).isEqualTo("ComponentNotFound");
  }

  @Test
  void componentPatchChecksTheTwinsEtagAndTheComponent() {
    String id = newTwin();
    String body = "[{\"op\":\"replace\",\"path\":\"/Network\",\"value\":\"x\"}]";

    HttpResponse<String> stale = adt.send("PATCH", "/digitaltwins/" + id + "/components/wifi", body, "If-Match",
        "W/\"stale\"");
    HttpResponse<String> missing = adt.send("PATCH", "/digitaltwins/" + id + "/components/nope", body);
    HttpResponse<String> noTwin = adt.send("PATCH", "/digitaltwins/nobody/components/wifi", body);
    HttpResponse<String> badPath = adt.send("PATCH", "/digitaltwins/" + id + "/components/wifi",
        "[{\"op\":\"replace\",\"path\":\"/Nope\",\"value\":\"x\"}]");

    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(errorCode(missing)).isEqualTo("ComponentNotFound");
    assertThat(errorCode(noTwin)).isEqualTo("DigitalTwinNotFound");
    assertThat(badPath.statusCode()).isEqualTo(400);
    assertThat(json(adt.send("GET", "/digitaltwins/" + id + "/components/wifi", null)).get("Network").asText())
        .isEqualTo("Room1");
  }

  @Test
  void putWithSourceTimeKeepsItBesideLastUpdateTime() {
    String id = "room-" + AdtHttp.unique();

    HttpResponse<String> put = adt.send("PUT", "/digitaltwins/" + id, """
        {"$metadata":{"$model":"%s","Temperature":{"sourceTime":"2022-05-31T12:00:01.000125009Z"}},"Temperature":1,
         "wifi":{"$metadata":{"Network":{"sourceTime":"2022-05-31T12:00:00.000125009Z"}},"Network":"n"}}"""
        .formatted(TestModels.roomId(n)));

    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    JsonNode twin = json(put);
    assertThat(twin.at("/$metadata/Temperature/sourceTime").asText()).isEqualTo("2022-05-31T12:00:01.000125009Z");
    assertThat(twin.at("/$metadata/Temperature/lastUpdateTime").asText()).matches(TIMESTAMP);
    assertThat(twin.at("/wifi/$metadata/Network/sourceTime").asText()).isEqualTo("2022-05-31T12:00:00.000125009Z");
  }

  @Test
  void everyTwinChangeIsPublishedOnTheChangeBusAfterCommit() throws Exception {
    String id = "room-" + AdtHttp.unique();

    List<ChangeEvent> events = changesOf(id, 3, () -> {
      adt.send("PUT", "/digitaltwins/" + id, room(80));
      adt.send("PATCH", "/digitaltwins/" + id, "[{\"op\":\"move\",\"from\":\"/Humidity\",\"path\":\"/x\"}]");
      adt.send("PATCH", "/digitaltwins/" + id, "[{\"op\":\"replace\",\"path\":\"/Temperature\",\"value\":1}]");
      adt.send("DELETE", "/digitaltwins/" + id, null);
    });

    assertThat(events).extracting(ChangeEvent::kind).containsExactly(ChangeEvent.Kind.DIGITAL_TWIN_CREATED,
        ChangeEvent.Kind.DIGITAL_TWIN_UPDATED, ChangeEvent.Kind.DIGITAL_TWIN_DELETED);
    assertThat(events.get(0).body().get("$dtId").asText()).isEqualTo(id);
    assertThat(events.get(1).body().get(0).get("path").asText()).isEqualTo("/Temperature");
  }

  @Test
  void putOfAnExistingTwinIsPublishedAsReplacedNotCreated() throws Exception {
    String id = "room-" + AdtHttp.unique();

    List<ChangeEvent> events = changesOf(id, 2, () -> {
      adt.send("PUT", "/digitaltwins/" + id, room(80));
      adt.send("PUT", "/digitaltwins/" + id, room(21));
    });

    assertThat(events).extracting(ChangeEvent::kind).containsExactly(ChangeEvent.Kind.DIGITAL_TWIN_CREATED,
        ChangeEvent.Kind.DIGITAL_TWIN_REPLACED);
    assertThat(events.get(1).body().get("Temperature").asDouble()).isEqualTo(21);
  }

  @Test
  void replacingATwinKeepsTheModelDecommissionedSinceItWasCreated() {
    int m = AdtHttp.unique();
    adt.send("POST", "/models", "[" + TestModels.wifi(m) + "]");
    String twin = "{\"$metadata\":{\"$model\":\"" + TestModels.wifiId(m) + "\"},\"RouterName\":\"R%d\"}";
    assertThat(adt.send("PUT", "/digitaltwins/wifi-" + m, twin.formatted(1)).statusCode()).isEqualTo(200);
    adt.send("PATCH", "/models/" + URLEncoder.encode(TestModels.wifiId(m), StandardCharsets.UTF_8),
        "[{\"op\":\"replace\",\"path\":\"/decommissioned\",\"value\":true}]");

    HttpResponse<String> response = adt.send("PUT", "/digitaltwins/wifi-" + m, twin.formatted(2));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json(adt.send("GET", "/digitaltwins/wifi-" + m, null)).get("RouterName").asText()).isEqualTo("R2");
  }

  @Test
  void decommissionedModelRefusesNewTwins() {
    int m = AdtHttp.unique();
    adt.send("POST", "/models", "[" + TestModels.wifi(m) + "]");
    adt.send("PATCH", "/models/" + URLEncoder.encode(TestModels.wifiId(m), StandardCharsets.UTF_8),
        "[{\"op\":\"replace\",\"path\":\"/decommissioned\",\"value\":true}]");

    HttpResponse<String> response = adt.send("PUT", "/digitaltwins/wifi-" + m,
        "{\"$metadata\":{\"$model\":\"" + TestModels.wifiId(m) + "\"}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("ModelDecommissioned");
  }
}
