package io.twinsdk.hub.digitaltwins.http;

import io.twinsdk.hub.store.HubStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * What the Digital Twins routes share: the store they read and write through, and the clock that stamps
 * {@code $metadata} and upload times.
 *
 * @param store the hub's store
 * @param clock the clock for timestamps
 */
public record DigitalTwinsContext(HubStore store, Clock clock) {

  /** Checks the fields. */
  public DigitalTwinsContext {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(clock, "clock");
  }

  /** The current time. */
  public Instant now() {
    return clock.instant();
  }
}
