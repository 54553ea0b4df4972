package io.twinsdk.device;

import java.time.Duration;
import java.util.Optional;

/**
 * A retry policy decides how long a {@link DeviceClient} waits before each reconnection attempt, and when it gives up.
 * Errors that cannot heal (refused credentials) are never retried, whatever the policy says.
 */
@FunctionalInterface
public interface RetryPolicy {

  /**
   * Returns the delay before reconnection attempt {@code attempt} (1 for the first retry after a loss), or empty to
   * give up and end in {@link ConnectionState#DISCONNECTED}.
   */
  Optional<Duration> delayBeforeAttempt(int attempt);
}
