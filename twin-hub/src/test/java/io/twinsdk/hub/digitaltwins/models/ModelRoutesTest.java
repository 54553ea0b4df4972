package io.twinsdk.hub.digitaltwins.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.dtdl.Dtmi;
import io.twinsdk.core.dtdl.ModelSet;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.bus.ChangeBus;
import io.twinsdk.hub.digitaltwins.http.DigitalTwinsContext;
import io.twinsdk.hub.http.ApiError;
import io.twinsdk.hub.store.ModelRecord;
import io.twinsdk.hub.store.StoreTask;
import io.twinsdk.hub.store.sqlite.SqliteHubStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model batch is parsed outside the write transaction; these tests change the stored models between the parse and
 * the commit, as a concurrent request would, and check what the commit then does.
 */
class ModelRoutesTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00.1234567Z");

  @TempDir
  Path data;
  SqliteHubStore store;
  ModelCatalog catalog;
  ModelRoutes routes;

  @BeforeEach
  void open() throws Exception {
    store = SqliteHubStore.open(data, new ChangeBus(), 1);
    catalog = store.read(ModelCatalog::load).get(10, TimeUnit.SECONDS);
    routes = new ModelRoutes(new DigitalTwinsContext(store, Clock.fixed(NOW, ZoneOffset.UTC)), catalog);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static JsonNode base(String id) {
    return Json.parse("""
        {"@id":"%s","@type":"Interface","@context":"dtmi:dtdl:context;3",
         "contents":[{"@type":"Property","name":"size","schema":"double"}]}""".formatted(id));
  }

  private static JsonNode extending(String id, String baseId) {
    return Json.parse("""
        {"@id":"%s","@type":"Interface","@context":"dtmi:dtdl:context;3","extends":"%s",
         "contents":[{"@type":"Property","name":"colour","schema":"string"}]}""".formatted(id, baseId));
  }

  private <T> T write(StoreTask<T> task) throws Exception {
    return store.write(task).get(10, TimeUnit.SECONDS);
  }

  private List<String> storedIds() throws Exception {
    return store.read(tx -> tx.models().all()).get(10, TimeUnit.SECONDS).stream().map(ModelRecord::id).toList();
  }

  private static ApiError apiError(Throwable thrown) {
    Throwable cause = thrown instanceof ExecutionException ? thrown.getCause() : thrown;
    assertThat(cause).isInstanceOf(ApiError.class);
    return (ApiError) cause;
  }

  @Test
  void deletedModelLeavesTheCatalogForReadersOnlyWhenTheDeleteCommits() throws Exception {
    Dtmi id = Dtmi.parse("dtmi:ex:Base;1");
    write(tx -> routes.addModels(tx, List.of(base(id.toString())), NOW));
    CountDownLatch writerBusy = new CountDownLatch(1);
    CountDownLatch releaseWriter = new CountDownLatch(1);
    CountDownLatch deleteWritten = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    AtomicReference<ModelSet> seenLaterInTheSameCommit = new AtomicReference<>();
    // Given the writer is busy, so that the delete and the next write are grouped into one commit
    store.write(tx -> await(writerBusy, releaseWriter));
    assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> delete = store.write(tx -> {
      routes.deleteModel(tx, id);
      return null;
    });
    store.write(tx -> {
      seenLaterInTheSameCommit.set(catalog.current(tx));
      return await(deleteWritten, commit);
    });

    // When the delete has run but its transaction has not committed yet
    releaseWriter.countDown();
    assertThat(deleteWritten.await(10, TimeUnit.SECONDS)).isTrue();

    // Then readers still see the stored model, while writes after the delete in its commit do not
    assertThat(catalog.current().contains(id)).isTrue();
    assertThat(seenLaterInTheSameCommit.get().contains(id)).isFalse();
    commit.countDown();
    delete.get(10, TimeUnit.SECONDS);
    assertThat(catalog.current().contains(id)).isFalse();
  }

  @Test
  void modelsOfAWriteThatFailsAfterAddingThemNeverReachTheCatalog() {
    assertThatThrownBy(() -> write(tx -> {
      routes.addModels(tx, List.of(base("dtmi:ex:Base;1")), NOW);
      throw new IllegalStateException("a later step of the same write fails");
    })).hasRootCauseInstanceOf(IllegalStateException.class);

    assertThat(catalog.current().ids()).isEmpty();
  }

  /** Signals {@code reached}, then blocks the store writer until {@code release} (bounded, so a failure cannot hang). */
  private static Void await(CountDownLatch reached, CountDownLatch release) {
    reached.countDown();
    try {
      assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return null;
  }

  @Test
  void modelDeletedBetweenParseAndCommitIsParserErrorAndNothingIsStored() throws Exception {
    write(tx -> routes.addModels(tx, List.of(base("dtmi:ex:Base;1")), NOW));
    ModelRoutes.PreparedBatch batch = routes.prepare(List.of(base("dtmi:ex:Other;1"),
        extending("dtmi:ex:Child;1", "dtmi:ex:Base;1")));

    write(tx -> {
      tx.models().delete("dtmi:ex:Base;1");
      catalog.replace(tx, catalog.current(tx).without(List.of(Dtmi.parse("dtmi:ex:Base;1"))));
      return null;
    });

    assertThatThrownBy(() -> write(tx -> routes.commit(tx, batch, NOW, false))).satisfies(thrown -> {
      ApiError error = apiError(thrown);
      assertThat(error.status()).isEqualTo(400);
      assertThat(error.code()).isEqualTo("DTDLParserError");
      assertThat(error.getMessage()).contains("dtmi:ex:Base;1");
    });
    assertThat(storedIds()).isEmpty();
    assertThat(catalog.current().ids()).isEmpty();
  }

  @Test
  void modelWithTheSameIdAddedBetweenParseAndCommitIsConflict() throws Exception {
    ModelRoutes.PreparedBatch batch = routes.prepare(List.of(base("dtmi:ex:A;1"), base("dtmi:ex:B;1")));

    write(tx -> routes.addModels(tx, List.of(base("dtmi:ex:B;1")), NOW));

    assertThatThrownBy(() -> write(tx -> routes.commit(tx, batch, NOW, false))).satisfies(thrown -> {
      ApiError error = apiError(thrown);
      assertThat(error.status()).isEqualTo(409);
      assertThat(error.code()).isEqualTo("ModelIdAlreadyExists");
    });
    assertThat(storedIds()).containsExactly("dtmi:ex:B;1");
  }

  @Test
  void batchesParsedAgainstTheSameSnapshotBothCommitAndBothAreResolved() throws Exception {
    write(tx -> routes.addModels(tx, List.of(base("dtmi:ex:Base;1")), NOW));
    ModelRoutes.PreparedBatch first = routes.prepare(List.of(extending("dtmi:ex:First;1", "dtmi:ex:Base;1")));
    ModelRoutes.PreparedBatch second = routes.prepare(List.of(extending("dtmi:ex:Second;1", "dtmi:ex:Base;1")));

    write(tx -> routes.commit(tx, first, NOW, false));
    write(tx -> routes.commit(tx, second, NOW, true));

    assertThat(storedIds()).containsExactly("dtmi:ex:Base;1", "dtmi:ex:First;1", "dtmi:ex:Second;1");
    assertThat(catalog.current().isAssignableTo(Dtmi.parse("dtmi:ex:First;1"), Dtmi.parse("dtmi:ex:Base;1")))
        .isTrue();
    assertThat(catalog.current().isAssignableTo(Dtmi.parse("dtmi:ex:Second;1"), Dtmi.parse("dtmi:ex:Base;1")))
        .isTrue();
  }

  @Test
  void batchParsedBeforeAnotherBatchLandedIsStaleUnlessItMayBeParsedAgain() throws Exception {
    ModelRoutes.PreparedBatch batch = routes.prepare(List.of(base("dtmi:ex:Late;1")));
    write(tx -> routes.addModels(tx, List.of(base("dtmi:ex:Early;1")), NOW));

    assertThatThrownBy(() -> write(tx -> routes.commit(tx, batch, NOW, false)))
        .hasCauseInstanceOf(ModelRoutes.StaleBatchException.class);
    List<String> afterStale = storedIds();
    write(tx -> routes.commit(tx, batch, NOW, true));

    assertThat(afterStale).containsExactly("dtmi:ex:Early;1");
    assertThat(storedIds()).containsExactly("dtmi:ex:Early;1", "dtmi:ex:Late;1");
    assertThat(catalog.current().ids()).extracting(Dtmi::toString)
        .containsExactlyInAnyOrder("dtmi:ex:Early;1", "dtmi:ex:Late;1");
  }

  @Test
  void unrelatedModelDeletedBetweenParseAndCommitDoesNotStopTheBatch() throws Exception {
    write(tx -> routes.addModels(tx, List.of(base("dtmi:ex:Base;1"), base("dtmi:ex:Spare;1")), NOW));
    ModelRoutes.PreparedBatch batch = routes.prepare(List.of(extending("dtmi:ex:Child;1", "dtmi:ex:Base;1")));

    write(tx -> {
      tx.models().delete("dtmi:ex:Spare;1");
      catalog.replace(tx, catalog.current(tx).without(List.of(Dtmi.parse("dtmi:ex:Spare;1"))));
      return null;
    });
    write(tx -> routes.commit(tx, batch, NOW, false));

    assertThat(storedIds()).containsExactly("dtmi:ex:Base;1", "dtmi:ex:Child;1");
    assertThat(catalog.current().ids()).extracting(Dtmi::toString)
        .containsExactlyInAnyOrder("dtmi:ex:Base;1", "dtmi:ex:Child;1");
  }
}
