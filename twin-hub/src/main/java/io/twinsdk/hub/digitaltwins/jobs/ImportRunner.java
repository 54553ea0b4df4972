package io.twinsdk.hub.digitaltwins.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.bulk.ImportEntry;
import io.twinsdk.core.bulk.ImportFileReader;
import io.twinsdk.core.bulk.ImportFormatException;
import io.twinsdk.core.bulk.ImportSection;
import io.twinsdk.hub.http.ApiError;
import io.twinsdk.hub.store.HubStore;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one import job on the bulk-job thread: streams the NDJSON file with twin-core's {@link ImportFileReader},
 * adds the models as one all-or-nothing batch, then writes twins and relationships in batches of
 * {@value #BATCH} entities per store transaction (so memory stays bounded and group commit keeps up), logging each
 * section's start and end and every refused entity to the output log.
 *
 * <p>A refused twin or relationship is logged and skipped; the job then ends {@code failed}, having imported
 * everything else (the service's jobs are not atomic either). Refused models, an unreadable file or a format error
 * end the job at once. Cancellation is checked between batches; nothing already written is rolled back.
 */
final class ImportRunner {

  static final int BATCH = 1000;

  private final HubStore store;
  private final JobUris uris;
  private final BulkOperations operations;
  private final Clock clock;

  ImportRunner(HubStore store, JobUris uris, BulkOperations operations, Clock clock) {
    this.store = store;
    this.uris = uris;
    this.operations = operations;
    this.clock = clock;
  }

  /** Runs {@code job} to its end; never throws. */
  void run(ImportJob job) {
    if (!job.start(clock.instant())) {
      return;
    }
    try (OutputLog log = OutputLog.create(uris.openOutput(job.output(), job.input()), job.id(), clock)) {
      log.info(OutputLog.status("Started"));
      Outcome outcome = importFile(job, log);
      switch (outcome) {
        case SUCCEEDED -> {
          log.info(OutputLog.status("Succeeded"));
          job.moveTo(JobStatus.SUCCEEDED, clock.instant());
        }
        case CANCELLED -> {
          log.info(OutputLog.status("Cancelled"));
          job.moveTo(JobStatus.CANCELLED, clock.instant());
        }
        case FAILED -> log.info(OutputLog.status("Failed"));
      }
    } catch (IOException e) {
      job.fail("InvalidArgument", "The output log " + job.output().uri() + " could not be written: " + e.getMessage(),
          clock.instant());
    } catch (RuntimeException e) {
      job.fail("InternalServerError", "The import failed: " + e, clock.instant());
    }
  }

  private enum Outcome { SUCCEEDED, FAILED, CANCELLED }

  private Outcome importFile(ImportJob job, OutputLog log) throws IOException {
    Progress progress = new Progress(job, log);
    try (ImportFileReader reader = ImportFileReader.open(job.input().open())) {
      reader.header();
      while (reader.hasNext()) {
        ImportEntry entry = reader.next();
        if (!progress.accept(entry)) {
          return Outcome.CANCELLED;
        }
      }
      if (!progress.finish()) {
        return Outcome.CANCELLED;
      }
    } catch (ImportFormatException e) {
      log.error(OutputLog.status("Failed").put("message", e.getMessage()));
      job.fail("ValidationFailed", "The input file is not a valid import file: " + e.getMessage(), clock.instant());
      return Outcome.FAILED;
    } catch (IOException e) {
      log.error(OutputLog.status("Failed").put("message", e.getMessage()));
      job.fail("InvalidArgument", "The input " + job.input().uri() + " could not be read: " + e.getMessage(),
          clock.instant());
      return Outcome.FAILED;
    } catch (JobFailure e) {
      job.fail(e.code(), e.getMessage(), clock.instant());
      return Outcome.FAILED;
    }
    if (progress.refused > 0) {
      job.fail("ValidationFailed", progress.refused + " entities could not be imported; the output log "
          + job.output().uri() + " lists each with its reason.", clock.instant());
      return Outcome.FAILED;
    }
    return Outcome.SUCCEEDED;
  }

  /** The section being read and the entries waiting to be written. */
  private final class Progress {
    private final ImportJob job;
    private final OutputLog log;
    private ImportSection section;
    private final List<ImportEntry> pending = new ArrayList<>();
    /** The batch being committed while the next one is read; at most one. */
    private CompletableFuture<List<Refusal>> inFlight;
    private long refused;

    Progress(ImportJob job, OutputLog log) {
      this.job = job;
      this.log = log;
    }

    /** Takes one entry; returns false when the job was cancelled. */
    boolean accept(ImportEntry entry) throws IOException {
      if (entry.section() != section) {
        if (!finishSection()) {
          return false;
        }
        section = entry.section();
        log.info(OutputLog.section(section.sectionName(), "Started"));
      }
      pending.add(entry);
      // Models stay together: a batch of models is resolved as a whole, references across it included.
      if (section != ImportSection.MODELS && pending.size() >= BATCH) {
        return flush();
      }
      return true;
    }

    boolean finish() throws IOException {
      return finishSection();
    }

    private boolean finishSection() throws IOException {
      if (section == null) {
        return true;
      }
      if (!flush()) {
        return false;
      }
      awaitInFlight();
      log.info(OutputLog.section(section.sectionName(), "Succeeded"));
      return true;
    }

    private boolean flush() throws IOException {
      if (job.cancelRequested()) {
        awaitInFlight();
        return false;
      }
      if (pending.isEmpty()) {
        return true;
      }
      List<ImportEntry> batch = List.copyOf(pending);
      pending.clear();
      ImportSection batchSection = section;
      // The entities' own copies are made here rather than on the store's single writer thread.
      List<JsonNode> values = batch.stream().map(ImportEntry::value).toList();
      if (batchSection == ImportSection.MODELS) {
        try {
          JobFailure.await(store.write(tx -> {
            operations.addModels(tx, values);
            return null;
          }));
        } catch (ApiError e) {
          log.error(refusal(batch.get(0), e));
          throw new JobFailure(e.code(), "The models could not be added: " + e.getMessage());
        }
        return true;
      }
      // One batch commits while the next is read and parsed; the writer keeps them in order, so relationships
      // always see the twins of earlier batches.
      awaitInFlight();
      if (job.cancelRequested()) {
        return false;
      }
      inFlight = store.write(tx -> {
        List<Refusal> refused = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
          try {
            if (batchSection == ImportSection.TWINS) {
              operations.putTwin(tx, values.get(i));
            } else {
              operations.putRelationship(tx, values.get(i));
            }
          } catch (ApiError e) {
            refused.add(new Refusal(batch.get(i), e));
          }
        }
        return refused;
      });
      return true;
    }

    /** Waits for the batch being committed, if any, and logs the entities it refused. */
    private void awaitInFlight() throws IOException {
      if (inFlight == null) {
        return;
      }
      List<Refusal> refusals = JobFailure.await(inFlight);
      inFlight = null;
      for (Refusal refusal : refusals) {
        log.error(refusal(refusal.entry(), refusal.error()));
      }
      refused += refusals.size();
    }

    private ObjectNode refusal(ImportEntry entry, ApiError error) {
      return OutputLog.section(entry.section().sectionName(), "Failed").put("line", entry.lineNumber())
          .put("code", error.code()).put("message", error.getMessage());
    }
  }

  private record Refusal(ImportEntry entry, ApiError error) {}
}
