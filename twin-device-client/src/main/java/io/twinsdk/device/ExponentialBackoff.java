package io.twinsdk.device;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff is the default {@link RetryPolicy}: the delay starts at {@code initialDelay}, doubles with each
 * attempt up to {@code maxDelay}, and is then cut by a random share of up to {@code jitter} so that many devices cut
 * off together do not reconnect together. Instances are immutable.
 */
public final class ExponentialBackoff implements RetryPolicy {

  private final Duration initialDelay;
  private final Duration maxDelay;
  private final double jitter;
  private final int maxAttempts;
  private final DoubleSupplier random;

  private ExponentialBackoff(Builder builder) {
    this.initialDelay = builder.initialDelay;
    this.maxDelay = builder.maxDelay;
    this.jitter = builder.jitter;
    this.maxAttempts = builder.maxAttempts;
    this.random = builder.random;
  }

  /** Returns the default policy: from 100 ms doubling to 30 s, 25% jitter, retrying for ever. */
  public static ExponentialBackoff defaults() {
    return builder().build();
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Optional<Duration> delayBeforeAttempt(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1, but was " + attempt);
    }
    if (maxAttempts > 0 && attempt > maxAttempts) {
      return Optional.empty();
    }
    long max = maxDelay.toMillis();
    long delay = initialDelay.toMillis();
    for (int i = 1; i < attempt && delay < max; i++) {
      delay *= 2;
    }
    delay = Math.min(delay, max);
    long cut = (long) (delay * jitter * random.getAsDouble());
    return Optional.of(Duration.ofMillis(delay - cut));
  }

  @Override
  public String toString() {
    return "ExponentialBackoff{initialDelay=" + initialDelay + ", maxDelay=" + maxDelay + ", jitter=" + jitter
        + ", maxAttempts=" + (maxAttempts == 0 ? "unlimited" : maxAttempts) + "}";
  }

  /** A builder of {@link ExponentialBackoff} policies. */
  public static final class Builder {

    private Duration initialDelay = Duration.ofMillis(100);
    private Duration maxDelay = Duration.ofSeconds(30);
    private double jitter = 0.25;
    private int maxAttempts;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /** Sets the delay before the first retry; positive. */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = positive(initialDelay, "initialDelay");
      return this;
    }

    /** Sets the longest delay; positive. */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = positive(maxDelay, "maxDelay");
      return this;
    }

    /** Sets the largest share of a delay that jitter may remove, from 0 (none) to 1. */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be between 0 and 1, but was " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /** Sets how many reconnection attempts to make before giving up; 0 (the default) never gives up. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 0) {
        throw new IllegalArgumentException("maxAttempts must be >= 0, but was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Sets the source of uniform random numbers in [0, 1) for the jitter; for tests. */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Returns the policy.
     *
     * @throws IllegalArgumentException if {@code maxDelay} is shorter than {@code initialDelay}
     */
    public ExponentialBackoff build() {
      if (maxDelay.compareTo(initialDelay) < 0) {
        throw new IllegalArgumentException("maxDelay " + maxDelay + " is shorter than initialDelay " + initialDelay);
      }
      return new ExponentialBackoff(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, but was " + value);
      }
      return value;
    }
  }
}
