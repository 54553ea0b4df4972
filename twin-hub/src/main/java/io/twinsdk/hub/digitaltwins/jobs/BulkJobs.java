package io.twinsdk.hub.digitaltwins.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.hub.digitaltwins.http.DigitalTwinsErrors;
import io.twinsdk.hub.http.ApiError;
import io.twinsdk.hub.store.HubStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's import and delete jobs. Jobs run one at a time on a single thread ({@code twin-hub-bulk-jobs}), as the
 * service allows only one bulk job at a time: creating a job while another is not finished is refused with 400
 * JobLimitReached. Jobs are stored when created, cancelled and finished, and deleted on request; a job the hub was
 * running when it stopped is restored as failed (what it had written stays). Thread-safe.
 */
public final class BulkJobs implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BulkJobs.class);
  private static final long SHUTDOWN_SECONDS = 10;
  /** The delete-job time limit when the request names none, and the range a request may choose from. */
  static final Duration DEFAULT_DELETE_TIMEOUT = Duration.ofHours(12);
  static final Duration MIN_DELETE_TIMEOUT = Duration.ofMinutes(15);
  static final Duration MAX_DELETE_TIMEOUT = Duration.ofHours(24);

  private static final long LOAD_TIMEOUT_SECONDS = 60;

  private final HubStore store;
  private final Clock clock;
  private final JobUris uris;
  private final ImportRunner importRunner;
  private final DeleteRunner deleteRunner;
  private final NavigableMap<String, ImportJob> imports = new ConcurrentSkipListMap<>();
  private final NavigableMap<String, DeleteJob> deletions = new ConcurrentSkipListMap<>();
  private final ExecutorService executor;
  /** The job holding the single bulk-job slot; guarded by {@code this}. */
  private BulkJob active;

  /**
   * Creates the job runner, restoring the stored jobs; blocks until they are read.
   *
   * @param importDirectory the only directory {@code file:} URIs may name; it must exist
   * @throws IllegalStateException if the stored jobs cannot be read within a minute
   */
  public BulkJobs(HubStore store, BulkOperations operations, Path importDirectory, Clock clock) {
    this(store, operations, new JobUris(importDirectory), clock);
  }

  /** Creates the job runner over the given URI checks (tests choose a short https idle timeout). */
  BulkJobs(HubStore store, BulkOperations operations, JobUris uris, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.uris = uris;
    this.importRunner = new ImportRunner(store, uris, operations, clock);
    this.deleteRunner = new DeleteRunner(store, operations, clock);
    // One thread, and a queue that never holds more than the one job the slot admits.
    this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(2), runnable -> {
      Thread thread = new Thread(runnable, "twin-hub-bulk-jobs");
      thread.setDaemon(true);
      return thread;
    });
    restore();
  }

  private void restore() {
    List<BulkJob> interrupted = new ArrayList<>();
    try {
      store.read(tx -> {
        tx.bulkJobs().all(ImportJob.KIND).forEach(json -> imports.put(json.get("id").textValue(), new ImportJob(json)));
        tx.bulkJobs().all(DeleteJob.KIND).forEach(json -> deletions.put(json.get("id").textValue(),
            new DeleteJob(json)));
        return null;
      }).get(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      interrupted.addAll(imports.values());
      interrupted.addAll(deletions.values());
      interrupted.removeIf(job -> !job.isActive());
      for (BulkJob job : interrupted) {
        job.fail("InternalServerError", "The hub stopped while the job ran; what it had written stays.",
            clock.instant());
      }
      if (!interrupted.isEmpty()) {
        store.write(tx -> {
          interrupted.forEach(job -> tx.bulkJobs().put(job.kind(), job.id(), job.toJson()));
          return null;
        }).get(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not restore the import and delete jobs", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while restoring the import and delete jobs", e);
    }
  }

  /** Stores the job's current state; the future completes once that is durable. */
  private CompletableFuture<Void> save(BulkJob job) {
    ObjectNode json = job.toJson();
    return store.write(tx -> {
      tx.bulkJobs().put(job.kind(), job.id(), json);
      return null;
    });
  }

  /**
   * Creates, stores and starts an import job; the future holds the job as it was created ({@code notstarted}).
   *
   * @throws ApiError 409 JobIdAlreadyExists, 400 JobLimitReached, or 400 InvalidArgument for a refused URI
   */
  CompletableFuture<ObjectNode> createImport(String id, String inputUri, String outputUri) {
    JobUris.Input input = uris.input(inputUri);
    JobUris.Output output = uris.output(outputUri);
    JobUris.checkDistinct(input, output);
    synchronized (this) {
      if (imports.containsKey(id)) {
        throw ApiError.digitalTwins(409, "JobIdAlreadyExists", "Provided Job ID already exists: " + id
            + ". Use Jobs_List API to view jobs that already exist.");
      }
      claimSlot();
      ImportJob job = new ImportJob(id, input, output, clock.instant());
      imports.put(id, job);
      return launch(job, imports, () -> importRunner.run(job));
    }
  }

  /**
   * Creates, stores and starts a delete job; the future holds the job as it was created ({@code notstarted}).
   *
   * @throws ApiError 400 ValidationFailed when the id is taken, 400 JobLimitReached while another job runs
   */
  CompletableFuture<ObjectNode> createDeletion(String id, Duration timeout) {
    synchronized (this) {
      if (deletions.containsKey(id)) {
        throw DigitalTwinsErrors.validationFailed("Operation-Id already exists.", List.of());
      }
      claimSlot();
      DeleteJob job = new DeleteJob(id, timeout, clock.instant());
      deletions.put(id, job);
      return launch(job, deletions, () -> deleteRunner.run(job));
    }
  }

  /** Stores a new job and then starts it; if it cannot be stored, it is forgotten and its slot freed. */
  private <J extends BulkJob> CompletableFuture<ObjectNode> launch(J job, Map<String, J> table, Runnable run) {
    active = job;
    ObjectNode created = job.toJson();
    return save(job).handle((stored, failure) -> {
      if (failure != null) {
        synchronized (this) {
          table.remove(job.id());
          job.fail("InternalServerError", "The job could not be stored.", clock.instant());
        }
        throw new CompletionException(failure);
      }
      start(job, run);
      return created;
    });
  }

  private void claimSlot() {
    if (active != null && active.isActive()) {
      throw ApiError.digitalTwins(400, "JobLimitReached", "Only one bulk job is supported at a time; job "
          + active.id() + " is " + active.status().wireName() + ".");
    }
  }

  /**
   * Hands the job to the job thread. If the hub is closing, the thread refuses it: the job then ends failed (which
   * frees the slot) and the request gets 503, rather than a job left waiting for ever.
   */
  private void start(BulkJob job, Runnable run) {
    try {
      executor.execute(() -> {
        try {
          run.run();
        } finally {
          if (job.isActive()) {
            LOG.warn("Bulk job {} ended in state {}", job.id(), job.status().wireName());
            job.fail("InternalServerError", "The job stopped unexpectedly.", clock.instant());
          }
          saveFinished(job);
        }
      });
    } catch (RejectedExecutionException e) {
      ApiError unavailable = ApiError.digitalTwins(503, "ServiceUnavailable",
          "The hub is shutting down; the job was not started.");
      job.fail(unavailable.code(), unavailable.getMessage(), clock.instant());
      // Best effort: the store may be closing too, and the job's failure is what the caller is told either way.
      save(job);
      throw unavailable;
    }
  }

  private void saveFinished(BulkJob job) {
    try {
      save(job).get(JobFailure.BATCH_TIMEOUT_MINUTES, TimeUnit.MINUTES);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("The final state of bulk job {} could not be stored", job.id(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Returns the import job {@code id}. */
  Optional<ImportJob> findImport(String id) {
    return Optional.ofNullable(imports.get(id));
  }

  /** Returns the delete job {@code id}. */
  Optional<DeleteJob> findDeletion(String id) {
    return Optional.ofNullable(deletions.get(id));
  }

  /** Returns up to {@code limit} import jobs ordered by id, after {@code after} (null: from the first). */
  List<ImportJob> listImports(String after, int limit) {
    return first(after == null ? imports : imports.tailMap(after, false), limit);
  }

  /** Returns up to {@code limit} delete jobs ordered by id, after {@code after} (null: from the first). */
  List<DeleteJob> listDeletions(String after, int limit) {
    return first(after == null ? deletions : deletions.tailMap(after, false), limit);
  }

  private static <T> List<T> first(NavigableMap<String, T> jobs, int limit) {
    List<T> result = new ArrayList<>(limit);
    for (T job : jobs.values()) {
      if (result.size() == limit) {
        break;
      }
      result.add(job);
    }
    return result;
  }

  /**
   * Asks an import job to stop after its current batch; a finished one is left as it is (the service answers with
   * it unchanged). Nothing already imported is rolled back. The future holds the job once its state is stored.
   */
  CompletableFuture<ObjectNode> cancelImport(ImportJob job) {
    job.requestCancel(clock.instant());
    ObjectNode state = job.toJson();
    return save(job).thenApply(stored -> state);
  }

  /**
   * Forgets the import job {@code id}, so that the id can be used again; an import under way continues. The future
   * holds whether the job existed.
   */
  CompletableFuture<Boolean> deleteImport(String id) {
    if (imports.remove(id) == null) {
      return CompletableFuture.completedFuture(false);
    }
    return store.write(tx -> tx.bulkJobs().delete(ImportJob.KIND, id));
  }

  /** Stops the job thread, interrupting a job under way (it ends failed), and waits for it briefly. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("The bulk job thread did not stop within {} seconds", SHUTDOWN_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
