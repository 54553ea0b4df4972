package io.twinsdk.hub.digitaltwins.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.twinsdk.hub.bus.ChangeBus;
import io.twinsdk.hub.store.DigitalTwinRecord;
import io.twinsdk.hub.store.HubStore;
import io.twinsdk.hub.store.RelationshipRecord;
import io.twinsdk.hub.store.StoreTask;
import io.twinsdk.hub.store.StoreTransaction;
import io.twinsdk.hub.store.sqlite.SqliteHubStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A delete job while the API stays open: relationships created between its phases are deleted too. */
class DeleteRunnerTest {

  @TempDir
  Path data;
  SqliteHubStore store;

  @BeforeEach
  void open() {
    store = SqliteHubStore.open(data.resolve("db"), new ChangeBus(), 1);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static DigitalTwinRecord twin(String id) {
    return new DigitalTwinRecord(id, "dtmi:x:y;1", "W/\"" + id + "\"",
        JsonNodeFactory.instance.objectNode().put("$dtId", id), Instant.EPOCH);
  }

  private static RelationshipRecord relationship(String source, String id, String target) {
    return new RelationshipRecord(source, id, target, "near", "W/\"" + id + "\"",
        JsonNodeFactory.instance.objectNode().put("$relationshipId", id));
  }

  @Test
  void twinThatGainedRelationshipsAfterTheRelationshipPhaseIsDeletedWithThem() throws Exception {
    store.write(tx -> {
      for (String id : List.of("a", "b", "c")) {
        tx.digitalTwins().put(twin(id));
      }
      tx.relationships().put(relationship("a", "first", "b"));
      return null;
    }).get(10, TimeUnit.SECONDS);
    // Just before the job's twin phase, another client relates b to c and c to a.
    HubStore racing = new RacingStore(store, 2, tx -> {
      tx.relationships().put(relationship("b", "late", "c"));
      tx.relationships().put(relationship("c", "later", "a"));
      return null;
    });
    DeleteJob job = new DeleteJob("wipe", Duration.ofMinutes(15), Instant.now());

    new DeleteRunner(racing, new NoModels(), Clock.systemUTC()).run(job);

    assertThat(job.status()).as(job.toJson().toString()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(store.read(tx -> tx.digitalTwins().count()).get(10, TimeUnit.SECONDS)).isZero();
    assertThat(store.read(tx -> tx.relationships().hasAny("a") || tx.relationships().hasAny("c"))
        .get(10, TimeUnit.SECONDS)).isFalse();
  }

  /** A store that runs one extra write, as another client would, just before the {@code n}th write of the job. */
  private static final class RacingStore implements HubStore {
    private final HubStore delegate;
    private final int n;
    private final StoreTask<Void> extra;
    private final AtomicInteger writes = new AtomicInteger();

    RacingStore(HubStore delegate, int n, StoreTask<Void> extra) {
      this.delegate = delegate;
      this.n = n;
      this.extra = extra;
    }

    @Override
    public <T> CompletableFuture<T> write(StoreTask<T> task) {
      if (writes.incrementAndGet() == n) {
        delegate.write(extra).join();
      }
      return delegate.write(task);
    }

    @Override
    public <T> CompletableFuture<T> read(StoreTask<T> task) {
      return delegate.read(task);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /** A delete job's operations when there are no models to keep track of. */
  private static final class NoModels implements BulkOperations {
    @Override
    public void addModels(StoreTransaction transaction, List<JsonNode> models) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void putTwin(StoreTransaction transaction, JsonNode twin) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void putRelationship(StoreTransaction transaction, JsonNode relationship) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void modelsDeleted(StoreTransaction transaction) {
      // nothing cached
    }
  }
}
