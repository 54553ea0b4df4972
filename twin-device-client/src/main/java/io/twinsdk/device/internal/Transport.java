package io.twinsdk.device.internal;

import java.util.concurrent.CompletableFuture;

/**
 * A transport is one MQTT connection attempt and, if it succeeds, the connection: a new instance per attempt, so that
 * everything a lost connection held is released with it.
 *
 * <p>Futures complete and listener methods run on the transport's own threads; callers hand the work to their own
 * thread at once. No method blocks for longer than a short, bounded time.
 */
public interface Transport {

  /**
   * Connects with {@code password} as the MQTT password (a SAS token) and subscribes to {@code topics} at QoS 1.
   *
   * @return a future that completes when the subscriptions are granted, or fails with a {@link TransportException}
   */
  CompletableFuture<Void> connect(String password, String[] topics, Listener listener);

  /**
   * Publishes {@code payload} to {@code topic} at QoS 1.
   *
   * @throws TransportException if the connection cannot take the message now
   */
  void publish(String topic, byte[] payload);

  /** Closes the connection and releases every thread and socket of this transport; idempotent and prompt. */
  void close();

  /** Receives what arrives on a connection. */
  interface Listener {

    /** Receives a message; must not block. */
    void messageArrived(String topic, byte[] payload);

    /** Receives the loss of an established connection, once. */
    void connectionLost(TransportException cause);
  }

  /** Makes one transport per connection attempt. */
  @FunctionalInterface
  interface Factory {

    /** Returns a new, unconnected transport. */
    Transport create();
  }
}
