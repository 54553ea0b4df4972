package io.twinsdk.device;

import java.util.Objects;
import java.util.Optional;

/** A connection status is one change of a {@link DeviceClient}'s connection: the new state, why, and the error. */
public final class ConnectionStatus {

  private final ConnectionState state;
  private final DisconnectReason reason;
  private final Throwable cause;

  /**
   * Creates a status.
   *
   * @param cause the error behind a disconnection, or {@code null}
   */
  public ConnectionStatus(ConnectionState state, DisconnectReason reason, Throwable cause) {
    this.state = Objects.requireNonNull(state, "state");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.cause = cause;
  }

  /** Returns the new state. */
  public ConnectionState state() {
    return state;
  }

  /** Returns why the client is not connected, or {@link DisconnectReason#NONE} when it is. */
  public DisconnectReason reason() {
    return reason;
  }

  /** Returns the error behind a disconnection, if there is one. */
  public Optional<Throwable> cause() {
    return Optional.ofNullable(cause);
  }

  @Override
  public String toString() {
    return state + (reason == DisconnectReason.NONE ? "" : " (" + reason + ")")
        + (cause == null ? "" : ": " + cause);
  }
}
