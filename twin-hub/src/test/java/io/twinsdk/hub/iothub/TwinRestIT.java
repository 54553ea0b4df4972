package io.twinsdk.hub.iothub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.HubFixture;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwinRestIT extends ServiceApiFixture {

  private static JsonNode twin(String deviceId) {
    return HubFixture.json(service.send("GET", "/twins/" + deviceId, null));
  }

  @Test
  void freshTwinHasTheServiceShapeWithVersionsAndMetadata() {
    fixture.hub().registerDevice("shape");

    JsonNode twin = twin("shape");

    assertThat(twin.get("deviceId").asText()).isEqualTo("shape");
    assertThat(twin.get("etag").asText()).isEqualTo("AAAAAAAAAAE=");
    assertThat(twin.get("version").asLong()).isEqualTo(1);
    assertThat(twin.get("status").asText()).isEqualTo("enabled");
    assertThat(twin.get("connectionState").asText()).isEqualTo("Disconnected");
    assertThat(twin.get("authenticationType").asText()).isEqualTo("sas");
    assertThat(twin.get("tags")).isEqualTo(Json.parse("{}"));
    assertThat(twin.at("/properties/desired/$version").asLong()).isEqualTo(1);
    assertThat(twin.at("/properties/reported/$version").asLong()).isEqualTo(1);
    assertThat(twin.at("/properties/desired/$metadata/$lastUpdated").asText()).matches(
        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
  }

  @Test
  void patchMergesTagsAndDesiredBumpsVersionsAndStampsMetadataAtEveryLevel() {
    fixture.hub().registerDevice("merged");
    service.send("PATCH", "/twins/merged", "{\"tags\":{\"site\":{\"building\":\"43\"}},"
        + "\"properties\":{\"desired\":{\"temp\":69,\"climate\":{\"min\":60}}}}");

    HttpResponse<String> second = service.send("PATCH", "/twins/merged",
        "{\"tags\":{\"site\":{\"floor\":\"1\"}},\"properties\":{\"desired\":{\"temp\":null,\"hum\":75}}}");

    JsonNode twin = HubFixture.json(second);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(twin.get("version").asLong()).isEqualTo(3);
    assertThat(twin.get("etag").asText()).isEqualTo("AAAAAAAAAAM=");
    assertThat(twin.get("tags")).isEqualTo(Json.parse("{\"site\":{\"building\":\"43\",\"floor\":\"1\"}}"));
    JsonNode desired = twin.at("/properties/desired");
    assertThat(desired.get("$version").asLong()).isEqualTo(3);
    assertThat(desired.has("temp")).isFalse();
    assertThat(desired.get("hum").asInt()).isEqualTo(75);
    assertThat(desired.at("/$metadata/$lastUpdatedVersion").asLong()).isEqualTo(3);
    assertThat(desired.at("/$metadata/hum/$lastUpdatedVersion").asLong()).isEqualTo(3);
    assertThat(desired.at("/$metadata/climate/$lastUpdatedVersion").asLong()).isEqualTo(2);
    assertThat(desired.at("/$metadata/climate/min/$lastUpdated").asText()).isNotEmpty();
    assertThat(desired.at("/$metadata").has("temp")).isFalse();
  }

  @Test
  void postWithMethodOverrideIsAPatchAndEmptySectionsChangeNothing() {
    fixture.hub().registerDevice("override");

    HttpResponse<String> response = fixture.send("POST", "/twins/override?" + ServiceCalls.API,
        service.ownerToken(), "application/json",
        "{\"deviceId\":\"override\",\"etag\":null,\"tags\":{},\"properties\":{\"desired\":{\"a\":1},"
            + "\"reported\":null}}", "X-HTTP-Method-Override", "PATCH");
    HttpResponse<String> empty = service.send("PATCH", "/twins/override", "{\"tags\":{},\"properties\":{}}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(HubFixture.json(response).at("/properties/desired/a").asInt()).isEqualTo(1);
    assertThat(HubFixture.json(empty).get("version").asLong()).isEqualTo(2);
  }

  @Test
  void staleIfMatchIs412001AndNothingChanges() {
    fixture.hub().registerDevice("guarded-twin");

    HttpResponse<String> stale = fixture.send("PATCH", "/twins/guarded-twin?" + ServiceCalls.API,
        service.ownerToken(), "application/json", "{\"properties\":{\"desired\":{\"a\":1}}}",
        "If-Match", "\"AAAAAAAAAAk=\"");
    HttpResponse<String> current = fixture.send("PATCH", "/twins/guarded-twin?" + ServiceCalls.API,
        service.ownerToken(), "application/json", "{\"properties\":{\"desired\":{\"a\":2}}}",
        "If-Match", "AAAAAAAAAAE=");

    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(HubFixture.json(stale).get("errorCode").asInt()).isEqualTo(412001);
    assertThat(current.statusCode()).isEqualTo(200);
    assertThat(HubFixture.json(current).at("/properties/desired/a").asInt()).isEqualTo(2);
  }

  @Test
  void putReplacesTagsAndDesiredAndKeepsReported() {
    fixture.hub().registerDevice("replace-me");
    service.send("PATCH", "/twins/replace-me", "{\"tags\":{\"old\":1},\"properties\":{\"desired\":{\"x\":1}}}");

    HttpResponse<String> replaced = service.send("PUT", "/twins/replace-me",
        "{\"tags\":{\"new\":2},\"properties\":{\"desired\":{\"y\":2}}}");

    JsonNode twin = HubFixture.json(replaced);
    assertThat(twin.get("tags")).isEqualTo(Json.parse("{\"new\":2}"));
    assertThat(twin.at("/properties/desired/y").asInt()).isEqualTo(2);
    assertThat(twin.at("/properties/desired").has("x")).isFalse();
    assertThat(twin.at("/properties/desired/$version").asLong()).isEqualTo(3);
    assertThat(twin.at("/properties/reported/$version").asLong()).isEqualTo(1);
  }

  @Test
  void invalidContentIs400AndStoresNothing() {
    fixture.hub().registerDevice("strict");
    String[] bodies = {"{\"properties\":{\"desired\":{\"$bad\":1}}}", "{\"tags\":{\"a.b\":1}}",
        "{\"properties\":{\"reported\":{\"x\":1}}}", "{\"tags\":[1]}", "[]", "{\"properties\":{\"desired\":"};
    for (String body : bodies) {
      HttpResponse<String> response = service.send("PATCH", "/twins/strict", body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(HubFixture.json(response).get("errorCode").asInt()).isEqualTo(400004);
    }
    assertThat(twin("strict").get("version").asLong()).isEqualTo(1);
  }

  @Test
  void unknownTwinIs404001() {
    HttpResponse<String> response = service.send("PATCH", "/twins/ghost", "{\"tags\":{\"a\":1}}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(HubFixture.json(response).get("errorCode").asInt()).isEqualTo(404001);
  }

  @Test
  void queryPagesByMaxItemCountAndTheLastPageHasNoContinuation() {
    for (int i = 0; i < 5; i++) {
      fixture.hub().registerDevice("paged-" + i);
      service.send("PATCH", "/twins/paged-" + i, "{\"tags\":{\"batch\":\"paging\",\"n\":" + i + "}}");
    }
    String body = "{\"query\":\"SELECT * FROM devices WHERE tags.batch = 'paging' AND tags.n >= 0\"}";
    List<String> ids = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String continuation = null;
    do {
      HttpResponse<String> page = queryPage(body, 2, continuation);
      assertThat(page.headers().firstValue("x-ms-item-type")).hasValue("twin");
      JsonNode items = HubFixture.json(page);
      pageSizes.add(items.size());
      items.forEach(item -> ids.add(item.get("deviceId").asText()));
      continuation = page.headers().firstValue("x-ms-continuation").orElse(null);
    } while (continuation != null);

    assertThat(pageSizes).containsExactly(2, 2, 1);
    assertThat(ids).containsExactly("paged-0", "paged-1", "paged-2", "paged-3", "paged-4");
  }

  private static HttpResponse<String> queryPage(String body, int pageSize, String continuation) {
    List<String> headers = new ArrayList<>(List.of("x-ms-max-item-count", Integer.toString(pageSize)));
    if (continuation != null) {
      headers.addAll(List.of("x-ms-continuation", continuation));
    }
    HttpResponse<String> page = fixture.send("POST", "/devices/query?" + ServiceCalls.API, service.ownerToken(),
        "application/json", body, headers.toArray(String[]::new));
    assertThat(page.statusCode()).isEqualTo(200);
    return page;
  }

  private static List<String> deviceIds(HttpResponse<String> page) {
    List<String> ids = new ArrayList<>();
    HubFixture.json(page).forEach(item -> ids.add(item.get("deviceId").asText()));
    return ids;
  }

  @Test
  void queryPagesNeitherSkipNorRepeatWhenDevicesChangeBetweenPages() {
    for (int i = 0; i < 5; i++) {
      fixture.hub().registerDevice("shift-" + i);
      service.send("PATCH", "/twins/shift-" + i, "{\"tags\":{\"batch\":\"shift\"}}");
    }
    String body = "{\"query\":\"SELECT * FROM devices WHERE tags.batch = 'shift'\"}";
    HttpResponse<String> first = queryPage(body, 2, null);

    fixture.send("DELETE", "/devices/shift-0?" + ServiceCalls.API, service.ownerToken(), null, null, "If-Match", "*");
    HttpResponse<String> second = queryPage(body, 2,
        first.headers().firstValue("x-ms-continuation").orElseThrow());

    assertThat(deviceIds(first)).containsExactly("shift-0", "shift-1");
    assertThat(deviceIds(second)).containsExactly("shift-2", "shift-3");
  }

  @Test
  void topLimitsTheRowsAcrossPages() {
    for (int i = 0; i < 5; i++) {
      fixture.hub().registerDevice("top-" + i);
      service.send("PATCH", "/twins/top-" + i, "{\"tags\":{\"batch\":\"top\"}}");
    }
    String body = "{\"query\":\"SELECT TOP 3 * FROM devices WHERE tags.batch = 'top'\"}";
    HttpResponse<String> first = queryPage(body, 2, null);
    HttpResponse<String> second = queryPage(body, 2,
        first.headers().firstValue("x-ms-continuation").orElseThrow());

    assertThat(deviceIds(first)).containsExactly("top-0", "top-1");
    assertThat(deviceIds(second)).containsExactly("top-2");
    assertThat(second.headers().firstValue("x-ms-continuation")).isEmpty();
  }

  @Test
  void aggregateQueryReturnsRawRowsAndABadQueryIs400() {
    fixture.hub().registerDevice("counted");
    service.send("PATCH", "/twins/counted", "{\"tags\":{\"kind\":\"counted\"}}");

    HttpResponse<String> count = service.send("POST", "/devices/query",
        "{\"query\":\"SELECT COUNT() AS n FROM devices WHERE tags.kind = 'counted'\"}");
    HttpResponse<String> bad = service.send("POST", "/devices/query", "{\"query\":\"SELECT * FROM nowhere\"}");

    assertThat(count.headers().firstValue("x-ms-item-type")).hasValue("raw");
    assertThat(HubFixture.json(count)).isEqualTo(Json.parse("[{\"n\":1}]"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(HubFixture.json(bad).get("errorCode").asInt()).isEqualTo(400004);
  }
}
