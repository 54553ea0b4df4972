package io.twinsdk.service.internal;

import io.twinsdk.service.HttpOptions;
import io.twinsdk.service.RetryOptions;
import io.twinsdk.service.ServiceException;
import io.twinsdk.service.ServiceTimeoutException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline sends {@link HttpCall}s with OkHttp: it adds the common headers and the authorization, retries what
 * is safe to retry, maps error responses to typed exceptions, logs each attempt without secrets, and completes the
 * caller's future on the callback executor, never on an OkHttp I/O thread.
 *
 * <p>Threads: OkHttp's dispatcher runs the I/O; one scheduler thread waits out retry delays; the callback executor
 * (the caller's, or a pool of {@link HttpOptions#callbackThreads()} daemon threads with a queue of 10,000) parses
 * bodies and completes futures. When that queue is full, completion runs on the I/O thread, which slows intake
 * rather than dropping results. {@link #close()} releases all of them and fails every call and poll still pending
 * with an {@link IllegalStateException}, on the thread that called {@code close()}; calls sent afterwards fail at
 * once the same way.
 */
public final class HttpPipeline implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HttpPipeline.class);
  private static final Set<Integer> RETRIABLE_STATUS = Set.of(408, 429, 500, 502, 503, 504);
  private static final int CALLBACK_QUEUE = 10_000;
  private static final String USER_AGENT = "twinsdk-java-service-client/0.1.0 (Java "
      + System.getProperty("java.version") + "; " + System.getProperty("os.name") + ")";

  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final Authorizer authorizer;
  private final RetryOptions retry;
  private final Executor callbacks;
  private final ExecutorService ownCallbacks;
  private final ScheduledExecutorService scheduler;
  private final Duration operationTimeout;
  private final boolean view;
  private final AtomicBoolean closed;
  private final Set<CompletableFuture<?>> pending;

  private HttpPipeline(HttpOptions options, Authorizer authorizer) {
    OkHttpClient.Builder builder;
    this.ownsHttp = options.okHttpClient().isEmpty();
    if (ownsHttp) {
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequests(options.maxConcurrentRequests());
      dispatcher.setMaxRequestsPerHost(options.maxConcurrentRequests());
      builder = new OkHttpClient.Builder().dispatcher(dispatcher)
          .connectionPool(new ConnectionPool(Math.min(options.maxConcurrentRequests(), 64), 5, TimeUnit.MINUTES));
    } else {
      builder = options.okHttpClient().get().newBuilder();
    }
    builder.connectTimeout(options.connectTimeout())
        .readTimeout(options.attemptTimeout())
        .writeTimeout(options.attemptTimeout())
        .callTimeout(options.attemptTimeout());
    options.trustedCertificate().ifPresent(pem -> TlsTrust.trustOnly(builder, pem));
    this.http = builder.build();
    this.authorizer = authorizer;
    this.retry = options.retry();
    this.operationTimeout = options.operationTimeout();
    this.view = false;
    this.closed = new AtomicBoolean();
    this.pending = ConcurrentHashMap.newKeySet();
    if (options.callbackExecutor().isPresent()) {
      this.ownCallbacks = null;
      this.callbacks = options.callbackExecutor().get();
    } else {
      ThreadPoolExecutor pool = new ThreadPoolExecutor(options.callbackThreads(), options.callbackThreads(), 30,
          TimeUnit.SECONDS, new LinkedBlockingQueue<>(CALLBACK_QUEUE), daemonThreads("twin-service-callback"));
      pool.allowCoreThreadTimeOut(true);
      this.ownCallbacks = pool;
      this.callbacks = pool;
    }
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemonThreads("twin-service-retry"));
    timer.setRemoveOnCancelPolicy(true);
    this.scheduler = timer;
  }

  /** A view of {@code shared} that completes results on {@code callbacks}; it owns nothing of its own. */
  private HttpPipeline(HttpPipeline shared, Executor callbacks) {
    this.http = shared.http;
    this.ownsHttp = false;
    this.authorizer = shared.authorizer;
    this.retry = shared.retry;
    this.callbacks = callbacks;
    this.ownCallbacks = null;
    this.scheduler = shared.scheduler;
    this.operationTimeout = shared.operationTimeout;
    this.view = true;
    this.closed = shared.closed;
    this.pending = shared.pending;
  }

  /** Creates a pipeline with its own OkHttp client (or one derived from the caller's) and threads. */
  public static HttpPipeline create(HttpOptions options, Authorizer authorizer) {
    return new HttpPipeline(options, authorizer);
  }

  /**
   * Returns a view of this pipeline for blocking callers: it shares the connections, threads and credentials but
   * completes results directly on the OkHttp thread that read the response, which saves a thread hand-off per
   * call. Only parsing and waking the waiting caller run there, so it must not be handed to user callbacks.
   * Closing the view does not close this pipeline; close this one.
   */
  public HttpPipeline forBlockingCallers() {
    return new HttpPipeline(this, Runnable::run);
  }

  /** Returns how long blocking calls wait for a result. */
  public Duration operationTimeout() {
    return operationTimeout;
  }

  /** Returns the scheduler that pollers use to wait between polls. */
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /** Returns the executor that completes results. */
  Executor callbacks() {
    return callbacks;
  }

  /**
   * Sends {@code call} and parses a successful response with {@code parse} on the callback executor. Cancelling
   * the returned future cancels the HTTP call and any pending retry.
   *
   * @return a future completed with the parsed value, or exceptionally with a {@link ServiceException}
   */
  public <T> CompletableFuture<T> send(HttpCall call, Function<HttpResult, T> parse) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(new IllegalStateException("The client is closed"));
    }
    Exchange<T> exchange = new Exchange<>(call, parse);
    track(exchange.future);
    exchange.attempt();
    return exchange.future;
  }

  /**
   * Registers {@code future} (such as a poll's) so that {@link #close()} fails it if it has not completed by then;
   * fails it at once when the pipeline is already closed.
   */
  public void track(CompletableFuture<?> future) {
    pending.add(future);
    future.whenComplete((ignored, error) -> pending.remove(future));
    // Checked after adding, so that a concurrent close() either sees the future or is seen here.
    if (closed.get()) {
      future.completeExceptionally(new IllegalStateException("The client is closed"));
    }
  }

  /**
   * Stops the threads and, when the OkHttp client is the pipeline's own, its dispatcher and pool, then fails every
   * pending call and poll with an {@link IllegalStateException} on the calling thread. Idempotent; does nothing on a
   * view from {@link #forBlockingCallers()}.
   */
  @Override
  public void close() {
    if (view || !closed.compareAndSet(false, true)) {
      return;
    }
    scheduler.shutdownNow();
    if (ownCallbacks != null) {
      ownCallbacks.shutdown();
    }
    if (ownsHttp) {
      http.dispatcher().cancelAll();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    for (CompletableFuture<?> future : pending) {
      future.completeExceptionally(new IllegalStateException("The client was closed before the call completed"));
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** One logical request across its attempts. */
  private final class Exchange<T> implements Callback {
    final HttpCall call;
    final Function<HttpResult, T> parse;
    final String clientRequestId = UUID.randomUUID().toString();
    final long startNanos = System.nanoTime();
    final CompletableFuture<T> future = new CompletableFuture<>();
    volatile Call current;
    volatile ScheduledFuture<?> pendingRetry;
    volatile String sentAuthorization;
    volatile long attemptStartNanos;
    int attempts;
    boolean reauthorized;

    Exchange(HttpCall call, Function<HttpResult, T> parse) {
      this.call = call;
      this.parse = parse;
      future.whenComplete((value, error) -> {
        if (future.isCancelled() || closed.get()) {
          Call inFlight = current;
          if (inFlight != null) {
            inFlight.cancel();
          }
          ScheduledFuture<?> retry = pendingRetry;
          if (retry != null) {
            retry.cancel(false);
          }
        }
      });
    }

    void attempt() {
      if (future.isDone()) {
        return;
      }
      attempts++;
      authorizer.authorization().whenComplete((authorization, error) -> {
        if (error != null) {
          fail(Futures.unwrap(error));
          return;
        }
        sentAuthorization = authorization;
        Call httpCall;
        try {
          httpCall = http.newCall(request(authorization));
        } catch (RuntimeException e) {
          fail(e);
          return;
        }
        current = httpCall;
        attemptStartNanos = System.nanoTime();
        if (future.isDone()) {
          httpCall.cancel();
          return;
        }
        httpCall.enqueue(this);
      });
    }

    Request request(String authorization) {
      Request.Builder builder = new Request.Builder().url(call.url())
          .headers(call.headers())
          .header("User-Agent", USER_AGENT)
          .header("x-ms-client-request-id", clientRequestId)
          .header("Accept", "application/json");
      if (authorization != null) {
        builder.header("Authorization", authorization);
      }
      RequestBody body = call.body() == null
          ? (requiresBody(call.method()) ? RequestBody.create(new byte[0], null) : null)
          : RequestBody.create(call.body(), call.contentType());
      return builder.method(call.method(), body).build();
    }

    @Override
    public void onResponse(Call httpCall, okhttp3.Response response) {
      HttpResult result;
      try (ResponseBody body = response.body()) {
        result = new HttpResult(response.code(), response.headers(), body == null ? null : body.bytes());
      } catch (IOException e) {
        onFailure(httpCall, e);
        return;
      }
      log(result.status(), null);
      int status = result.status();
      if (status == 401 && !reauthorized && sentAuthorization != null && authorizer.invalidate(sentAuthorization)) {
        reauthorized = true;
        attempts--;
        attempt();
        return;
      }
      Duration serverDelay = retryAfter(result);
      if (RETRIABLE_STATUS.contains(status) && (notActedOn(status, serverDelay) || mayRetry())
          && scheduleRetry(serverDelay)) {
        return;
      }
      if (status >= 400) {
        fail(ErrorMapper.toException(result, clientRequestId));
        return;
      }
      complete(result);
    }

    @Override
    public void onFailure(Call httpCall, IOException e) {
      if (future.isDone() || httpCall.isCanceled() && future.isCancelled()) {
        return;
      }
      log(0, e);
      boolean neverSent = e instanceof ConnectException;
      if ((neverSent || mayRetry()) && scheduleRetry(null)) {
        return;
      }
      String what = call.method() + " " + Redaction.url(call.url());
      if (e instanceof InterruptedIOException) {
        fail(new ServiceTimeoutException("No response to " + what + " after " + attempts + " attempt(s): "
            + e.getMessage(), clientRequestId, e));
      } else {
        fail(new ServiceException("Connection failed for " + what + " after " + attempts + " attempt(s): " + e,
            0, null, clientRequestId, e));
      }
    }

    boolean mayRetry() {
      return call.idempotent() || retry.retryNonIdempotent();
    }

    /**
     * Whether the status says that the service did not act on the request, so that even a call that is not
     * idempotent may be repeated: 408 (the request did not arrive in time), 429 (throttled) and 503 with a
     * {@code Retry-After} (unavailable). Other 5xx may come after the service applied the request.
     */
    boolean notActedOn(int status, Duration serverDelay) {
      return status == 408 || status == 429 || status == 503 && serverDelay != null;
    }

    /** Schedules the next attempt after {@code serverDelay} or a backoff; false when attempts or time ran out. */
    boolean scheduleRetry(Duration serverDelay) {
      if (attempts >= retry.maxAttempts() || future.isDone()) {
        return false;
      }
      Duration delay = serverDelay != null ? min(serverDelay, retry.maxDelay()) : backoff();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
      if (elapsed.plus(delay).compareTo(retry.maxTotalTime()) > 0) {
        return false;
      }
      try {
        pendingRetry = scheduler.schedule(this::attempt, delay.toNanos(), TimeUnit.NANOSECONDS);
        return true;
      } catch (RejectedExecutionException closed) {
        return false;
      }
    }

    Duration backoff() {
      long base = retry.baseDelay().toNanos();
      long cap = retry.maxDelay().toNanos();
      long exponential = base << Math.min(attempts - 1, 30);
      long ceiling = exponential <= 0 || exponential > cap ? cap : exponential;
      // "Equal jitter": at least half the backoff, so retries never hammer back at once, at most all of it.
      long half = ceiling / 2;
      return Duration.ofNanos(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
    }

    void complete(HttpResult result) {
      deliver(() -> {
        T value;
        try {
          value = parse.apply(result);
        } catch (RuntimeException e) {
          future.completeExceptionally(e instanceof ServiceException ? e
              : new ServiceException("Malformed response to " + call.method() + " " + Redaction.url(call.url())
                  + ": " + e.getMessage(), result.status(), null, clientRequestId, e));
          return;
        }
        future.complete(value);
      });
    }

    void fail(Throwable error) {
      deliver(() -> future.completeExceptionally(error));
    }

    void deliver(Runnable completion) {
      try {
        callbacks.execute(completion);
      } catch (RejectedExecutionException busyOrClosed) {
        if (closed.get()) {
          // close() fails the future on its own thread; never run user stages on an I/O thread after close.
          return;
        }
        completion.run();
      }
    }

    void log(int status, IOException failure) {
      if (!LOG.isDebugEnabled()) {
        return;
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - attemptStartNanos);
      if (failure == null) {
        LOG.debug("{} {} -> {} in {} ms (attempt {}, request id {})", call.method(), Redaction.url(call.url()),
            status, millis, attempts, clientRequestId);
      } else {
        LOG.debug("{} {} -> {} after {} ms (attempt {}, request id {})", call.method(), Redaction.url(call.url()),
            failure.toString(), millis, attempts, clientRequestId);
      }
    }
  }

  private static boolean requiresBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Returns the delay the service asked for with {@code Retry-After} (seconds or HTTP date) or its ms variants. */
  static Duration retryAfter(HttpResult result) {
    for (String name : new String[] {"retry-after-ms", "x-ms-retry-after-ms"}) {
      String value = result.header(name).orElse(null);
      if (value != null) {
        try {
          return Duration.ofMillis(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException ignored) {
          // Fall through to the next header.
        }
      }
    }
    String value = result.header("Retry-After").map(String::trim).orElse(null);
    if (value == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US));
        Duration delay = Duration.between(ZonedDateTime.now(when.getZone()), when);
        return delay.isNegative() ? Duration.ZERO : delay;
      } catch (DateTimeParseException neither) {
        return null;
      }
    }
  }
}
