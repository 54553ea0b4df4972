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
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's import and delete jobs. Jobs run one at a time on a single thread ({@code twin-hub-bulk-jobs}), as the
 * service allows only one bulk job at a time: creating a job while another is not finished is refused with 400
 * JobLimitReached. Jobs are kept in memory, by id, until deleted or the hub stops; what they imported or deleted is
 * in the store. Thread-safe.
 */
public final class BulkJobs implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BulkJobs.class);
  private static final long SHUTDOWN_SECONDS = 10;
  /** The delete-job time limit when the request names none, and the range a request may choose from. */
  static final Duration DEFAULT_DELETE_TIMEOUT = Duration.ofHours(12);
  static final Duration MIN_DELETE_TIMEOUT = Duration.ofMinutes(15);
  static final Duration MAX_DELETE_TIMEOUT = Duration.ofHours(24);

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
   * Creates the job runner.
   *
   * @param importDirectory the only directory {@code file:} URIs may name; it must exist
   */
  public BulkJobs(HubStore store, BulkOperations operations, Path importDirectory, Clock clock) {
    this.clock = clock;
    this.uris = new JobUris(importDirectory);
    this.importRunner = new ImportRunner(store, operations, clock);
    this.deleteRunner = new DeleteRunner(store, operations, clock);
    // One thread, and a queue that never holds more than the one job the slot admits.
    this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(2), runnable -> {
      Thread thread = new Thread(runnable, "twin-hub-bulk-jobs");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Creates and starts an import job, returning it as it was created ({@code notstarted}).
   *
   * @throws ApiError 409 JobIdAlreadyExists, 400 JobLimitReached, or 400 InvalidArgument for a refused URI
   */
  ObjectNode createImport(String id, String inputUri, String outputUri) {
    JobUris.Input input = uris.input(inputUri);
    JobUris.Output output = uris.output(outputUri);
    synchronized (this) {
      if (imports.containsKey(id)) {
        throw ApiError.digitalTwins(409, "JobIdAlreadyExists", "Provided Job ID already exists: " + id
            + ". Use Jobs_List API to view jobs that already exist.");
      }
      claimSlot();
      ImportJob job = new ImportJob(id, input, output, clock.instant());
      imports.put(id, job);
      ObjectNode created = job.toJson();
      start(job, () -> importRunner.run(job));
      return created;
    }
  }

  /**
   * Creates and starts a delete job, returning it as it was created ({@code notstarted}).
   *
   * @throws ApiError 400 ValidationFailed when the id is taken, 400 JobLimitReached while another job runs
   */
  ObjectNode createDeletion(String id, Duration timeout) {
    synchronized (this) {
      if (deletions.containsKey(id)) {
        throw DigitalTwinsErrors.validationFailed("Operation-Id already exists.", List.of());
      }
      claimSlot();
      DeleteJob job = new DeleteJob(id, timeout, clock.instant());
      deletions.put(id, job);
      ObjectNode created = job.toJson();
      start(job, () -> deleteRunner.run(job));
      return created;
    }
  }

  private void claimSlot() {
    if (active != null && active.isActive()) {
      throw ApiError.digitalTwins(400, "JobLimitReached", "Only one bulk job is supported at a time; job "
          + active.id() + " is " + active.status().wireName() + ".");
    }
  }

  private void start(BulkJob job, Runnable run) {
    active = job;
    executor.execute(() -> {
      try {
        run.run();
      } finally {
        if (job.isActive()) {
          LOG.warn("Bulk job {} ended in state {}", job.id(), job.status().wireName());
          job.fail("InternalServerError", "The job stopped unexpectedly.", clock.instant());
        }
      }
    });
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
   * it unchanged). Nothing already imported is rolled back.
   */
  void cancelImport(ImportJob job) {
    job.requestCancel(clock.instant());
  }

  /** Forgets the import job {@code id}, so that the id can be used again; an import under way continues. */
  boolean deleteImport(String id) {
    return imports.remove(id) != null;
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
