package io.twinsdk.device;

/**
 * A connection-state listener is told each time a {@link DeviceClient}'s connection changes state.
 *
 * <p>It is called on the client's single callback thread, in order, never on an MQTT thread, so it may block or call
 * the client (a blocking call from here waits for its answer, which arrives on another thread).
 */
@FunctionalInterface
public interface ConnectionStateListener {

  /** Receives the new connection status; an exception thrown here is logged and ignored. */
  void onConnectionStatus(ConnectionStatus status);
}
