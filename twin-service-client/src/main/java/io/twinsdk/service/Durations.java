package io.twinsdk.service;

import java.time.Duration;
import java.util.Objects;

/** Argument checks for durations in option builders. */
final class Durations {

  private Durations() {}

  /** Returns {@code value}, or throws naming {@code name} if it is null, negative, or zero when not allowed. */
  static Duration check(String name, Duration value, boolean zeroAllowed) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || (!zeroAllowed && value.isZero())) {
      throw new IllegalArgumentException(name + " must be " + (zeroAllowed ? "zero or positive" : "positive")
          + ": " + value);
    }
    return value;
  }
}
