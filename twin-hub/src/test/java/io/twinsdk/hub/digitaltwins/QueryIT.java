package io.twinsdk.hub.digitaltwins;

import static io.twinsdk.hub.digitaltwins.AdtHttp.errorCode;
import static io.twinsdk.hub.digitaltwins.AdtHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.digitaltwins.http.Paging;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /query} over HTTPS against a hub holding one floor that contains 25 rooms. */
class QueryIT {

  private static final int ROOMS = 25;

  @TempDir
  static Path data;
  static AdtHttp adt;
  static int n;
  static String floor;

  @BeforeAll
  static void startHub() {
    adt = AdtHttp.start(data);
    n = AdtHttp.unique();
    assertThat(adt.send("POST", "/models", TestModels.batch(n)).statusCode()).isEqualTo(201);
    floor = "floor-" + n;
    assertThat(adt.send("PUT", "/digitaltwins/" + floor, """
        {"$metadata":{"$model":"%s"},"Level":3}""".formatted(TestModels.floorId(n))).statusCode()).isEqualTo(200);
    for (int i = 0; i < ROOMS; i++) {
      String room = room(i);
      assertThat(adt.send("PUT", "/digitaltwins/" + room, """
          {"$metadata":{"$model":"%s"},"Temperature":%d,"IsOccupied":%b,"wifi":{"$metadata":{},"Network":"net%d"}}"""
          .formatted(TestModels.roomId(n), 10 + i, i % 5 == 0, i)).statusCode()).isEqualTo(200);
      assertThat(adt.send("PUT", "/digitaltwins/" + floor + "/relationships/c" + i,
          "{\"$targetId\":\"" + room + "\",\"$relationshipName\":\"contains\",\"isAccessRestricted\":" + (i < 2) + "}")
          .statusCode()).isEqualTo(200);
    }
  }

  @AfterAll
  static void stopHub() {
    adt.close();
  }

  private static String room(int i) {
    return "room-%d-%02d".formatted(n, i);
  }

  private static HttpResponse<String> query(String query, String... headers) {
    return adt.send("POST", "/query", Json.write(JsonNodeFactory.instance.objectNode().put("query", query)), headers);
  }

  private static HttpResponse<String> next(String token, String... headers) {
    return adt.send("POST", "/query",
        Json.write(JsonNodeFactory.instance.objectNode().put("continuationToken", token)), headers);
  }

  @Test
  void pagesFollowTheContinuationTokenUntilItIsNull() {
    List<String> ids = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    HttpResponse<String> page = query("SELECT * FROM DIGITALTWINS WHERE IS_OF_MODEL('" + TestModels.roomId(n) + "')",
        "max-items-per-page", "10");
    while (true) {
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(Double.parseDouble(page.headers().firstValue("query-charge").orElseThrow())).isPositive();
      JsonNode body = json(page);
      body.get("value").forEach(twin -> ids.add(twin.get("$dtId").asText()));
      pageSizes.add(body.get("value").size());
      if (body.get("continuationToken").isNull()) {
        break;
      }
      page = next(body.get("continuationToken").asText(), "max-items-per-page", "10");
    }

    assertThat(pageSizes).containsExactly(10, 10, 5);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < ROOMS; i++) {
      expected.add(room(i));
    }
    assertThat(ids).containsExactlyElementsOf(expected);
  }

  @Test
  void selectStarReturnsWholeTwinDocuments() {
    JsonNode twin = json(query("SELECT * FROM DIGITALTWINS T WHERE T.$dtId = '" + room(3) + "'")).get("value").get(0);

    assertThat(twin.get("$etag").asText()).startsWith("W/\"");
    assertThat(twin.at("/$metadata/$model").asText()).isEqualTo(TestModels.roomId(n));
    assertThat(twin.at("/wifi/Network").asText()).isEqualTo("net3");
  }

  @Test
  void whereFiltersOnPropertiesComponentsAndFunctions() {
    assertThat(ids(query("SELECT * FROM DIGITALTWINS WHERE IsOccupied = true AND Temperature >= 20")))
        .containsExactly(room(10), room(15), room(20));
    assertThat(ids(query("SELECT * FROM DIGITALTWINS T WHERE T.wifi.Network IN ['net1', 'net24'] OR "
        + "ENDSWITH(T.$dtId, '-07')"))).containsExactly(room(1), room(7), room(24));
    assertThat(ids(query("SELECT * FROM DIGITALTWINS WHERE IS_DEFINED(Level)"))).containsExactly(floor);
  }

  @Test
  void projectionsAreKeyedByAliasAndOmitMissingProperties() {
    JsonNode rows = json(query("SELECT T.Temperature AS t, T.Level FROM DIGITALTWINS T WHERE T.$dtId IN ['"
        + room(2) + "', '" + floor + "']")).get("value");

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).toString()).isEqualTo("{\"Level\":3}");
    assertThat(rows.get(1).toString()).isEqualTo("{\"t\":12}");
  }

  @Test
  void joinFollowsRelationshipsAndFiltersOnThem() {
    JsonNode rows = json(query("SELECT F, R, C FROM DIGITALTWINS F JOIN R RELATED F.contains C "
        + "WHERE F.$dtId = '" + floor + "' AND C.isAccessRestricted = true")).get("value");

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).at("/F/$dtId").asText()).isEqualTo(floor);
    assertThat(rows.get(0).at("/R/$dtId").asText()).isEqualTo(room(0));
    assertThat(rows.get(1).at("/C/$relationshipId").asText()).isEqualTo("c1");
  }

  @Test
  void relationshipsCanBeQueriedDirectly() {
    JsonNode rows = json(query("SELECT * FROM RELATIONSHIPS R WHERE R.$targetId = '" + room(4) + "'")).get("value");

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("$sourceId").asText()).isEqualTo(floor);
  }

  @Test
  void countReturnsOneRowWithTheCount() {
    JsonNode body = json(query("SELECT COUNT() FROM DIGITALTWINS WHERE IS_OF_MODEL('" + TestModels.roomId(n) + "')"));

    assertThat(body.get("value").toString()).isEqualTo("[{\"COUNT\":" + ROOMS + "}]");
    assertThat(body.get("continuationToken").isNull()).isTrue();
  }

  @Test
  void topLimitsRowsAcrossPages() {
    HttpResponse<String> first = query("SELECT TOP(3) FROM DIGITALTWINS WHERE IS_NUMBER(Temperature)",
        "max-items-per-page", "2");
    JsonNode body = json(first);
    assertThat(body.get("value")).hasSize(2);

    JsonNode second = json(next(body.get("continuationToken").asText(), "max-items-per-page", "2"));
    assertThat(second.get("value")).hasSize(1);
    assertThat(second.get("continuationToken").isNull()).isTrue();
  }

  @Test
  void parseErrorIsSqlQueryErrorNamingThePosition() {
    HttpResponse<String> response = query("SELECT * FROM DIGITALTWINS WHERE = 3");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("SqlQueryError");
    assertThat(json(response).at("/error/message").asText()).contains("SQL query parse failed at position 34");
  }

  @Test
  void matchIsRefusedAsNotSupportedYet() {
    HttpResponse<String> response = query("SELECT B FROM DIGITALTWINS MATCH (A)-[:contains]->(B) WHERE A.$dtId = 'x'");

    assertThat(errorCode(response)).isEqualTo("SqlQueryError");
    assertThat(json(response).at("/error/message").asText()).contains("MATCH is not supported yet");
  }

  @Test
  void queryOverEightThousandCharactersIsRefused() {
    HttpResponse<String> response = query("SELECT * FROM DIGITALTWINS WHERE name = '" + "x".repeat(9_000) + "'");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("SqlQueryError");
  }

  @Test
  void forgedContinuationTokenIsRefused() {
    HttpResponse<String> response = next("bm90LWEtdG9rZW4");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("BadRequest");
  }

  @Test
  void tokenWithAKeyOfAnotherShapeIsRefused() {
    String token = Paging.encodeToken(List.of("SELECT * FROM DIGITALTWINS", "[\"a\",\"b\"]", ""));

    HttpResponse<String> response = next(token);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("BadRequest");
  }

  @Test
  void bodyWithoutQueryIsRefused() {
    HttpResponse<String> response = adt.send("POST", "/query", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("InvalidArgument");
  }

  private static List<String> ids(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json(response).get("value").forEach(twin -> ids.add(twin.get("$dtId").asText()));
    return ids;
  }
}
