package io.twinsdk.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.bus.ChangeBus;
import io.twinsdk.hub.store.sqlite.SqliteHubStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitalTwinsRepositoriesTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.1234567Z");

  @TempDir
  Path data;
  SqliteHubStore store;

  @BeforeEach
  void open() {
    store = SqliteHubStore.open(data, new ChangeBus(), 1);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void modelsKeepReferencesAndAncestorsUntilDeleted() throws Exception {
    write(tx -> {
      tx.models().insert(model("dtmi:ex:Base;1"), List.of(), List.of());
      tx.models().insert(model("dtmi:ex:Room;1"),
          List.of(new ModelReference("dtmi:ex:Base;1", ModelReference.Kind.EXTENDS)), List.of("dtmi:ex:Base;1"));
      return null;
    });

    assertThat(store.read(tx -> tx.models().referencedBy("dtmi:ex:Base;1")).get(10, TimeUnit.SECONDS)).containsExactly("dtmi:ex:Room;1");
    assertThat(store.read(tx -> tx.models().list(null, 1)).get(10, TimeUnit.SECONDS)).extracting(ModelRecord::id).containsExactly("dtmi:ex:Base;1");
    assertThat(store.read(tx -> tx.models().list("dtmi:ex:Base;1", 10)).get(10, TimeUnit.SECONDS)).extracting(ModelRecord::id)
        .containsExactly("dtmi:ex:Room;1");

    assertThat(store.write(tx -> tx.models().setDecommissioned("dtmi:ex:Room;1", true)).get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(store.read(tx -> tx.models().find("dtmi:ex:Room;1")).get(10, TimeUnit.SECONDS).orElseThrow().decommissioned()).isTrue();

    assertThat(store.write(tx -> tx.models().delete("dtmi:ex:Room;1")).get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(store.read(tx -> tx.models().referencedBy("dtmi:ex:Base;1")).get(10, TimeUnit.SECONDS)).isEmpty();
    assertThat(store.read(tx -> tx.models().all()).get(10, TimeUnit.SECONDS)).extracting(ModelRecord::id).containsExactly("dtmi:ex:Base;1");
  }

  @Test
  void decommissionedFlagIsReadWithoutTheModelAndEmptyForAnUnknownModel() throws Exception {
    write(tx -> {
      tx.models().insert(model("dtmi:ex:Base;1"), List.of(), List.of());
      tx.models().insert(model("dtmi:ex:Room;1"), List.of(), List.of());
      return null;
    });

    write(tx -> tx.models().setDecommissioned("dtmi:ex:Room;1", true));

    Optional<Boolean> room = read(tx -> tx.models().decommissioned("dtmi:ex:Room;1"));
    Optional<Boolean> base = read(tx -> tx.models().decommissioned("dtmi:ex:Base;1"));
    Optional<Boolean> missing = read(tx -> tx.models().decommissioned("dtmi:ex:Missing;1"));
    assertThat(room).contains(true);
    assertThat(base).contains(false);
    assertThat(missing).isEmpty();
  }

  @Test
  void duplicateModelIdIsRefused() throws Exception {
    write(tx -> {
      tx.models().insert(model("dtmi:ex:Base;1"), List.of(), List.of());
      return null;
    });

    assertThatThrownBy(() -> write(tx -> {
      tx.models().insert(model("dtmi:ex:Base;1"), List.of(), List.of());
      return null;
    })).hasCauseInstanceOf(StoreException.class);
  }

  @Test
  void twinWithRelationshipCannotBeDeletedUntilTheRelationshipIs() throws Exception {
    write(tx -> {
      tx.digitalTwins().put(twin("a"));
      tx.digitalTwins().put(twin("b"));
      tx.relationships().put(relationship("a", "r1", "b", "contains"));
      return null;
    });

    assertThat(store.read(tx -> tx.relationships().hasAny("b")).get(10, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> write(tx -> tx.digitalTwins().delete("b"))).hasCauseInstanceOf(StoreException.class);

    assertThat(store.write(tx -> tx.relationships().delete("a", "r1")).get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(store.write(tx -> tx.digitalTwins().delete("b")).get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(store.read(tx -> tx.digitalTwins().count()).get(10, TimeUnit.SECONDS)).isEqualTo(1);
  }

  @Test
  void relationshipToMissingTwinIsRefused() {
    assertThatThrownBy(() -> write(tx -> {
      tx.digitalTwins().put(twin("a"));
      tx.relationships().put(relationship("a", "r1", "nobody", "contains"));
      return null;
    })).hasCauseInstanceOf(StoreException.class);
  }

  @Test
  void outgoingAndIncomingListsPageInKeyOrderAndFilterByName() throws Exception {
    write(tx -> {
      for (String id : List.of("a", "b", "t")) {
        tx.digitalTwins().put(twin(id));
      }
      tx.relationships().put(relationship("a", "r2", "t", "contains"));
      tx.relationships().put(relationship("a", "r1", "t", "feeds"));
      tx.relationships().put(relationship("b", "r0", "t", "contains"));
      return null;
    });

    assertThat(store.read(tx -> tx.relationships().listOutgoing("a", null, null, 10)).get(10, TimeUnit.SECONDS))
        .extracting(RelationshipRecord::id).containsExactly("r1", "r2");
    assertThat(store.read(tx -> tx.relationships().listOutgoing("a", "contains", null, 10)).get(10, TimeUnit.SECONDS))
        .extracting(RelationshipRecord::id).containsExactly("r2");
    assertThat(store.read(tx -> tx.relationships().listOutgoing("a", null, "r1", 10)).get(10, TimeUnit.SECONDS))
        .extracting(RelationshipRecord::id).containsExactly("r2");
    assertThat(store.read(tx -> tx.relationships().listIncoming("t", null, null, 2)).get(10, TimeUnit.SECONDS))
        .extracting(r -> r.sourceId() + "/" + r.id()).containsExactly("a/r1", "a/r2");
    assertThat(store.read(tx -> tx.relationships().listIncoming("t", "a", "r2", 2)).get(10, TimeUnit.SECONDS))
        .extracting(r -> r.sourceId() + "/" + r.id()).containsExactly("b/r0");
  }

  @Test
  void relationshipsAreCountedPerSourceAndPerTarget() throws Exception {
    write(tx -> {
      for (String id : List.of("a", "b", "t")) {
        tx.digitalTwins().put(twin(id));
      }
      tx.relationships().put(relationship("a", "r1", "t", "contains"));
      tx.relationships().put(relationship("a", "r2", "b", "contains"));
      tx.relationships().put(relationship("b", "r1", "t", "contains"));
      return null;
    });

    int outgoingOfA = read(tx -> tx.relationships().countOutgoing("a"));
    int outgoingOfT = read(tx -> tx.relationships().countOutgoing("t"));
    int incomingOfT = read(tx -> tx.relationships().countIncoming("t"));
    int incomingOfA = read(tx -> tx.relationships().countIncoming("a"));

    assertThat(outgoingOfA).isEqualTo(2);
    assertThat(outgoingOfT).isZero();
    assertThat(incomingOfT).isEqualTo(2);
    assertThat(incomingOfA).isZero();
  }

  @Test
  void twinDocumentRoundTrips() throws Exception {
    DigitalTwinRecord stored = twin("room1");
    write(tx -> {
      tx.digitalTwins().put(stored);
      return null;
    });

    DigitalTwinRecord found = read(tx -> tx.digitalTwins().find("room1")).orElseThrow();

    assertThat(found).isEqualTo(stored);
    List<DigitalTwinRecord> after = read(tx -> tx.digitalTwins().list("room1", 10));
    assertThat(after).isEmpty();
  }

  private <T> T write(StoreTask<T> task) throws Exception {
    return store.write(task).get(10, TimeUnit.SECONDS);
  }

  private <T> T read(StoreTask<T> task) throws InterruptedException, ExecutionException,
      java.util.concurrent.TimeoutException {
    return store.read(task).get(10, TimeUnit.SECONDS);
  }


  private static ModelRecord model(String id) {
    return new ModelRecord(id, (ObjectNode) Json.parse("{\"@id\":\"" + id + "\",\"@type\":\"Interface\","
        + "\"@context\":\"dtmi:dtdl:context;3\"}"), false, NOW);
  }

  private static DigitalTwinRecord twin(String id) {
    return new DigitalTwinRecord(id, "dtmi:ex:Room;1", "W/\"e-" + id + "\"", (ObjectNode) Json.parse(
        "{\"$dtId\":\"" + id + "\",\"$etag\":\"W/\\\"e-" + id + "\\\"\",\"$metadata\":{\"$model\":\"dtmi:ex:Room;1\"}}"),
        NOW);
  }

  private static RelationshipRecord relationship(String source, String id, String target, String name) {
    return new RelationshipRecord(source, id, target, name, "W/\"r\"", (ObjectNode) Json.parse(
        "{\"$relationshipId\":\"" + id + "\",\"$sourceId\":\"" + source + "\",\"$targetId\":\"" + target
            + "\",\"$relationshipName\":\"" + name + "\"}"));
  }
}
