package io.twinsdk.device;

import io.twinsdk.core.devicetwin.TwinProperties;
import io.twinsdk.core.json.MergePatch;
import io.twinsdk.device.internal.TwinSession;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A device client is a device's connection to its twin on IoT Hub (or the local twin hub) over MQTT: it reads the
 * twin, updates reported properties, and delivers desired-property changes, without missing any across reconnects.
 *
 * <pre>{@code
 * try (DeviceClient client = DeviceClient.builder()
 *     .connectionString(System.getenv("DEVICE_CONNECTION_STRING"))
 *     .desiredPropertiesListener(update -> apply(update.patch()))
 *     .buildClient()) {
 *   client.open();
 *   long version = client.updateReportedProperties(MergePatch.builder().set("firmware", "1.2.1").build());
 * }
 * }</pre>
 *
 * <p><b>Delivery.</b> After every (re)connect the client subscribes, reads the twin, and delivers what the device
 * missed; each desired {@code $version} reaches the listener at most once and in order. Requests made while offline
 * wait in a bounded queue and go out in order after the reconnect; their futures complete only on the hub's answer.
 * A request that was sent but not answered when the link dropped is sent again after the reconnect, at most ten
 * sends in all (a request the hub answers by dropping the link must not block the queue for ever), so unconditional
 * updates are at-least-once. A conditional update (with an expected {@code $version})
 * is not sent again, because a resend of an update the hub had applied would fail with a false 412: its future fails
 * with {@link ConnectionLostException} ("outcome unknown"), and the caller reads the twin to decide. The operation
 * timeout counts from the call, including the time a request waits in the queue.
 *
 * <p><b>Threads.</b> The client starts a control thread ({@code twin-device-<id>-control}), a callback thread
 * ({@code twin-device-<id>-callbacks}) on which every listener runs, a closer thread for replaced connections
 * ({@code twin-device-<id>-closer}, ended when idle) and, per connection, a small pool for Paho.
 * Futures of the async methods complete on the control thread: do not block in their dependent stages. Clients are
 * thread-safe. {@link #close()} ends every thread and socket (waiting a bounded time, then interrupting; a Paho 1.2.5
 * connect thread that ignores the interrupt is the one known exception, and is logged).
 */
public final class DeviceClient implements AutoCloseable {

  private final TwinSession session;
  private final Duration operationTimeout;
  private final AtomicReference<CompletableFuture<Void>> closing = new AtomicReference<>();

  DeviceClient(TwinSession session, Duration operationTimeout) {
    this.session = session;
    this.operationTimeout = operationTimeout;
  }

  /** Returns a builder for a device client. */
  public static DeviceClientBuilder builder() {
    return new DeviceClientBuilder();
  }

  /**
   * Connects and waits until connected, for up to the operation timeout; if the network is down the client keeps
   * trying after this returns or throws.
   *
   * @throws UnauthorizedException if the hub refused the credentials
   * @throws OperationTimeoutException if the client did not connect in time (it keeps trying)
   * @throws ConnectionLostException if the retry policy gave up or the client was closed
   */
  public void open() {
    await(openAsync(), "open");
  }

  /** Starts connecting; the future completes at the first connection, or fails as {@link #open()} throws. */
  public CompletableFuture<Void> openAsync() {
    return session.open();
  }

  /**
   * Reads the twin's desired and reported properties, each with its {@code $version}.
   *
   * @throws DeviceClientException or a subclass, as {@link #getTwinAsync()} fails
   */
  public TwinProperties getTwin() {
    return await(getTwinAsync(), "getTwin");
  }

  /**
   * Reads the twin's desired and reported properties; while offline the request waits in the queue.
   *
   * @return a future failing with {@link ThrottledException} or another {@link DeviceClientException} for a hub
   *     error, {@link OperationTimeoutException}, {@link QueueFullException} or {@link ConnectionLostException}
   */
  public CompletableFuture<TwinProperties> getTwinAsync() {
    return session.getTwin();
  }

  /**
   * Merges {@code patch} into the reported properties and returns the new reported {@code $version}.
   *
   * @throws BadRequestException if the hub refused the patch's content
   * @throws DeviceClientException or another subclass, as {@link #updateReportedPropertiesAsync(MergePatch)} fails
   */
  public long updateReportedProperties(MergePatch patch) {
    return await(updateReportedPropertiesAsync(patch), "updateReportedProperties");
  }

  /**
   * Merges {@code patch} into the reported properties only if their {@code $version} is still
   * {@code expectedVersion}, and returns the new version.
   *
   * @throws PreconditionFailedException if the reported properties have changed since {@code expectedVersion}
   */
  public long updateReportedProperties(MergePatch patch, long expectedVersion) {
    return await(updateReportedPropertiesAsync(patch, expectedVersion), "updateReportedProperties");
  }

  /**
   * Merges {@code patch} into the reported properties; the future completes with the new reported {@code $version}
   * (or -1 if the hub did not say) once the hub answered 204. Updates are sent in call order; many may be in flight.
   *
   * @return a future failing with {@link BadRequestException} or another {@link DeviceClientException} for a hub
   *     error, {@link OperationTimeoutException}, {@link QueueFullException} or {@link ConnectionLostException}
   */
  public CompletableFuture<Long> updateReportedPropertiesAsync(MergePatch patch) {
    return session.updateReported(Objects.requireNonNull(patch, "patch"), OptionalLong.empty());
  }

  /**
   * Merges {@code patch} into the reported properties only if their {@code $version} is still
   * {@code expectedVersion}; the future fails with {@link PreconditionFailedException} if not.
   */
  public CompletableFuture<Long> updateReportedPropertiesAsync(MergePatch patch, long expectedVersion) {
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion must be >= 0, but was " + expectedVersion);
    }
    return session.updateReported(Objects.requireNonNull(patch, "patch"), OptionalLong.of(expectedVersion));
  }

  /**
   * Closes the connection and ends every thread the client started; waiting requests fail with
   * {@link ConnectionLostException}. Returns promptly (normally well within a second; a few seconds at most when
   * threads must be interrupted), also during a reconnect; idempotent.
   */
  @Override
  public void close() {
    session.close();
  }

  /**
   * Closes the client in the background; the future completes when it is closed. Every call returns the same future,
   * so repeated calls start one closing thread only.
   */
  public CompletableFuture<Void> closeAsync() {
    CompletableFuture<Void> started = new CompletableFuture<>();
    if (!closing.compareAndSet(null, started)) {
      return closing.get();
    }
    Thread thread = new Thread(() -> {
      try {
        close();
        started.complete(null);
      } catch (RuntimeException e) {
        started.completeExceptionally(e);
      }
    }, "twin-device-close");
    thread.setDaemon(true);
    thread.start();
    return started;
  }

  private <T> T await(CompletableFuture<T> future, String operation) {
    try {
      return future.get(operationTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw new OperationTimeoutException(operation + " did not finish within " + operationTimeout, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof DeviceClientException) {
        throw (DeviceClientException) cause;
      }
      throw new DeviceClientException(operation + " failed: " + cause, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(false);
      throw new DeviceClientException(operation + " was interrupted", e);
    }
  }
}
