package io.twinsdk.device.internal;

import io.twinsdk.device.ConnectionStateListener;
import io.twinsdk.device.DesiredPropertiesListener;
import io.twinsdk.device.RetryPolicy;
import java.time.Clock;
import java.time.Duration;

/** Everything a {@link TwinSession} needs besides its transport, as the public builder collected it. */
public final class SessionOptions {

  final String name;
  final TokenSource tokens;
  final RetryPolicy retryPolicy;
  final Duration operationTimeout;
  final int queueCapacity;
  final int callbackQueueCapacity;
  final DesiredPropertiesListener desiredListener;
  final ConnectionStateListener stateListener;
  final Clock clock;

  /**
   * Creates options.
   *
   * @param name the device (and module) id, used in thread names
   * @param queueCapacity how many requests may wait for an answer, sent or not
   * @param desiredListener the desired-properties listener, or {@code null}
   * @param stateListener the connection-state listener, or {@code null}
   */
  public SessionOptions(String name, TokenSource tokens, RetryPolicy retryPolicy, Duration operationTimeout,
      int queueCapacity, int callbackQueueCapacity, DesiredPropertiesListener desiredListener,
      ConnectionStateListener stateListener, Clock clock) {
    this.name = name;
    this.tokens = tokens;
    this.retryPolicy = retryPolicy;
    this.operationTimeout = operationTimeout;
    this.queueCapacity = queueCapacity;
    this.callbackQueueCapacity = callbackQueueCapacity;
    this.desiredListener = desiredListener;
    this.stateListener = stateListener;
    this.clock = clock;
  }
}
