package io.twinsdk.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;

/**
 * HTTP options configure a client's transport: timeouts, retries, the certificates to trust, the executor that
 * completes async results, and optionally the caller's own {@link OkHttpClient}. Instances are immutable.
 *
 * <p>Each client owns one OkHttp connection pool and dispatcher. When the caller supplies an {@code OkHttpClient},
 * the client derives its own from it with {@code newBuilder()} (so they share the caller's pool and dispatcher) and
 * {@code close()} leaves those to the caller.
 */
public final class HttpOptions {

  private static final HttpOptions DEFAULTS = builder().build();

  private final Duration connectTimeout;
  private final Duration attemptTimeout;
  private final Duration operationTimeout;
  private final RetryOptions retry;
  private final Path trustedCertificate;
  private final OkHttpClient okHttpClient;
  private final Executor callbackExecutor;
  private final int callbackThreads;
  private final int maxConcurrentRequests;

  private HttpOptions(Builder b) {
    this.connectTimeout = b.connectTimeout;
    this.attemptTimeout = b.attemptTimeout;
    this.operationTimeout = b.operationTimeout;
    this.retry = b.retry;
    this.trustedCertificate = b.trustedCertificate;
    this.okHttpClient = b.okHttpClient;
    this.callbackExecutor = b.callbackExecutor;
    this.callbackThreads = b.callbackThreads;
    this.maxConcurrentRequests = b.maxConcurrentRequests;
  }

  /** Returns the defaults (see the builder's setters). */
  public static HttpOptions defaults() {
    return DEFAULTS;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the TCP and TLS connect timeout (default 10 s). */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Returns the timeout of one attempt, from sending to the whole response body (default 30 s). */
  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  /** Returns how long a blocking call waits for its result, retries included (default 90 s). */
  public Duration operationTimeout() {
    return operationTimeout;
  }

  /** Returns the retry options. */
  public RetryOptions retry() {
    return retry;
  }

  /** Returns the PEM certificate file trusted instead of the JVM's CAs (for a local hub), if set. */
  public Optional<Path> trustedCertificate() {
    return Optional.ofNullable(trustedCertificate);
  }

  /** Returns the caller's OkHttp client to derive from, if set. */
  public Optional<OkHttpClient> okHttpClient() {
    return Optional.ofNullable(okHttpClient);
  }

  /** Returns the caller's executor for completing async results, if set. */
  public Optional<Executor> callbackExecutor() {
    return Optional.ofNullable(callbackExecutor);
  }

  /** Returns the size of the client's own callback pool, used when no callback executor is set (default 4). */
  public int callbackThreads() {
    return callbackThreads;
  }

  /**
   * Returns the most requests in flight at once; further requests queue in the dispatcher (default 128). With the
   * caller's {@link #okHttpClient()} its dispatcher's own limits apply instead (OkHttp's default: 5 per host).
   */
  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  /** A builder of {@link HttpOptions}. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration attemptTimeout = Duration.ofSeconds(30);
    private Duration operationTimeout = Duration.ofSeconds(90);
    private RetryOptions retry = RetryOptions.defaults();
    private Path trustedCertificate;
    private OkHttpClient okHttpClient;
    private Executor callbackExecutor;
    private int callbackThreads = 4;
    private int maxConcurrentRequests = 128;

    private Builder() {}

    /** Sets the TCP and TLS connect timeout. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Durations.check("connectTimeout", connectTimeout, false);
      return this;
    }

    /** Sets the timeout of one attempt, from sending the request to reading the whole response. */
    public Builder attemptTimeout(Duration attemptTimeout) {
      this.attemptTimeout = Durations.check("attemptTimeout", attemptTimeout, false);
      return this;
    }

    /** Sets how long a blocking call waits for its result, retries included. */
    public Builder operationTimeout(Duration operationTimeout) {
      this.operationTimeout = Durations.check("operationTimeout", operationTimeout, false);
      return this;
    }

    /** Sets the retry options. */
    public Builder retry(RetryOptions retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** Trusts the certificates in this PEM file instead of the JVM's CAs, such as a local hub's certificate. */
    public Builder trustedCertificate(Path pemFile) {
      this.trustedCertificate = Objects.requireNonNull(pemFile, "pemFile");
      return this;
    }

    /** Derives the client's OkHttp client from this one (its pool, dispatcher, TLS and proxy settings). */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
      return this;
    }

    /**
     * Completes async results on this executor instead of the client's own pool. It must not run tasks on the
     * calling thread (that would be an OkHttp I/O thread) and the caller shuts it down.
     */
    public Builder callbackExecutor(Executor callbackExecutor) {
      this.callbackExecutor = Objects.requireNonNull(callbackExecutor, "callbackExecutor");
      return this;
    }

    /** Sets the size of the client's own callback pool, at least 1. */
    public Builder callbackThreads(int callbackThreads) {
      if (callbackThreads < 1) {
        throw new IllegalArgumentException("callbackThreads must be at least 1: " + callbackThreads);
      }
      this.callbackThreads = callbackThreads;
      return this;
    }

    /** Sets the most requests in flight at once, at least 1. */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      if (maxConcurrentRequests < 1) {
        throw new IllegalArgumentException("maxConcurrentRequests must be at least 1: " + maxConcurrentRequests);
      }
      this.maxConcurrentRequests = maxConcurrentRequests;
      return this;
    }

    /** Builds the options. */
    public HttpOptions build() {
      return new HttpOptions(this);
    }
  }
}
