package io.twinsdk.hub.digitaltwins.jobs;

import io.twinsdk.hub.bus.ChangeEvent;
import io.twinsdk.hub.http.ApiError;
import io.twinsdk.hub.store.DigitalTwinRecord;
import io.twinsdk.hub.store.HubStore;
import io.twinsdk.hub.store.ModelRecord;
import io.twinsdk.hub.store.RelationshipRecord;
import io.twinsdk.hub.store.StoreTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Runs one delete job on the bulk-job thread: deletes every relationship, then every twin, then every model, in
 * store transactions of a bounded size, publishing a change event for each deleted twin and relationship. Like the
 * service's, the job is not atomic: a failure or timeout leaves what was already deleted deleted.
 */
final class DeleteRunner {

  private static final int TWINS_PER_BATCH = 200;
  private static final int RELATIONSHIPS_PER_TWIN_BATCH = 1000;

  private final HubStore store;
  private final BulkOperations operations;
  private final Clock clock;

  DeleteRunner(HubStore store, BulkOperations operations, Clock clock) {
    this.store = store;
    this.operations = operations;
    this.clock = clock;
  }

  /** Runs {@code job} to its end; never throws. */
  void run(DeleteJob job) {
    Instant started = clock.instant();
    if (!job.start(started)) {
      return;
    }
    Instant deadline = started.plus(job.timeout());
    try {
      String after = null;
      do {
        checkDeadline(deadline);
        String from = after;
        after = JobFailure.await(store.write(tx -> deleteOutgoingRelationships(tx, from)));
      } while (after != null);
      boolean more;
      do {
        checkDeadline(deadline);
        more = JobFailure.await(store.write(this::deleteTwins));
      } while (more);
      JobFailure.await(store.write(tx -> {
        for (ModelRecord model : tx.models().all()) {
          tx.models().delete(model.id());
        }
        operations.modelsDeleted(tx);
        return null;
      }));
      job.moveTo(JobStatus.SUCCEEDED, clock.instant());
    } catch (JobFailure e) {
      job.fail(e.code(), e.getMessage(), clock.instant());
    } catch (ApiError e) {
      job.fail(e.code(), e.getMessage(), clock.instant());
    } catch (RuntimeException e) {
      job.fail("InternalServerError", "The delete job failed: " + e, clock.instant());
    }
  }

  /** Deletes the outgoing relationships of a batch of twins after {@code after}; returns the last twin, or null. */
  private String deleteOutgoingRelationships(StoreTransaction tx, String after) {
    List<DigitalTwinRecord> twins = tx.digitalTwins().list(after, TWINS_PER_BATCH);
    Instant now = clock.instant();
    for (DigitalTwinRecord twin : twins) {
      deleteOutgoing(tx, twin.id(), now);
    }
    return twins.size() < TWINS_PER_BATCH ? null : twins.get(twins.size() - 1).id();
  }

  /**
   * Deletes a batch of twins; returns whether more remain. A twin that gained relationships since the first phase
   * (the API stays open while the job runs) has them deleted in the same transaction, as the store refuses to delete
   * a twin that relationships still name.
   */
  private boolean deleteTwins(StoreTransaction tx) {
    List<DigitalTwinRecord> twins = tx.digitalTwins().list(null, TWINS_PER_BATCH);
    Instant now = clock.instant();
    for (DigitalTwinRecord twin : twins) {
      if (tx.relationships().hasAny(twin.id())) {
        deleteRemainingRelationships(tx, twin.id(), now);
      }
      tx.digitalTwins().delete(twin.id());
      tx.emitAfterCommit(new ChangeEvent(ChangeEvent.Kind.DIGITAL_TWIN_DELETED, twin.id(), 0, twin.document(), now));
    }
    return twins.size() == TWINS_PER_BATCH;
  }

  private static void deleteOutgoing(StoreTransaction tx, String twinId, Instant now) {
    List<RelationshipRecord> relationships;
    do {
      relationships = tx.relationships().listOutgoing(twinId, null, null, RELATIONSHIPS_PER_TWIN_BATCH);
      deleteAll(tx, relationships, now);
    } while (relationships.size() == RELATIONSHIPS_PER_TWIN_BATCH);
  }

  private static void deleteRemainingRelationships(StoreTransaction tx, String twinId, Instant now) {
    deleteOutgoing(tx, twinId, now);
    List<RelationshipRecord> relationships;
    do {
      relationships = tx.relationships().listIncoming(twinId, null, null, RELATIONSHIPS_PER_TWIN_BATCH);
      deleteAll(tx, relationships, now);
    } while (relationships.size() == RELATIONSHIPS_PER_TWIN_BATCH);
  }

  private static void deleteAll(StoreTransaction tx, List<RelationshipRecord> relationships, Instant now) {
    for (RelationshipRecord relationship : relationships) {
      tx.relationships().delete(relationship.sourceId(), relationship.id());
      tx.emitAfterCommit(new ChangeEvent(ChangeEvent.Kind.RELATIONSHIP_DELETED,
          relationship.sourceId() + "/" + relationship.id(), 0, relationship.document(), now));
    }
  }

  private void checkDeadline(Instant deadline) {
    if (clock.instant().isAfter(deadline)) {
      throw new JobFailure("TimeoutError", "The delete job did not finish within its time limit; what was deleted"
          + " stays deleted.");
    }
  }
}
