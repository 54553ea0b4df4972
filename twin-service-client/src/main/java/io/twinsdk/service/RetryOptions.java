package io.twinsdk.service;

import java.time.Duration;

/**
 * Retry options say how a client repeats a request that failed with 408, 429, 5xx or a connection failure:
 * exponential backoff with full jitter between {@link #baseDelay()} and {@link #maxDelay()}, or the service's
 * {@code Retry-After} when it sent one, for at most {@link #maxAttempts()} attempts and {@link #maxTotalTime()} in
 * all. Only requests that are safe to repeat (GET, PUT, DELETE, conditional PATCH) are retried unless
 * {@link #retryNonIdempotent()} is set. Instances are immutable.
 */
public final class RetryOptions {

  private static final RetryOptions DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration maxTotalTime;
  private final boolean retryNonIdempotent;

  private RetryOptions(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.baseDelay = builder.baseDelay;
    this.maxDelay = builder.maxDelay;
    this.maxTotalTime = builder.maxTotalTime;
    this.retryNonIdempotent = builder.retryNonIdempotent;
  }

  /** Returns the defaults: 4 attempts, 200 ms base delay, 10 s max delay, 60 s in all, safe requests only. */
  public static RetryOptions defaults() {
    return DEFAULTS;
  }

  /** Returns options that never retry. */
  public static RetryOptions none() {
    return builder().maxAttempts(1).build();
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the most attempts per request, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Returns the delay before the first retry, doubled for each further one (before jitter). */
  public Duration baseDelay() {
    return baseDelay;
  }

  /** Returns the longest delay between two attempts, {@code Retry-After} included. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** Returns the time after which no further attempt starts. */
  public Duration maxTotalTime() {
    return maxTotalTime;
  }

  /** Returns whether POST and unconditional PATCH requests are retried too (they may then apply twice). */
  public boolean retryNonIdempotent() {
    return retryNonIdempotent;
  }

  /** A builder of {@link RetryOptions}. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration baseDelay = Duration.ofMillis(200);
    private Duration maxDelay = Duration.ofSeconds(10);
    private Duration maxTotalTime = Duration.ofSeconds(60);
    private boolean retryNonIdempotent;

    private Builder() {}

    /** Sets the most attempts per request, at least 1 (1 = no retries). */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Sets the delay before the first retry. */
    public Builder baseDelay(Duration baseDelay) {
      this.baseDelay = Durations.check("baseDelay", baseDelay, true);
      return this;
    }

    /** Sets the longest delay between two attempts. */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = Durations.check("maxDelay", maxDelay, true);
      return this;
    }

    /** Sets the time after which no further attempt starts. */
    public Builder maxTotalTime(Duration maxTotalTime) {
      this.maxTotalTime = Durations.check("maxTotalTime", maxTotalTime, false);
      return this;
    }

    /** Sets whether POST and unconditional PATCH requests are retried too. */
    public Builder retryNonIdempotent(boolean retryNonIdempotent) {
      this.retryNonIdempotent = retryNonIdempotent;
      return this;
    }

    /** Builds the options. */
    public RetryOptions build() {
      return new RetryOptions(this);
    }
  }
}
