package io.twinsdk.hub.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.bus.ChangeBus;
import io.twinsdk.hub.digitaltwins.query.QueryParser;
import io.twinsdk.hub.store.DigitalTwinRecord;
import io.twinsdk.hub.store.ModelRecord;
import io.twinsdk.hub.store.QueryRow;
import io.twinsdk.hub.store.RelationshipRecord;
import io.twinsdk.hub.store.StoreTask;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Query semantics against a real SQLite store holding a small building graph. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteDigitalTwinQueriesTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.1234567Z");

  @TempDir
  static Path data;
  SqliteHubStore store;

  @BeforeAll
  void seed() throws Exception {
    store = SqliteHubStore.open(data, new ChangeBus(), 1);
    run(true, tx -> {
      tx.models().insert(model("dtmi:ex:Space;1"), List.of(), List.of());
      tx.models().insert(model("dtmi:ex:Room;1"), List.of(), List.of("dtmi:ex:Space;1"));
      tx.models().insert(model("dtmi:ex:Floor;1"), List.of(), List.of("dtmi:ex:Space;1"));
      tx.digitalTwins().put(twin("floor1", "dtmi:ex:Floor;1", "{\"name\":\"Ground\",\"level\":0}"));
      tx.digitalTwins().put(twin("room1", "dtmi:ex:Room;1",
          "{\"name\":\"Lobby\",\"temperature\":21.5,\"occupied\":true,\"tags\":[\"red\",\"blue\"],"
              + "\"wifi\":{\"ssid\":\"guest\",\"$metadata\":{}}}"));
      tx.digitalTwins().put(twin("room2", "dtmi:ex:Room;1",
          "{\"name\":\"Kitchen\",\"temperature\":25,\"occupied\":false,\"tags\":[\"green\"],\"note\":null}"));
      tx.digitalTwins().put(twin("room3", "dtmi:ex:Room;1", "{\"name\":\"D'Souza office\",\"temperature\":\"warm\"}"));
      tx.digitalTwins().put(twin("space1", "dtmi:ex:Space;1", "{}"));
      tx.relationships().put(relationship("floor1", "c1", "room1", "contains"));
      tx.relationships().put(relationship("floor1", "c2", "room2", "contains"));
      tx.relationships().put(relationship("floor1", "n1", "space1", "next"));
      tx.relationships().put(relationship("room1", "l1", "room2", "leadsTo"));
      return null;
    });
  }

  @AfterAll
  void close() {
    store.close();
  }

  private List<String> ids(String query) throws Exception {
    List<String> ids = new ArrayList<>();
    for (QueryRow row : rows(query, null, 100)) {
      ids.add(String.join("/", row.key()));
    }
    return ids;
  }

  private List<QueryRow> rows(String query, List<String> after, int limit) throws Exception {
    return run(false, tx -> tx.digitalTwinQueries().find(QueryParser.parse(query), after, limit));
  }

  @Test
  void selectAllReturnsEveryTwinInIdOrder() throws Exception {
    assertThat(ids("SELECT * FROM DIGITALTWINS")).containsExactly("floor1", "room1", "room2", "room3", "space1");
  }

  @Test
  void comparisonsMatchOnlyValuesOfTheSameType() throws Exception {
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE temperature > 21")).containsExactly("room1", "room2");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE temperature = 25")).containsExactly("room2");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE temperature = 'warm'")).containsExactly("room3");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE occupied = true")).containsExactly("room1");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE occupied != true")).containsExactly("room2");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE note = null")).containsExactly("room2");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE name = 'D\\'Souza office'")).containsExactly("room3");
  }

  @Test
  void notOfAMissingPropertyDoesNotMatch() throws Exception {
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE NOT temperature = 25")).containsExactly("room1", "room3");
  }

  @Test
  void systemPropertiesUseTheirColumns() throws Exception {
    assertThat(ids("SELECT * FROM DIGITALTWINS T WHERE T.$dtId = 'room2'")).containsExactly("room2");
    assertThat(ids("SELECT * FROM DIGITALTWINS T WHERE T.$metadata.$model = 'dtmi:ex:Floor;1'"))
        .containsExactly("floor1");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE $dtId IN ['room1', 'space1', 'nope']"))
        .containsExactly("room1", "space1");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE $dtId NIN ['room1', 'space1']"))
        .containsExactly("floor1", "room2", "room3");
  }

  @Test
  void inAndNinCompareEachValue() throws Exception {
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE temperature IN [25, 'warm']")).containsExactly("room2", "room3");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE name NIN ['Lobby', 'Kitchen']"))
        .containsExactly("floor1", "room3");
  }

  @Test
  void isOfModelIncludesDerivedModelsUnlessExact() throws Exception {
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE IS_OF_MODEL('dtmi:ex:Space;1')"))
        .containsExactly("floor1", "room1", "room2", "room3", "space1");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE IS_OF_MODEL('dtmi:ex:Space;1', exact)"))
        .containsExactly("space1");
    assertThat(ids("SELECT * FROM DIGITALTWINS T WHERE IS_OF_MODEL(T, 'dtmi:ex:Room;1') AND T.temperature < 22"))
        .containsExactly("room1");
  }

  @Test
  void typeFunctionsTestTheJsonType() throws Exception {
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE IS_DEFINED(level)")).containsExactly("floor1");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE NOT IS_DEFINED(name)")).containsExactly("space1");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE IS_NULL(note)")).containsExactly("room2");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE IS_BOOL(occupied)")).containsExactly("room1", "room2");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE IS_NUMBER(temperature)")).containsExactly("room1", "room2");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE IS_STRING(temperature)")).containsExactly("room3");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE IS_OBJECT(wifi)")).containsExactly("room1");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE IS_PRIMITIVE(tags)")).isEmpty();
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE IS_PRIMITIVE(note)")).containsExactly("room2");
  }

  @Test
  void stringFunctionsMatchCaseSensitively() throws Exception {
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE STARTSWITH(name, 'K')")).containsExactly("room2");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE STARTSWITH(name, 'k')")).isEmpty();
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE ENDSWITH(name, 'office')")).containsExactly("room3");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE CONTAINS(name, 'ob')")).containsExactly("room1");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE CONTAINS(wifi.ssid, 'ues')")).containsExactly("room1");
  }

  @Test
  void arrayContainsLooksInsideArraysOnly() throws Exception {
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE ARRAY_CONTAINS(tags, 'blue')")).containsExactly("room1");
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE ARRAY_CONTAINS(wifi, 'guest')")).isEmpty();
  }

  @Test
  void relationshipsFilterOnTheirColumnsAndProperties() throws Exception {
    assertThat(ids("SELECT * FROM RELATIONSHIPS WHERE $sourceId IN ['floor1']"))
        .containsExactly("floor1/c1", "floor1/c2", "floor1/n1");
    assertThat(ids("SELECT * FROM RELATIONSHIPS R WHERE R.$relationshipName = 'leadsTo'")).containsExactly("room1/l1");
    assertThat(ids("SELECT * FROM RELATIONSHIPS WHERE $targetId = 'room2' AND weight > 1"))
        .containsExactly("floor1/c2", "room1/l1");
  }

  @Test
  void joinFollowsNamedRelationshipsAndFiltersEveryCollection() throws Exception {
    List<QueryRow> rows = rows("SELECT F, R, C FROM DIGITALTWINS F JOIN R RELATED F.contains C "
        + "WHERE F.$dtId = 'floor1' AND R.temperature > 22", null, 10);

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).documents().get("R").get("$dtId").asText()).isEqualTo("room2");
    assertThat(rows.get(0).documents().get("C").get("$relationshipId").asText()).isEqualTo("c2");
  }

  @Test
  void joinsChainThroughSeveralRelationships() throws Exception {
    assertThat(ids("SELECT A, B FROM DIGITALTWINS F JOIN A RELATED F.contains JOIN B RELATED A.leadsTo "
        + "WHERE F.$dtId = 'floor1'")).containsExactly("floor1/c1/l1");
  }

  @Test
  void pagesContinueAfterTheLastKey() throws Exception {
    List<QueryRow> first = rows("SELECT * FROM DIGITALTWINS WHERE IS_OF_MODEL('dtmi:ex:Space;1')", null, 2);
    List<QueryRow> second = rows("SELECT * FROM DIGITALTWINS WHERE IS_OF_MODEL('dtmi:ex:Space;1')",
        first.get(1).key(), 2);

    assertThat(first).extracting(r -> r.key().get(0)).containsExactly("floor1", "room1");
    assertThat(second).extracting(r -> r.key().get(0)).containsExactly("room2", "room3");
  }

  @Test
  void valueIndexFollowsReplacesAndDeletes() throws Exception {
    run(true, tx -> {
      tx.digitalTwins().put(twin("probe", "dtmi:ex:Space;1", "{\"probe\":1,\"box\":{\"size\":\"S\"}}"));
      return null;
    });
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE probe = 1 AND box.size = 'S'")).containsExactly("probe");

    run(true, tx -> {
      tx.digitalTwins().put(twin("probe", "dtmi:ex:Space;1", "{\"probe\":2}"));
      return null;
    });
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE probe = 1")).isEmpty();
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE box.size = 'S'")).isEmpty();
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE probe >= 2")).containsExactly("probe");

    run(true, tx -> tx.digitalTwins().delete("probe"));
    assertThat(ids("SELECT * FROM DIGITALTWINS WHERE probe = 2")).isEmpty();
  }

  @Test
  void countCountsMatchingRows() throws Exception {
    assertThat((long) run(false, tx -> tx.digitalTwinQueries().count(
        QueryParser.parse("SELECT COUNT() FROM DIGITALTWINS WHERE IS_OF_MODEL('dtmi:ex:Room;1')")))).isEqualTo(3);
    assertThat((long) run(false, tx -> tx.digitalTwinQueries().count(
        QueryParser.parse("SELECT COUNT() FROM RELATIONSHIPS")))).isEqualTo(4);
  }

  private <T> T run(boolean write, StoreTask<T> task) throws Exception {
    return (write ? store.write(task) : store.read(task)).get(10, TimeUnit.SECONDS);
  }

  private static ModelRecord model(String id) {
    return new ModelRecord(id, (ObjectNode) Json.parse("{\"@id\":\"" + id + "\",\"@type\":\"Interface\"}"), false,
        NOW);
  }

  private static DigitalTwinRecord twin(String id, String model, String properties) {
    ObjectNode document = (ObjectNode) Json.parse(properties);
    document.put("$dtId", id);
    document.put("$etag", "W/\"" + id + "\"");
    document.putObject("$metadata").put("$model", model);
    return new DigitalTwinRecord(id, model, "W/\"" + id + "\"", document, NOW);
  }

  private static RelationshipRecord relationship(String source, String id, String target, String name) {
    ObjectNode document = Json.mapper().createObjectNode();
    document.put("$relationshipId", id).put("$etag", "W/\"r\"").put("$sourceId", source)
        .put("$relationshipName", name).put("$targetId", target).put("weight", id.startsWith("n") ? 1 : 2);
    return new RelationshipRecord(source, id, target, name, "W/\"r\"", document);
  }
}
