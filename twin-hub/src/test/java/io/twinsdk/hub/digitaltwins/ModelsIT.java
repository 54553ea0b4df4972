package io.twinsdk.hub.digitaltwins;

import static io.twinsdk.hub.digitaltwins.AdtHttp.errorCode;
import static io.twinsdk.hub.digitaltwins.AdtHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.hub.TwinHub;
import io.twinsdk.hub.auth.BearerTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsIT {

  @TempDir
  static Path data;
  static AdtHttp adt;

  @BeforeAll
  static void startHub() {
    adt = AdtHttp.start(data);
  }

  @AfterAll
  static void stopHub() {
    adt.close();
  }

  private static String path(String modelId) {
    return "/models/" + URLEncoder.encode(modelId, StandardCharsets.UTF_8);
  }

  @Test
  void batchOfV2AndV3ModelsIsCreatedAndReadBack() {
    int n = AdtHttp.unique();

    HttpResponse<String> created = adt.send("POST", "/models", TestModels.batch(n));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode models = json(created);
    assertThat(models).hasSize(3);
    assertThat(models.get(0).get("id").asText()).isEqualTo(TestModels.wifiId(n));
    assertThat(models.get(0).get("displayName").get("en").asText()).isEqualTo("Wifi");
    assertThat(models.get(0).get("description").isObject()).isTrue();
    assertThat(models.get(1).get("description").get("en").asText()).isEqualTo("A room");
    assertThat(models.get(1).get("decommissioned").asBoolean()).isFalse();
    assertThat(models.get(1).get("uploadTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z");
    assertThat(models.get(1).has("model")).isFalse();

    HttpResponse<String> got = adt.send("GET", path(TestModels.roomId(n)) + "?includeModelDefinition=true", null);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(json(got).get("model").get("@context").get(0).asText()).isEqualTo("dtmi:dtdl:context;2");
    assertThat(json(got).get("model").get("@id").asText()).isEqualTo(TestModels.roomId(n));
  }

  @Test
  void duplicateModelIsConflictAndNothingOfTheBatchIsStored() {
    int n = AdtHttp.unique();
    adt.send("POST", "/models", "[" + TestModels.wifi(n) + "]");

    HttpResponse<String> again = adt.send("POST", "/models", "[" + TestModels.room(n) + "," + TestModels.wifi(n) + "]");

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(errorCode(again)).isEqualTo("ModelIdAlreadyExists");
    assertThat(json(again).at("/error/message").asText()).startsWith("Some of the model ids already exist: "
        + TestModels.wifiId(n));
    assertThat(adt.send("GET", path(TestModels.roomId(n)), null).statusCode()).isEqualTo(404);
  }

  @Test
  void modelReferencingMissingModelIsRefusedAndNothingStored() {
    int n = AdtHttp.unique();

    HttpResponse<String> response = adt.send("POST", "/models", "[" + TestModels.floor(n) + "," + TestModels.room(n)
        + "]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("DTDLParserError");
    assertThat(json(response).at("/error/message").asText()).contains(TestModels.wifiId(n));
    assertThat(adt.send("GET", path(TestModels.floorId(n)), null).statusCode()).isEqualTo(404);
  }

  @Test
  void invalidDtdlIsRefusedWithDetails() {
    HttpResponse<String> response = adt.send("POST", "/models", """
        [{"@id":"dtmi:test:Bad;1","@type":"Interface","@context":"dtmi:dtdl:context;3",
          "contents":[{"@type":"Property","name":"1bad","schema":"string"}]}]""");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("DTDLParserError");
    assertThat(json(response).at("/error/details/0/message").asText()).contains("1bad");
  }

  @Test
  void modelWithCommandIsRefused() {
    HttpResponse<String> response = adt.send("POST", "/models", """
        [{"@id":"dtmi:test:Commanded;1","@type":"Interface","@context":"dtmi:dtdl:context;3",
          "contents":[{"@type":"Command","name":"reboot"}]}]""");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("DTDLParserError");
    assertThat(json(response).at("/error/message").asText()).contains("Command");
  }

  @Test
  void bodyThatIsNotAnArrayOfModelsIsInvalidArgument() {
    for (String body : List.of("[]", "{}", "[1]")) {
      HttpResponse<String> response = adt.send("POST", "/models", body);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(errorCode(response)).isEqualTo("InvalidArgument");
    }
  }

  @Test
  void invalidModelIdIsInvalidArgumentAndUnknownIsModelNotFound() {
    HttpResponse<String> invalid = adt.send("GET", "/models/thisIsNotAValidModelId", null);
    HttpResponse<String> unknown = adt.send("GET", path("dtmi:test:Nothing;1"), null);

    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(errorCode(invalid)).isEqualTo("InvalidArgument");
    assertThat(json(invalid).at("/error/message").asText())
        .isEqualTo("The format of the Model ID thisIsNotAValidModelId provided is not supported. See model"
            + " documentation(https://aka.ms/ADTv2Models) for supported format.");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(errorCode(unknown)).isEqualTo("ModelNotFound");
  }

  @Test
  void listPagesWithAbsoluteNextLinksOnTheHubsHost() {
    int n = AdtHttp.unique();
    adt.send("POST", "/models", TestModels.batch(n));

    List<String> ids = new ArrayList<>();
    HttpResponse<String> page = adt.send("GET", "/Models?includeModelDefinition=False", null, "max-items-per-page",
        "2");
    int pages = 1;
    while (true) {
      assertThat(page.statusCode()).isEqualTo(200);
      JsonNode body = json(page);
      assertThat(body.get("value").size()).isLessThanOrEqualTo(2);
      body.get("value").forEach(model -> {
        ids.add(model.get("id").asText());
        assertThat(model.has("model")).isFalse();
      });
      assertThat(body.has("nextLink")).isTrue();
      if (body.get("nextLink").isNull()) {
        break;
      }
      String next = body.get("nextLink").asText();
      assertThat(next).startsWith(adt.fixture().hub().digitalTwinsEndpoint() + "/Models?includeModelDefinition=False&")
          .contains("continuationToken=").endsWith("api-version=" + AdtHttp.API_VERSION);
      page = adt.sendTo(URI.create(next), "GET", null, "max-items-per-page", "2");
      pages++;
    }

    assertThat(ids).contains(TestModels.wifiId(n), TestModels.roomId(n), TestModels.floorId(n))
        .doesNotHaveDuplicates().isSorted();
    assertThat(pages).isGreaterThanOrEqualTo(2);
  }

  @Test
  void badPageSizeAndForeignContinuationTokenAreRefused() {
    HttpResponse<String> size = adt.send("GET", "/models", null, "max-items-per-page", "zero");
    HttpResponse<String> token = adt.send("GET", "/models?continuationToken=forged", null);

    assertThat(size.statusCode()).isEqualTo(400);
    assertThat(errorCode(size)).isEqualTo("InvalidArgument");
    assertThat(token.statusCode()).isEqualTo(400);
    assertThat(json(token).at("/error/message").asText()).isEqualTo("The continuation token is invalid.");
  }

  @Test
  void dependenciesForListsTheModelAndWhatItNeeds() {
    int n = AdtHttp.unique();
    adt.send("POST", "/models", TestModels.batch(n));

    HttpResponse<String> response = adt.send("GET", "/models?includeModelDefinition=true&dependenciesFor="
        + URLEncoder.encode(TestModels.roomId(n), StandardCharsets.UTF_8), null);

    assertThat(response.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json(response).get("value").forEach(model -> {
      ids.add(model.get("id").asText());
      assertThat(model.get("model").isObject()).isTrue();
    });
    assertThat(ids).containsExactlyInAnyOrder(TestModels.roomId(n), TestModels.wifiId(n));
    assertThat(json(response).get("nextLink").isNull()).isTrue();
  }

  @Test
  void decommissionSetsTheFlagAndOtherPatchesAreRefused() {
    int n = AdtHttp.unique();
    adt.send("POST", "/models", "[" + TestModels.wifi(n) + "]");

    HttpResponse<String> other = adt.send("PATCH", path(TestModels.wifiId(n)),
        "[{\"op\":\"replace\",\"path\":\"/displayName\",\"value\":\"x\"}]");
    HttpResponse<String> decommission = adt.send("PATCH", path(TestModels.wifiId(n)),
        "[{\"op\":\"replace\",\"path\":\"/decommissioned\",\"value\":true}]");

    assertThat(other.statusCode()).isEqualTo(400);
    assertThat(errorCode(other)).isEqualTo("JsonPatchInvalid");
    assertThat(decommission.statusCode()).isEqualTo(204);
    assertThat(json(adt.send("GET", path(TestModels.wifiId(n)), null)).get("decommissioned").asBoolean()).isTrue();
  }

  @Test
  void decommissionCannotBeUndoneAndMissingModelsAreNotFound() {
    int n = AdtHttp.unique();
    adt.send("POST", "/models", "[" + TestModels.wifi(n) + "]");
    String undo = "[{\"op\":\"replace\",\"path\":\"/decommissioned\",\"value\":false}]";
    String decommission = "[{\"op\":\"replace\",\"path\":\"/decommissioned\",\"value\":true}]";

    HttpResponse<String> recommission = adt.send("PATCH", path(TestModels.wifiId(n)), undo);
    HttpResponse<String> patchMissing = adt.send("PATCH", path("dtmi:test:Nothing;1"), decommission);
    HttpResponse<String> deleteMissing = adt.send("DELETE", path("dtmi:test:Nothing;1"), null);

    assertThat(recommission.statusCode()).isEqualTo(400);
    assertThat(errorCode(patchMissing)).isEqualTo("ModelNotFound");
    assertThat(errorCode(deleteMissing)).isEqualTo("ModelNotFound");
  }

  @Test
  void referencedModelCannotBeDeletedUntilItsReferrersAre() {
    int n = AdtHttp.unique();
    adt.send("POST", "/models", "[" + TestModels.wifi(n) + "," + TestModels.room(n) + "]");

    HttpResponse<String> blocked = adt.send("DELETE", path(TestModels.wifiId(n)), null);
    HttpResponse<String> room = adt.send("DELETE", path(TestModels.roomId(n)), null);
    HttpResponse<String> wifi = adt.send("DELETE", path(TestModels.wifiId(n)), null);

    assertThat(blocked.statusCode()).isEqualTo(409);
    assertThat(errorCode(blocked)).isEqualTo("ModelReferencesNotDeleted");
    assertThat(room.statusCode()).isEqualTo(204);
    assertThat(wifi.statusCode()).isEqualTo(204);
    assertThat(errorCode(adt.send("GET", path(TestModels.wifiId(n)), null))).isEqualTo("ModelNotFound");
    assertThat(adt.send("POST", "/models", "[" + TestModels.wifi(n) + "]").statusCode()).isEqualTo(201);
  }

  @Test
  void modelIsDecommissionedOnlyAfterTheModelsReferencingIt() {
    int n = AdtHttp.unique();
    adt.send("POST", "/models", "[" + TestModels.wifi(n) + "," + TestModels.room(n) + "]");
    String decommission = "[{\"op\":\"replace\",\"path\":\"/decommissioned\",\"value\":true}]";

    HttpResponse<String> blocked = adt.send("PATCH", path(TestModels.wifiId(n)), decommission);
    boolean wifiAfterBlocked = json(adt.send("GET", path(TestModels.wifiId(n)), null)).get("decommissioned")
        .asBoolean();
    HttpResponse<String> room = adt.send("PATCH", path(TestModels.roomId(n)), decommission);
    HttpResponse<String> wifi = adt.send("PATCH", path(TestModels.wifiId(n)), decommission);

    assertThat(blocked.statusCode()).isEqualTo(409);
    assertThat(errorCode(blocked)).isEqualTo("ModelReferencesNotDecommissioned");
    assertThat(json(blocked).at("/error/message").asText()).contains(TestModels.roomId(n));
    assertThat(wifiAfterBlocked).isFalse();
    assertThat(room.statusCode()).isEqualTo(204);
    assertThat(wifi.statusCode()).isEqualTo(204);
    assertThat(json(adt.send("GET", path(TestModels.wifiId(n)), null)).get("decommissioned").asBoolean()).isTrue();
  }

  @Test
  void batchOfMoreThan250ModelsIsLimitExceededAndNothingIsStored() {
    int n = AdtHttp.unique();
    List<String> models = new ArrayList<>();
    for (int i = 0; i < 251; i++) {
      models.add("{\"@id\":\"dtmi:test:many" + n + ":m" + i + ";1\",\"@type\":\"Interface\","
          + "\"@context\":\"dtmi:dtdl:context;3\"}");
    }

    HttpResponse<String> tooMany = adt.send("POST", "/models", "[" + String.join(",", models) + "]");
    HttpResponse<String> allowed = adt.send("POST", "/models", "[" + String.join(",", models.subList(1, 251)) + "]");

    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(errorCode(tooMany)).isEqualTo("LimitExceeded");
    assertThat(json(tooMany).at("/error/message").asText()).contains("250");
    assertThat(adt.send("GET", path("dtmi:test:many" + n + ":m0;1"), null).statusCode()).isEqualTo(404);
    assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(201);
    assertThat(json(allowed)).hasSize(250);
  }

  @Test
  void modelOverOneMebibyteIsLimitExceededAndNothingIsStored() {
    int n = AdtHttp.unique();
    String huge = "{\"@id\":\"dtmi:test:Huge;" + n + "\",\"@type\":\"Interface\",\"@context\":\"dtmi:dtdl:context;3\","
        + "\"comment\":\"" + "x".repeat(1024 * 1024) + "\"}";

    HttpResponse<String> response = adt.send("POST", "/models", "[" + TestModels.wifi(n) + "," + huge + "]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("LimitExceeded");
    assertThat(json(response).at("/error/message").asText()).contains("dtmi:test:Huge;" + n);
    assertThat(adt.send("GET", path(TestModels.wifiId(n)), null).statusCode()).isEqualTo(404);
  }

  @Test
  void concurrentBatchesAndTwinWritesAllLandAndEveryModelIsUsable() throws Exception {
    int n = AdtHttp.unique();
    adt.send("POST", "/models", "[" + TestModels.wifi(n) + "]");
    ExecutorService senders = Executors.newFixedThreadPool(8);
    List<Future<HttpResponse<String>>> batches = new ArrayList<>();
    List<Future<HttpResponse<String>>> twins = new ArrayList<>();
    List<Integer> batchStatuses = new ArrayList<>();
    List<Integer> twinStatuses = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        String model = "{\"@id\":\"dtmi:test:concurrent" + n + ":m" + i + ";1\",\"@type\":\"Interface\","
            + "\"@context\":\"dtmi:dtdl:context;3\",\"extends\":\"" + TestModels.wifiId(n) + "\"}";
        String twin = "{\"$metadata\":{\"$model\":\"" + TestModels.wifiId(n) + "\"},\"Network\":\"n" + i + "\"}";
        String twinId = "concurrent-" + n + "-" + i;
        batches.add(senders.submit(() -> adt.send("POST", "/models", "[" + model + "]")));
        twins.add(senders.submit(() -> adt.send("PUT", "/digitaltwins/" + twinId, twin)));
      }
      for (int i = 0; i < 8; i++) {
        batchStatuses.add(batches.get(i).get(30, TimeUnit.SECONDS).statusCode());
        twinStatuses.add(twins.get(i).get(30, TimeUnit.SECONDS).statusCode());
      }
    } finally {
      senders.shutdownNow();
    }

    List<Integer> twinsOfNewModels = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      twinsOfNewModels.add(adt.send("PUT", "/digitaltwins/concurrent-" + n + "-sub" + i,
          "{\"$metadata\":{\"$model\":\"dtmi:test:concurrent" + n + ":m" + i + ";1\"},\"RouterName\":\"r\"}")
          .statusCode());
    }

    assertThat(batchStatuses).containsOnly(201).hasSize(8);
    assertThat(twinStatuses).containsOnly(200).hasSize(8);
    assertThat(twinsOfNewModels).containsOnly(200).hasSize(8);
  }

  @Test
  void callWithoutBearerTokenIsUnauthorized() {
    HttpResponse<String> response = adt.fixture().send("GET", "/models?api-version=" + AdtHttp.API_VERSION, null,
        null, null);
    HttpResponse<String> forged = adt.fixture().send("GET", "/models?api-version=" + AdtHttp.API_VERSION,
        "Bearer not-a-hub-token", null, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(forged.statusCode()).isEqualTo(401);
  }

  @Test
  void expiredTokenIsUnauthorizedWhileTheSameTokenIssuedNowIsAccepted() {
    TwinHub hub = adt.fixture().hub();
    Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
    String expired = new BearerTokens(hub.policies(), "test", Duration.ofMinutes(5), anHourAgo)
        .issue(hub.policies().owner(), TwinHub.digitalTwinsScope());
    String current = new BearerTokens(hub.policies(), "test", Duration.ofMinutes(5), Clock.systemUTC())
        .issue(hub.policies().owner(), TwinHub.digitalTwinsScope());
    String models = "/models?api-version=" + AdtHttp.API_VERSION;

    HttpResponse<String> withExpired = adt.fixture().send("GET", models, "Bearer " + expired, null, null);
    HttpResponse<String> withCurrent = adt.fixture().send("GET", models, "Bearer " + current, null, null);

    assertThat(withExpired.statusCode()).isEqualTo(401);
    assertThat(withCurrent.statusCode()).isEqualTo(200);
  }

  @Test
  void everySupportedApiVersionAndAnyPathCaseIsServed() {
    int n = AdtHttp.unique();
    adt.send("POST", "/models", "[" + TestModels.wifi(n) + "]");
    String base = adt.fixture().hub().digitalTwinsEndpoint();

    List<Integer> statuses = new ArrayList<>();
    for (String version : List.of("2020-10-31", "2022-05-31", "2023-10-31")) {
      statuses.add(adt.sendTo(URI.create(base + "/models?api-version=" + version), "GET", null).statusCode());
    }
    HttpResponse<String> upperCase = adt.sendTo(URI.create(base + "/MODELS/"
        + URLEncoder.encode(TestModels.wifiId(n), StandardCharsets.UTF_8) + "?api-version=" + AdtHttp.API_VERSION),
        "GET", null);

    assertThat(statuses).containsExactly(200, 200, 200);
    assertThat(upperCase.statusCode()).isEqualTo(200);
    assertThat(json(upperCase).get("id").asText()).isEqualTo(TestModels.wifiId(n));
  }

  @Test
  void unsupportedApiVersionIsRefused() {
    HttpResponse<String> response = adt.sendTo(URI.create(adt.fixture().hub().digitalTwinsEndpoint()
        + "/models?api-version=2021-06-30-preview"), "GET", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("InvalidApiVersionParameter");
  }
}
