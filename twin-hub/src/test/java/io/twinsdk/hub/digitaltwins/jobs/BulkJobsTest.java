package io.twinsdk.hub.digitaltwins.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.hub.bus.ChangeBus;
import io.twinsdk.hub.http.ApiError;
import io.twinsdk.hub.store.StoreTransaction;
import io.twinsdk.hub.store.sqlite.SqliteHubStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-job-at-a-time rule and cancellation, with operations that hold the first twin until the test lets go. */
class BulkJobsTest {

  @TempDir
  Path data;
  SqliteHubStore store;
  BulkJobs jobs;
  final HeldOperations operations = new HeldOperations();
  String output;

  @BeforeEach
  void open() throws Exception {
    store = SqliteHubStore.open(data.resolve("db"), new ChangeBus(), 1);
    Files.createDirectories(data.resolve("imports"));
    jobs = new BulkJobs(store, operations, data.resolve("imports"), Clock.systemUTC());
    output = data.resolve("imports/out.ndjson").toUri().toString();
  }

  @AfterEach
  void close() {
    operations.release.countDown();
    jobs.close();
    store.close();
  }

  private String file(int twins) throws Exception {
    StringBuilder file = new StringBuilder("{\"Section\": \"Header\"}\n{}\n{\"Section\": \"Twins\"}\n");
    for (int i = 0; i < twins; i++) {
      file.append("{\"$dtId\":\"t").append(i).append("\",\"$metadata\":{\"$model\":\"dtmi:x:y;1\"}}\n");
    }
    return Files.writeString(data.resolve("imports/in-" + twins + ".ndjson"), file).toUri().toString();
  }

  private JobStatus awaitEnd(BulkJob job) throws InterruptedException {
    for (int i = 0; i < 1_000 && job.isActive(); i++) {
      Thread.sleep(10);
    }
    return job.status();
  }

  @Test
  void secondJobWhileOneRunsIsRefusedWithJobLimitReached() throws Exception {
    jobs.createImport("first", file(1), output).get(10, TimeUnit.SECONDS);
    assertThat(operations.entered.await(10, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> jobs.createImport("second", file(1), output))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("JobLimitReached"));
    assertThatThrownBy(() -> jobs.createDeletion("wipe", Duration.ofMinutes(15)))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("JobLimitReached"));

    operations.release.countDown();
    assertThat(awaitEnd(jobs.findImport("first").orElseThrow())).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(jobs.createImport("second", file(1), output).get(10, TimeUnit.SECONDS).get("status").asText())
        .isEqualTo("notstarted");
  }

  @Test
  void cancelStopsARunningImportAfterTheBatchUnderWay() throws Exception {
    jobs.createImport("big", file(ImportRunner.BATCH + 1), output).get(10, TimeUnit.SECONDS);
    assertThat(operations.entered.await(10, TimeUnit.SECONDS)).isTrue();
    ImportJob job = jobs.findImport("big").orElseThrow();

    // The store's writer is busy with the held batch, so the cancel is stored once that batch commits.
    CompletableFuture<ObjectNode> cancelled = jobs.cancelImport(job);
    operations.release.countDown();
    assertThat(cancelled.get(10, TimeUnit.SECONDS).get("status").asText()).isEqualTo("cancelling");

    assertThat(awaitEnd(job)).isEqualTo(JobStatus.CANCELLED);
    assertThat(operations.twins.get()).isEqualTo(ImportRunner.BATCH);
    assertThat(Files.readString(Path.of(java.net.URI.create(output)))).contains("{\"status\":\"Cancelled\"}");
  }

  @Test
  void cancellingAFinishedJobLeavesItAsItIs() throws Exception {
    operations.release.countDown();
    jobs.createImport("done", file(1), output).get(10, TimeUnit.SECONDS);
    ImportJob job = jobs.findImport("done").orElseThrow();
    assertThat(awaitEnd(job)).isEqualTo(JobStatus.SUCCEEDED);

    jobs.cancelImport(job).get(10, TimeUnit.SECONDS);

    assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void jobsSurviveARestartAndOneCutShortEndsFailed() throws Exception {
    operations.release.countDown();
    jobs.createImport("kept", file(1), output).get(10, TimeUnit.SECONDS);
    assertThat(awaitEnd(jobs.findImport("kept").orElseThrow())).isEqualTo(JobStatus.SUCCEEDED);
    ImportJob cutShort = new ImportJob("cut", JobUris.remembered("file:///in"),
        new JobUris.Output("file:///out", null), java.time.Instant.now());
    cutShort.start(java.time.Instant.now());
    store.write(tx -> {
      tx.bulkJobs().put(ImportJob.KIND, "cut", cutShort.toJson());
      return null;
    }).get(10, TimeUnit.SECONDS);
    jobs.close();

    jobs = new BulkJobs(store, operations, data.resolve("imports"), Clock.systemUTC());

    assertThat(jobs.findImport("kept").orElseThrow().toJson().get("status").asText()).isEqualTo("succeeded");
    ImportJob restored = jobs.findImport("cut").orElseThrow();
    assertThat(restored.status()).isEqualTo(JobStatus.FAILED);
    assertThat(restored.toJson().at("/error/message").asText()).contains("stopped while the job ran");
    assertThat(jobs.deleteImport("kept").get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(new BulkJobs(store, operations, data.resolve("imports"), Clock.systemUTC()).findImport("kept"))
        .isEmpty();
  }

  @Test
  void jobCreatedAfterCloseFailsWith503AndFreesTheSlot() throws Exception {
    String input = file(1);
    jobs.close();

    assertThatThrownBy(() -> jobs.createImport("late", input, output).get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ApiError.class)
        .cause().satisfies(e -> {
          assertThat(((ApiError) e).status()).isEqualTo(503);
          assertThat(((ApiError) e).code()).isEqualTo("ServiceUnavailable");
        });

    assertThat(jobs.findImport("late").orElseThrow().status()).isEqualTo(JobStatus.FAILED);
    assertThatThrownBy(() -> jobs.createDeletion("wipe", Duration.ofMinutes(15)).get(10, TimeUnit.SECONDS))
        .cause().isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("ServiceUnavailable"));
  }

  @Test
  void outputLogNamingTheInputFileIsRefusedAndTheInputKept() throws Exception {
    String input = file(1);
    String before = Files.readString(Path.of(java.net.URI.create(input)));

    assertThatThrownBy(() -> jobs.createImport("same", input, input))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.code()).isEqualTo("InvalidArgument");
        });

    assertThat(jobs.findImport("same")).isEmpty();
    assertThat(Files.readString(Path.of(java.net.URI.create(input)))).isEqualTo(before);
  }

  /** Counts twins and holds the first one until {@link #release} opens. */
  static final class HeldOperations implements BulkOperations {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger twins = new AtomicInteger();

    @Override
    public void addModels(StoreTransaction transaction, List<JsonNode> models) {
      throw new UnsupportedOperationException("no models in these files");
    }

    @Override
    public void putTwin(StoreTransaction transaction, JsonNode twin) {
      entered.countDown();
      try {
        if (!release.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      twins.incrementAndGet();
    }

    @Override
    public void putRelationship(StoreTransaction transaction, JsonNode relationship) {
      throw new UnsupportedOperationException("no relationships in these files");
    }

    @Override
    public void modelsDeleted(StoreTransaction transaction) {
      throw new UnsupportedOperationException("no delete jobs here");
    }
  }
}
