package io.twinsdk.service.digitaltwins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.service.AlreadyExistsException;
import io.twinsdk.service.HttpOptions;
import io.twinsdk.service.Response;
import io.twinsdk.service.RetryOptions;
import io.twinsdk.service.ServiceException;
import io.twinsdk.service.credential.StaticTokenCredential;
import io.twinsdk.service.internal.Await;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The async Digital Twins client's retries of creates and jobs, and its polls, against a mock server. */
class DigitalTwinsAsyncClientTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String RUNNING_IMPORT = "{\"id\":\"job1\",\"status\":\"running\","
      + "\"inputBlobUri\":\"https://example.blob.core.windows.net/in.ndjson\","
      + "\"outputBlobUri\":\"https://example.blob.core.windows.net/out.log\"}";

  private MockWebServer server;
  private ExecutorService callbacks;
  private DigitalTwinsAsyncClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    // One callback thread, so that a task queued after a completion runs after it.
    callbacks = Executors.newSingleThreadExecutor();
    client = new DigitalTwinsClientBuilder()
        .endpoint(server.url("/").toString())
        .credential(new StaticTokenCredential("test-token"))
        .httpOptions(HttpOptions.builder().callbackExecutor(callbacks)
            .retry(RetryOptions.builder().maxAttempts(3).baseDelay(Duration.ofMillis(1))
                .maxDelay(Duration.ofMillis(20)).build())
            .build())
        .buildAsyncClient();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    callbacks.shutdown();
    assertThat(callbacks.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    server.shutdown();
  }

  @Test
  void createDeleteJobReturnsTheJobWhenItsRetryFindsTheOperationIdTaken() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(502));
    server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":{\"code\":\"ValidationFailed\","
        + "\"message\":\"Operation-Id already exists.\"}}"));
    server.enqueue(new MockResponse().setBody("{\"id\":\"op\",\"status\":\"running\"}"));

    Response<DeleteJob> created = Await.result(client.createDeleteJobWithResponse(), WAIT);

    String operationId = server.takeRequest().getHeader("operation-id");
    assertThat(server.takeRequest().getHeader("operation-id")).isEqualTo(operationId);
    RecordedRequest read = server.takeRequest();
    assertThat(read.getMethod()).isEqualTo("GET");
    assertThat(read.getRequestUrl().pathSegments()).containsExactly("jobs", "deletions", operationId);
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.value().status()).isEqualTo("running");
  }

  @Test
  void createImportJobIsNotRepeatedAfterAServerError() {
    server.enqueue(new MockResponse().setResponseCode(500));
    server.enqueue(new MockResponse().setResponseCode(409).setBody("{\"error\":{\"code\":\"JobIdAlreadyExists\","
        + "\"message\":\"Provided Job ID already exists: job1.\"}}"));

    assertThatThrownBy(() -> Await.result(client.createImportJob("job1",
        URI.create("https://example.blob.core.windows.net/in.ndjson"),
        URI.create("https://example.blob.core.windows.net/out.log")), WAIT))
        .isNotInstanceOf(AlreadyExistsException.class)
        .satisfies(e -> assertThat(((ServiceException) e).statusCode()).isEqualTo(500));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void cancellingAPollRemovesItsScheduledNextRead() throws Exception {
    CompletableFuture<ImportJob> poll = pollWaitingForItsNextRead();

    poll.cancel(true);

    assertThat(((ScheduledThreadPoolExecutor) client.pipeline().scheduler()).getQueue()).isEmpty();
  }

  @Test
  void closeFailsAPollWaitingForItsNextRead() throws Exception {
    CompletableFuture<ImportJob> poll = pollWaitingForItsNextRead();

    client.close();

    assertThatThrownBy(() -> Await.result(poll, WAIT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  /** Starts a poll with an hour between reads and returns once its first read scheduled the second. */
  private CompletableFuture<ImportJob> pollWaitingForItsNextRead() throws Exception {
    server.enqueue(new MockResponse().setBody(RUNNING_IMPORT));
    CountDownLatch firstRead = new CountDownLatch(1);
    CompletableFuture<ImportJob> poll = client.pollImportJob("job1", Duration.ofHours(1), Duration.ofHours(2),
        job -> firstRead.countDown());
    assertThat(firstRead.await(10, TimeUnit.SECONDS)).isTrue();
    // The read's completion, which schedules the next read after reporting progress, has ended once this has run.
    callbacks.submit(() -> { }).get(10, TimeUnit.SECONDS);
    assertThat(((ScheduledThreadPoolExecutor) client.pipeline().scheduler()).getQueue()).hasSize(1);
    return poll;
  }
}
