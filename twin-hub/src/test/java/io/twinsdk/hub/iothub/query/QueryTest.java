package io.twinsdk.hub.iothub.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTest {

  private static final List<JsonNode> TWINS = List.of(
      Json.parse("{\"deviceId\":\"a\",\"tags\":{\"region\":\"US\",\"floor\":1},"
          + "\"properties\":{\"desired\":{},\"reported\":{\"freq\":60,\"conn\":\"wired\",\"status\":\"ok\"}}}"),
      Json.parse("{\"deviceId\":\"b\",\"tags\":{\"region\":\"EU\",\"floor\":2},"
          + "\"properties\":{\"desired\":{},\"reported\":{\"freq\":30,\"conn\":\"wifi\",\"status\":\"ok\"}}}"),
      Json.parse("{\"deviceId\":\"c\",\"tags\":{\"region\":\"US\"},"
          + "\"properties\":{\"desired\":{},\"reported\":{\"status\":\"failed\"}}}"));

  private static List<String> ids(String query) {
    return Query.parse(query).run(TWINS).stream().map(t -> t.get("deviceId").asText()).toList();
  }

  @Test
  void selectStarFiltersWithComparisonsAndBooleans() {
    assertThat(ids("SELECT * FROM devices")).containsExactly("a", "b", "c");
    assertThat(ids("SELECT * FROM devices WHERE tags.region = 'US' AND properties.reported.freq >= 60"))
        .containsExactly("a");
    assertThat(ids("select * from devices where tags.region = \"EU\" or tags.floor < 2")).containsExactly("a", "b");
    assertThat(ids("SELECT * FROM devices WHERE NOT (tags.region = 'US')")).containsExactly("b");
    assertThat(ids("SELECT * FROM devices WHERE tags.floor <> 1")).containsExactly("b");
  }

  @Test
  void inNinAndIsDefinedMatchOnlyDefinedValues() {
    assertThat(ids("SELECT * FROM devices WHERE properties.reported.conn IN ['wired', 'wifi']"))
        .containsExactly("a", "b");
    assertThat(ids("SELECT * FROM devices WHERE properties.reported.conn NIN ['wired']")).containsExactly("b");
    assertThat(ids("SELECT * FROM devices WHERE is_defined(properties.reported.freq)")).containsExactly("a", "b");
    assertThat(ids("SELECT * FROM devices WHERE NOT IS_DEFINED(tags.floor)")).containsExactly("c");
  }

  @Test
  void topLimitsAndProjectionsUseTheLastSegmentOrTheAlias() {
    List<JsonNode> rows = Query.parse("SELECT TOP 2 deviceId, properties.reported.freq AS f FROM devices").run(TWINS);

    assertThat(rows).containsExactly(Json.parse("{\"deviceId\":\"a\",\"f\":60}"),
        Json.parse("{\"deviceId\":\"b\",\"f\":30}"));
    assertThat(Query.parse("SELECT deviceId FROM devices").selectsTwins()).isFalse();
  }

  @Test
  void countWithGroupByCountsEachGroup() {
    List<JsonNode> rows = Query.parse("SELECT properties.reported.status AS status, COUNT() AS numberOfDevices "
        + "FROM devices GROUP BY properties.reported.status").run(TWINS);
    List<JsonNode> total = Query.parse("SELECT COUNT() AS n FROM devices WHERE tags.region = 'XX'").run(TWINS);

    assertThat(rows).containsExactly(Json.parse("{\"status\":\"ok\",\"numberOfDevices\":2}"),
        Json.parse("{\"status\":\"failed\",\"numberOfDevices\":1}"));
    assertThat(total).containsExactly(Json.parse("{\"n\":0}"));
  }

  @Test
  void malformedOrUnsupportedQueriesNameTheProblem() {
    assertThatThrownBy(() -> Query.parse("SELECT * FROM devices.modules")).isInstanceOf(QueryException.class)
        .hasMessageContaining("FROM devices");
    assertThatThrownBy(() -> Query.parse("SELECT * FROM devices WHERE tags.a = ")).isInstanceOf(QueryException.class)
        .hasMessageContaining("expected a value");
    assertThatThrownBy(() -> Query.parse("SELECT * FROM devices WHERE tags.a = 'x")).isInstanceOf(
        QueryException.class).hasMessageContaining("not closed");
    assertThatThrownBy(() -> Query.parse("DELETE FROM devices")).isInstanceOf(QueryException.class)
        .hasMessageContaining("expected SELECT");
  }
}
