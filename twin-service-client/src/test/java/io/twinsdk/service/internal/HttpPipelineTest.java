package io.twinsdk.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.core.auth.ServiceConnectionString;
import io.twinsdk.service.AlreadyExistsException;
import io.twinsdk.service.HttpOptions;
import io.twinsdk.service.MatchConditions;
import io.twinsdk.service.NotFoundException;
import io.twinsdk.service.PreconditionFailedException;
import io.twinsdk.service.RetryOptions;
import io.twinsdk.service.ServiceException;
import io.twinsdk.service.ServiceTimeoutException;
import io.twinsdk.service.ThrottledException;
import io.twinsdk.service.UnauthorizedException;
import io.twinsdk.service.credential.AccessToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpPipelineTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final RetryOptions FAST_RETRIES = RetryOptions.builder().maxAttempts(3)
      .baseDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(20)).build();

  private MockWebServer server;
  private HttpPipeline pipeline;

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    if (pipeline != null) {
      pipeline.close();
    }
    server.shutdown();
  }

  private HttpPipeline pipeline(RetryOptions retry, Authorizer authorizer) {
    pipeline = HttpPipeline.create(HttpOptions.builder().retry(retry).attemptTimeout(Duration.ofSeconds(5)).build(),
        authorizer);
    return pipeline;
  }

  private HttpUrl url() {
    return server.url("/twins/d1?api-version=2021-04-12");
  }

  private String send(HttpPipeline p, String method) {
    HttpCall.Builder call = HttpCall.builder(method, url());
    if (!method.equals("GET") && !method.equals("DELETE")) {
      call.body("{}".getBytes(StandardCharsets.UTF_8), HttpCall.JSON);
    }
    return Await.result(p.send(call.build(), HttpResult::bodyText), WAIT);
  }

  @Test
  void serverErrorsOnAGetAreRetriedUntilSuccess() {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setResponseCode(500));
    server.enqueue(new MockResponse().setBody("ok"));

    String body = send(pipeline(FAST_RETRIES, Authorizer.NONE), "GET");

    assertThat(body).isEqualTo("ok");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void retriesStopAfterMaxAttemptsWithTheLastError() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setResponseCode(429)
          .setBody("{\"error\":{\"statusCode\":429,\"message\":\"Maximum request rate limit reached.\"}}"));
    }

    assertThatThrownBy(() -> send(pipeline(FAST_RETRIES, Authorizer.NONE), "GET"))
        .isInstanceOf(ThrottledException.class)
        .hasMessageContaining("Maximum request rate limit reached")
        .satisfies(e -> assertThat(((ServiceException) e).statusCode()).isEqualTo(429));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void retryAfterLongerThanTheTotalRetryTimeEndsRetrying() {
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "120"));
    server.enqueue(new MockResponse().setBody("never reached"));
    RetryOptions retry = RetryOptions.builder().maxAttempts(3).maxDelay(Duration.ofMinutes(5))
        .maxTotalTime(Duration.ofSeconds(30)).build();

    assertThatThrownBy(() -> send(pipeline(retry, Authorizer.NONE), "GET"))
        .isInstanceOf(ServiceException.class)
        .satisfies(e -> assertThat(((ServiceException) e).statusCode()).isEqualTo(503));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retryAfterZeroIsHonouredWithAnImmediateRetry() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "0"));
    server.enqueue(new MockResponse().setBody("ok"));
    RetryOptions slowBackoff = RetryOptions.builder().baseDelay(Duration.ofMinutes(1))
        .maxDelay(Duration.ofMinutes(1)).maxTotalTime(Duration.ofSeconds(50)).build();

    String body = send(pipeline(slowBackoff, Authorizer.NONE), "GET");

    assertThat(body).isEqualTo("ok");
  }

  @Test
  void retryAfterIsReadInSecondsMillisecondsAndHttpDates() {
    HttpResult seconds = new HttpResult(503, okhttp3.Headers.of("Retry-After", "7"), null);
    HttpResult millis = new HttpResult(503, okhttp3.Headers.of("x-ms-retry-after-ms", "250"), null);
    HttpResult date = new HttpResult(503, okhttp3.Headers.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"), null);
    HttpResult garbage = new HttpResult(503, okhttp3.Headers.of("Retry-After", "soon"), null);

    assertThat(HttpPipeline.retryAfter(seconds)).isEqualTo(Duration.ofSeconds(7));
    assertThat(HttpPipeline.retryAfter(millis)).isEqualTo(Duration.ofMillis(250));
    assertThat(HttpPipeline.retryAfter(date)).isEqualTo(Duration.ZERO);
    assertThat(HttpPipeline.retryAfter(garbage)).isNull();
  }

  @Test
  void unconditionalPostIsNotRetried() {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("must not be fetched"));

    assertThatThrownBy(() -> send(pipeline(FAST_RETRIES, Authorizer.NONE), "POST"))
        .isInstanceOf(ServiceException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void unconditionalPatchIsRetriedWhenTheCallerOptsIn() {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("ok"));
    RetryOptions optIn = RetryOptions.builder().baseDelay(Duration.ofMillis(1)).retryNonIdempotent(true).build();

    assertThat(send(pipeline(optIn, Authorizer.NONE), "PATCH")).isEqualTo("ok");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void conditionalPatchIsRetried() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(502));
    server.enqueue(new MockResponse().setBody("ok"));
    HttpCall call = HttpCall.builder("PATCH", url()).conditions(MatchConditions.ifMatch("\"e1\""))
        .body("{}".getBytes(StandardCharsets.UTF_8), HttpCall.JSON).build();

    String body = Await.result(pipeline(FAST_RETRIES, Authorizer.NONE).send(call, HttpResult::bodyText), WAIT);

    assertThat(body).isEqualTo("ok");
    server.takeRequest();
    assertThat(server.takeRequest().getHeader("If-Match")).isEqualTo("\"e1\"");
  }

  @Test
  void bearerTokenIsRefreshedOnceAfterA401() throws Exception {
    AtomicInteger issued = new AtomicInteger();
    BearerAuthorizer authorizer = new BearerAuthorizer(scope -> CompletableFuture.completedFuture(
        new AccessToken("token-" + issued.incrementAndGet(), Instant.now().plusSeconds(3600))),
        "https://digitaltwins.azure.net/.default", Clock.systemUTC());
    server.enqueue(new MockResponse().setResponseCode(401));
    server.enqueue(new MockResponse().setBody("ok"));

    String body = send(pipeline(RetryOptions.none(), authorizer), "GET");

    assertThat(body).isEqualTo("ok");
    assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer token-1");
    assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer token-2");
  }

  @Test
  void secondConsecutive401FailsAsUnauthorized() {
    BearerAuthorizer authorizer = new BearerAuthorizer(scope -> CompletableFuture.completedFuture(
        new AccessToken("t", Instant.now().plusSeconds(3600))), "scope", Clock.systemUTC());
    server.enqueue(new MockResponse().setResponseCode(401).setHeader("x-ms-error-code", "Unauthorized"));
    server.enqueue(new MockResponse().setResponseCode(401).setHeader("x-ms-error-code", "Unauthorized"));
    server.enqueue(new MockResponse().setBody("never"));

    assertThatThrownBy(() -> send(pipeline(FAST_RETRIES, authorizer), "GET"))
        .isInstanceOf(UnauthorizedException.class)
        .satisfies(e -> assertThat(((ServiceException) e).errorCode()).hasValue("Unauthorized"));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void cachedBearerTokenIsReusedAcrossRequests() throws Exception {
    AtomicInteger issued = new AtomicInteger();
    BearerAuthorizer authorizer = new BearerAuthorizer(scope -> CompletableFuture.completedFuture(
        new AccessToken("token-" + issued.incrementAndGet(), Instant.now().plusSeconds(3600))), "s",
        Clock.systemUTC());
    server.enqueue(new MockResponse().setBody("a"));
    server.enqueue(new MockResponse().setBody("b"));
    HttpPipeline p = pipeline(RetryOptions.none(), authorizer);

    send(p, "GET");
    send(p, "GET");

    assertThat(issued).hasValue(1);
    assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer token-1");
    assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer token-1");
  }

  @Test
  void bearerTokenCloseToExpiryIsRenewedBeforeUse() {
    AtomicInteger issued = new AtomicInteger();
    BearerAuthorizer authorizer = new BearerAuthorizer(scope -> CompletableFuture.completedFuture(
        new AccessToken("token-" + issued.incrementAndGet(), Instant.now().plusSeconds(60))), "s",
        Clock.systemUTC());

    String first = authorizer.authorization().join();
    String second = authorizer.authorization().join();

    assertThat(first).isEqualTo("Bearer token-1");
    assertThat(second).isEqualTo("Bearer token-2");
  }

  @Test
  void failingCredentialFailsTheCallAsUnauthorized() {
    BearerAuthorizer authorizer = new BearerAuthorizer(
        scope -> CompletableFuture.failedFuture(new IllegalStateException("no network")), "s", Clock.systemUTC());

    assertThatThrownBy(() -> send(pipeline(RetryOptions.none(), authorizer), "GET"))
        .isInstanceOf(UnauthorizedException.class)
        .hasMessageContaining("no network");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void sasTokenIsSignedForTheHubAndReusedUntilNearExpiry() throws Exception {
    ServiceConnectionString cs = ServiceConnectionString.parse(
        "HostName=hub.example.net;SharedAccessKeyName=iothubowner;SharedAccessKey=c29tZUtleQ==");
    SasAuthorizer authorizer = new SasAuthorizer(cs, Duration.ofHours(1), Clock.systemUTC());
    server.enqueue(new MockResponse().setBody("a"));
    server.enqueue(new MockResponse().setBody("b"));
    HttpPipeline p = pipeline(RetryOptions.none(), authorizer);

    send(p, "GET");
    send(p, "GET");

    String first = server.takeRequest().getHeader("Authorization");
    assertThat(first).startsWith("SharedAccessSignature ").contains("sr=hub.example.net").contains("skn=iothubowner");
    assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo(first);
  }

  @Test
  void preconditionFailedCarriesTheIotHubErrorCode() {
    server.enqueue(new MockResponse().setResponseCode(412).setBody(
        "{\"errorCode\":412001,\"trackingId\":\"abc123\",\"message\":\"etag in the request does not match\"}"));

    assertThatThrownBy(() -> send(pipeline(FAST_RETRIES, Authorizer.NONE), "PUT"))
        .isInstanceOf(PreconditionFailedException.class)
        .satisfies(e -> {
          ServiceException error = (ServiceException) e;
          assertThat(error.errorCode()).hasValue("412001");
          assertThat(error.requestId()).hasValue("abc123");
          assertThat(error.getMessage()).contains("etag in the request does not match");
        });
  }

  @Test
  void malformedSuccessBodyFailsWithATypedException() {
    server.enqueue(new MockResponse().setBody("{not json"));
    CompletableFuture<Object> result = pipeline(RetryOptions.none(), Authorizer.NONE)
        .send(HttpCall.builder("GET", url()).build(), JsonBodies::tree);

    assertThatThrownBy(() -> Await.result(result, WAIT))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("Malformed response to GET");
  }

  @Test
  void attemptTimeoutEndsInAServiceTimeout() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    pipeline = HttpPipeline.create(HttpOptions.builder().retry(RetryOptions.none())
        .attemptTimeout(Duration.ofMillis(300)).build(), Authorizer.NONE);

    assertThatThrownBy(() -> send(pipeline, "GET")).isInstanceOf(ServiceTimeoutException.class);
  }

  @Test
  void blockingWaitGivesUpAfterTheOperationTimeoutAndCancelsTheCall() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    CompletableFuture<String> pending = pipeline(RetryOptions.none(), Authorizer.NONE)
        .send(HttpCall.builder("GET", url()).build(), HttpResult::bodyText);

    assertThatThrownBy(() -> Await.result(pending, Duration.ofMillis(200)))
        .isInstanceOf(ServiceTimeoutException.class);
    assertThat(pending).isCancelled();
  }

  @Test
  void cancellingTheFutureCancelsTheCallAndTheClientStaysUsable() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(new MockResponse().setBody("next"));
    HttpPipeline p = pipeline(RetryOptions.none(), Authorizer.NONE);
    CompletableFuture<String> pending = p.send(HttpCall.builder("GET", url()).build(), HttpResult::bodyText);
    assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();

    pending.cancel(true);

    assertThatThrownBy(pending::join).isInstanceOf(CancellationException.class);
    assertThat(send(p, "GET")).isEqualTo("next");
  }

  @Test
  void connectionRefusedIsRetriedThenReported() throws IOException {
    HttpUrl dead = server.url("/x");
    server.shutdown();
    HttpPipeline p = pipeline(FAST_RETRIES, Authorizer.NONE);

    assertThatThrownBy(() -> Await.result(p.send(HttpCall.builder("POST", dead)
        .body(new byte[0], HttpCall.JSON).build(), HttpResult::bodyText), WAIT))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("after 3 attempt(s)");
  }

  @Test
  void resultsCompleteOnTheCallbackPoolNotOnOkHttpThreads() {
    server.enqueue(new MockResponse().setBody("ok"));

    String thread = Await.result(pipeline(RetryOptions.none(), Authorizer.NONE)
        .send(HttpCall.builder("GET", url()).build(), result -> Thread.currentThread().getName()), WAIT);

    assertThat(thread).startsWith("twin-service-callback-");
  }

  @Test
  void blockingViewCompletesOnTheOkHttpThreadAndItsCloseLeavesThePipelineOpen() {
    server.enqueue(new MockResponse().setBody("ok"));
    server.enqueue(new MockResponse().setBody("still open"));
    HttpPipeline p = pipeline(RetryOptions.none(), Authorizer.NONE);
    HttpPipeline blocking = p.forBlockingCallers();

    String thread = Await.result(blocking.send(HttpCall.builder("GET", url()).build(),
        result -> Thread.currentThread().getName()), WAIT);
    blocking.close();

    assertThat(thread).startsWith("OkHttp ");
    assertThat(send(p, "GET")).isEqualTo("still open");
  }

  @Test
  void everyRequestCarriesUserAgentClientRequestIdAndAcceptHeaders() throws Exception {
    server.enqueue(new MockResponse().setBody("ok"));

    send(pipeline(RetryOptions.none(), Authorizer.NONE), "GET");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeader("User-Agent")).startsWith("twinsdk-java-service-client/");
    assertThat(request.getHeader("x-ms-client-request-id")).matches("[0-9a-f-]{36}");
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    assertThat(request.getRequestUrl().queryParameter("api-version")).isEqualTo("2021-04-12");
  }

  @Test
  void userOkHttpClientIsUsedAndLeftOpenOnClose() throws Exception {
    server.enqueue(new MockResponse().setBody("ok"));
    server.enqueue(new MockResponse().setBody("again"));
    okhttp3.OkHttpClient user = new okhttp3.OkHttpClient.Builder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("X-User", "yes").build()))
        .build();
    HttpPipeline p = HttpPipeline.create(HttpOptions.builder().okHttpClient(user).retry(RetryOptions.none())
        .build(), Authorizer.NONE);

    send(p, "GET");
    p.close();

    assertThat(server.takeRequest().getHeader("X-User")).isEqualTo("yes");
    assertThat(user.dispatcher().executorService().isShutdown()).isFalse();
    assertThat(user.newCall(new okhttp3.Request.Builder().url(url()).build()).execute().body().string())
        .isEqualTo("again");
  }

  @Test
  void createOnlyPutIsNotRepeatedAfterAServerError() {
    server.enqueue(new MockResponse().setResponseCode(500));
    server.enqueue(new MockResponse().setResponseCode(409).setBody("{\"errorCode\":409001,\"message\":\"taken\"}"));
    HttpCall create = HttpCall.builder("PUT", url()).createOnly()
        .body("{}".getBytes(StandardCharsets.UTF_8), HttpCall.JSON).build();

    assertThatThrownBy(() -> Await.result(pipeline(FAST_RETRIES, Authorizer.NONE).send(create, HttpResult::bodyText),
        WAIT))
        .isNotInstanceOf(AlreadyExistsException.class)
        .satisfies(e -> assertThat(((ServiceException) e).statusCode()).isEqualTo(500));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void ifNoneMatchPutIsRepeatedWhenTheServiceSaysItDidNotActOnIt() {
    server.enqueue(new MockResponse().setResponseCode(429));
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "0"));
    server.enqueue(new MockResponse().setResponseCode(201).setBody("created"));
    HttpCall create = HttpCall.builder("PUT", url()).conditions(MatchConditions.ifNoneMatchAny())
        .body("{}".getBytes(StandardCharsets.UTF_8), HttpCall.JSON).build();

    String body = Await.result(pipeline(FAST_RETRIES, Authorizer.NONE).send(create, HttpResult::bodyText), WAIT);

    assertThat(body).isEqualTo("created");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void deleteIsNotRepeatedAfterAGatewayTimeout() {
    server.enqueue(new MockResponse().setResponseCode(504));
    server.enqueue(new MockResponse().setResponseCode(404));

    assertThatThrownBy(() -> send(pipeline(FAST_RETRIES, Authorizer.NONE), "DELETE"))
        .isNotInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((ServiceException) e).statusCode()).isEqualTo(504));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void tokenEndpointErrorFailsTheCallAsUnauthorizedWithoutTheEndpointsStatus() {
    ServiceException refused = new ServiceException("HTTP 400 invalid_client: bad secret", 400, "invalid_client",
        null, null);
    BearerAuthorizer authorizer = new BearerAuthorizer(scope -> CompletableFuture.failedFuture(refused), "s",
        Clock.systemUTC());

    assertThatThrownBy(() -> send(pipeline(RetryOptions.none(), authorizer), "GET"))
        .isInstanceOf(UnauthorizedException.class)
        .hasMessageContaining("HTTP 400 invalid_client")
        .hasCause(refused)
        .satisfies(e -> assertThat(((ServiceException) e).statusCode()).isZero())
        .satisfies(e -> assertThat(((ServiceException) e).errorCode()).hasValue("invalid_client"));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void callAfterCloseFailsAtOnceAsClosed() {
    HttpPipeline p = pipeline(FAST_RETRIES, Authorizer.NONE);
    p.close();

    assertThatThrownBy(() -> send(p, "GET"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void callInFlightAtCloseFailsOnTheClosingThreadNotOnAnOkHttpThread() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    HttpPipeline p = pipeline(RetryOptions.none(), Authorizer.NONE);
    CompletableFuture<String> future = p.send(HttpCall.builder("GET", url()).build(), HttpResult::bodyText);
    CompletableFuture<String> completedOn = future.handle((value, error) -> Thread.currentThread().getName());
    assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();

    p.close();

    assertThat(completedOn.get(10, TimeUnit.SECONDS)).isEqualTo(Thread.currentThread().getName());
    assertThatThrownBy(() -> Await.result(future, WAIT)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closeFailsACallWaitingForARetryAndEndsThePipelineThreads() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "600"));
    RetryOptions patient = RetryOptions.builder().maxAttempts(3).maxDelay(Duration.ofHours(1))
        .maxTotalTime(Duration.ofHours(1)).build();
    HttpPipeline p = pipeline(patient, Authorizer.NONE);
    CompletableFuture<String> waiting = p.send(HttpCall.builder("GET", url()).build(), HttpResult::bodyText);
    assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();

    p.close();

    assertThatThrownBy(() -> Await.result(waiting, WAIT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    // Only the pipeline's own threads: OkHttp's TaskRunner threads are shared by every client of the process.
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String name = thread.getName();
      if (!before.contains(thread) && (name.startsWith("twin-service-") || name.startsWith("OkHttp Dispatcher")
          || name.startsWith("OkHttp http"))) {
        thread.join(WAIT.toMillis());
        assertThat(thread.isAlive()).as("thread %s after close", name).isFalse();
      }
    }
  }
}
