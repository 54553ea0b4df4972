package io.twinsdk.device.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.devicetwin.TwinProperties;
import io.twinsdk.core.internal.Json;
import io.twinsdk.core.json.MergePatch;
import io.twinsdk.device.ConnectionLostException;
import io.twinsdk.device.ConnectionState;
import io.twinsdk.device.ConnectionStatus;
import io.twinsdk.device.DesiredPropertiesUpdate;
import io.twinsdk.device.DeviceClientException;
import io.twinsdk.device.DisconnectReason;
import io.twinsdk.device.OperationTimeoutException;
import io.twinsdk.device.QueueFullException;
import io.twinsdk.device.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A twin session is the device twin protocol engine behind {@code DeviceClient}: it connects through a
 * {@link Transport}, reconnects with backoff, renews the SAS token, correlates requests by {@code $rid} with a timeout
 * each, keeps requests in a bounded queue while offline, and catches up on desired properties after every connect.
 *
 * <p>Threads: all state belongs to one control thread ({@code twin-device-<id>-control}); public methods and transport
 * callbacks only hand work to it, so they never block on each other and there are no locks. Listeners run on the
 * {@link CallbackDispatcher}'s thread ({@code twin-device-<id>-callbacks}). {@link #close()} stops both.
 */
public final class TwinSession {

  private static final Logger LOG = LoggerFactory.getLogger(TwinSession.class);
  private static final String[] TOPICS = {TwinTopics.RESPONSES, TwinTopics.DESIRED};
  private static final byte[] EMPTY = new byte[0];
  private static final long RESYNC_DELAY_MILLIS = 100;
  private static final long CLOSE_WAIT_MILLIS = 1000;

  private enum Phase { IDLE, CONNECTING, CONNECTED, RENEWING, WAITING, STOPPED }

  private enum Kind { GET, REPORTED, CATCH_UP }

  private final SessionOptions options;
  private final Transport.Factory transports;
  private final ScheduledThreadPoolExecutor control;
  private final CallbackDispatcher callbacks;
  private final DesiredTracker desired;
  private final AtomicInteger outstanding = new AtomicInteger();
  private final CompletableFuture<Void> opened = new CompletableFuture<>();
  private volatile Thread controlThread;

  // Owned by the control thread.
  private final Deque<Request<?>> queue = new ArrayDeque<>();
  private final Map<String, Request<?>> inFlight = new LinkedHashMap<>();
  private Phase phase = Phase.IDLE;
  private Transport transport;
  private TokenSource.Issued token;
  private int attempt;
  private long requestCounter;
  private long sequence;
  private boolean catchUpInFlight;
  private ScheduledFuture<?> renewalTimer;
  private ScheduledFuture<?> retryTimer;
  private ScheduledFuture<?> renewalDeadline;
  private ConnectionState notifiedState;
  private DisconnectReason notifiedReason;

  // Set once, on the control thread, when the session stops for good; read by callers to fail fast.
  private volatile DeviceClientException terminalError;

  /** Creates a session; nothing connects until {@link #open()}. */
  public TwinSession(SessionOptions options, Transport.Factory transports) {
    this.options = options;
    this.transports = transports;
    this.control = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "twin-device-" + options.name + "-control");
      thread.setDaemon(true);
      controlThread = thread;
      return thread;
    });
    this.control.setRemoveOnCancelPolicy(true);
    this.callbacks = new CallbackDispatcher("twin-device-" + options.name + "-callbacks",
        options.callbackQueueCapacity);
    this.desired = new DesiredTracker(this::deliverDesired);
  }

  /** Starts connecting; the future completes at the first connection, or fails if the session stops first. */
  public CompletableFuture<Void> open() {
    post(() -> {
      if (phase == Phase.IDLE) {
        connect();
      }
    });
    return opened.copy();
  }

  /** Requests the twin's desired and reported properties. */
  public CompletableFuture<TwinProperties> getTwin() {
    return submit(new Request<>(Kind.GET, EMPTY, OptionalLong.empty()));
  }

  /**
   * Sends a reported-properties patch; the future completes with the new reported version once the hub answered 204.
   *
   * @param expectedVersion the reported version the patch applies to, sent as {@code $version}, or empty
   */
  public CompletableFuture<Long> updateReported(MergePatch patch, OptionalLong expectedVersion) {
    byte[] body = patch.toJson().getBytes(StandardCharsets.UTF_8);
    return submit(new Request<>(Kind.REPORTED, body, expectedVersion));
  }

  /**
   * Stops the session: fails waiting requests, closes the connection and stops the control and callback threads.
   * Returns within about a second, also during a reconnect (at most three on an overloaded machine), and is
   * idempotent.
   */
  public void close() {
    post(() -> stop(DisconnectReason.CLIENT_CLOSED, new ConnectionLostException("The device client was closed", null)));
    control.shutdown();
    if (Thread.currentThread() != controlThread) {
      try {
        if (!control.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
          // Still closing the connection (a loaded machine): interrupt timers and give it one more bounded wait.
          control.shutdownNow();
          control.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        control.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    callbacks.close(CLOSE_WAIT_MILLIS);
  }

  private <T> CompletableFuture<T> submit(Request<T> request) {
    DeviceClientException error = terminalError;
    if (error != null) {
      return CompletableFuture.failedFuture(error);
    }
    if (outstanding.incrementAndGet() > options.queueCapacity) {
      outstanding.decrementAndGet();
      return CompletableFuture.failedFuture(new QueueFullException(
          "The device client already has " + options.queueCapacity + " requests waiting for an answer", null));
    }
    request.future.whenComplete((value, failure) -> outstanding.decrementAndGet());
    if (!post(() -> accept(request))) {
      request.future.completeExceptionally(new ConnectionLostException("The device client was closed", null));
    }
    return request.future;
  }

  private boolean post(Runnable task) {
    try {
      control.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.error("Twin session task failed", e);
        }
      });
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  private void accept(Request<?> request) {
    if (phase == Phase.STOPPED) {
      request.future.completeExceptionally(terminalError);
      return;
    }
    queue.addLast(request);
    flush();
  }

  // ---- connection lifecycle ----

  private void connect() {
    retryTimer = null;
    phase = Phase.CONNECTING;
    try {
      token = options.tokens.issue(options.clock.instant());
    } catch (RuntimeException e) {
      stop(DisconnectReason.UNAUTHORIZED, new UnauthorizedException("Cannot make a SAS token: " + e.getMessage(), e));
      return;
    }
    // From here on, desired notifications wait for this connection's snapshot, even those that overtake its SUBACK.
    desired.connectionStarted();
    Transport attemptTransport = transports.create();
    transport = attemptTransport;
    attemptTransport.connect(token.value(), TOPICS, new Transport.Listener() {
      @Override
      public void messageArrived(String topic, byte[] payload) {
        post(() -> {
          if (transport == attemptTransport) {
            onMessage(topic, payload);
          }
        });
      }

      @Override
      public void connectionLost(TransportException cause) {
        post(() -> {
          if (transport == attemptTransport) {
            linkDown(cause);
          }
        });
      }
    }).whenComplete((ok, failure) -> post(() -> onConnectResult(attemptTransport, failure)));
  }

  private void onConnectResult(Transport attemptTransport, Throwable failure) {
    if (transport != attemptTransport) {
      attemptTransport.close();
      return;
    }
    if (failure != null) {
      linkDown(transportError(failure));
      return;
    }
    phase = Phase.CONNECTED;
    attempt = 0;
    notifyState(ConnectionState.CONNECTED, DisconnectReason.NONE, null);
    opened.complete(null);
    sendCatchUp();
    long renewIn = Duration.between(options.clock.instant(), token.renewAt()).toMillis();
    renewalTimer = control.schedule(this::startRenewal, Math.max(0, renewIn), TimeUnit.MILLISECONDS);
    flush();
  }

  private static TransportException transportError(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    return cause instanceof TransportException
        ? (TransportException) cause
        : new TransportException(TransportException.Kind.NETWORK, String.valueOf(cause.getMessage()), cause);
  }

  /** Renewal: stop sending, let in-flight requests finish (bounded by the operation timeout), then reconnect. */
  private void startRenewal() {
    renewalTimer = null;
    if (phase != Phase.CONNECTED) {
      return;
    }
    phase = Phase.RENEWING;
    renewalDeadline = control.schedule(this::finishRenewal, options.operationTimeout.toMillis(), TimeUnit.MILLISECONDS);
    if (inFlight.isEmpty()) {
      finishRenewal();
    }
  }

  private void finishRenewal() {
    if (phase != Phase.RENEWING) {
      return;
    }
    cancel(renewalDeadline);
    renewalDeadline = null;
    dropTransport();
    notifyState(ConnectionState.DISCONNECTED_RETRYING, DisconnectReason.TOKEN_RENEWAL, null);
    connect();
  }

  private void linkDown(TransportException cause) {
    if (phase == Phase.STOPPED) {
      return;
    }
    dropTransport();
    if (cause.kind() == TransportException.Kind.UNAUTHORIZED) {
      stop(DisconnectReason.UNAUTHORIZED,
          new UnauthorizedException("The hub refused the device's credentials: " + cause.getMessage(), cause));
      return;
    }
    attempt++;
    Optional<Duration> delay = options.retryPolicy.delayBeforeAttempt(attempt);
    if (delay.isEmpty()) {
      stop(DisconnectReason.RETRIES_EXHAUSTED, new ConnectionLostException(
          "Gave up reconnecting after " + (attempt - 1) + " attempts: " + cause.getMessage(), cause));
      return;
    }
    DisconnectReason reason;
    if (token != null && !options.clock.instant().isBefore(token.expiry())) {
      reason = DisconnectReason.TOKEN_EXPIRED;
    } else if (cause.kind() == TransportException.Kind.SERVER) {
      reason = DisconnectReason.SERVER;
    } else {
      reason = DisconnectReason.NETWORK;
    }
    LOG.debug("Twin connection down ({}); reconnecting in {}", cause.getMessage(), delay.get());
    phase = Phase.WAITING;
    notifyState(ConnectionState.DISCONNECTED_RETRYING, reason, cause);
    retryTimer = control.schedule(this::connect, delay.get().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Closes the current transport and puts its unanswered requests back at the head of the queue, in order. */
  private void dropTransport() {
    cancel(renewalTimer);
    renewalTimer = null;
    cancel(renewalDeadline);
    renewalDeadline = null;
    Transport old = transport;
    transport = null;
    if (old != null) {
      old.close();
    }
    List<Request<?>> unanswered = new ArrayList<>(inFlight.values());
    inFlight.clear();
    catchUpInFlight = false;
    unanswered.sort(Comparator.comparingLong(r -> r.sequence));
    for (int i = unanswered.size() - 1; i >= 0; i--) {
      Request<?> request = unanswered.get(i);
      cancel(request.timeout);
      if (request.kind != Kind.CATCH_UP) {
        queue.addFirst(request);
      }
    }
  }

  private void stop(DisconnectReason reason, DeviceClientException error) {
    if (phase == Phase.STOPPED) {
      return;
    }
    phase = Phase.STOPPED;
    terminalError = error;
    cancel(retryTimer);
    dropTransport();
    for (Request<?> request : queue) {
      request.future.completeExceptionally(error);
    }
    queue.clear();
    opened.completeExceptionally(error);
    notifyState(ConnectionState.DISCONNECTED, reason, reason == DisconnectReason.CLIENT_CLOSED ? null : error);
  }

  // ---- requests ----

  private void flush() {
    while (phase == Phase.CONNECTED && !queue.isEmpty()) {
      Request<?> request = queue.pollFirst();
      if (!request.future.isDone()) {
        send(request);
      }
    }
  }

  private void send(Request<?> request) {
    String rid = Long.toString(++requestCounter);
    String topic = request.kind == Kind.REPORTED
        ? TwinTopics.reported(rid, request.expectedVersion)
        : TwinTopics.get(rid);
    request.sequence = ++sequence;
    inFlight.put(rid, request);
    request.timeout = control.schedule(() -> timeOut(rid), options.operationTimeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      transport.publish(topic, request.payload);
    } catch (TransportException e) {
      // The connection is failing; its loss puts this request back in the queue.
      LOG.debug("Publish failed: {}", e.getMessage());
    }
  }

  private void timeOut(String rid) {
    Request<?> request = inFlight.remove(rid);
    if (request == null) {
      return;
    }
    if (request.kind == Kind.CATCH_UP) {
      catchUpInFlight = false;
      sendCatchUp();
    } else {
      request.future.completeExceptionally(new OperationTimeoutException("The hub did not answer the "
          + request.describe() + " within " + options.operationTimeout + "; it may still have been applied", null));
    }
    finishRenewalIfIdle();
  }

  private void sendCatchUp() {
    if (catchUpInFlight || phase != Phase.CONNECTED) {
      return;
    }
    catchUpInFlight = true;
    send(new Request<TwinProperties>(Kind.CATCH_UP, EMPTY, OptionalLong.empty()));
  }

  private void onMessage(String topic, byte[] payload) {
    if (TwinTopics.isDesired(topic)) {
      onDesired(topic, payload);
      return;
    }
    TwinTopics.ResponseTopic response = TwinTopics.parseResponse(topic);
    if (response == null) {
      LOG.warn("Ignoring a message on unexpected topic {}", topic);
      return;
    }
    Request<?> request = inFlight.remove(response.rid());
    if (request == null) {
      LOG.debug("Ignoring a response to unknown or timed-out request {}", response.rid());
      return;
    }
    cancel(request.timeout);
    try {
      complete(request, response, payload);
    } finally {
      finishRenewalIfIdle();
    }
  }

  @SuppressWarnings("unchecked")
  private void complete(Request<?> request, TwinTopics.ResponseTopic response, byte[] payload) {
    int status = response.status();
    if (request.kind == Kind.CATCH_UP) {
      catchUpInFlight = false;
      if (status == 200 && applySnapshot(payload)) {
        return;
      }
      LOG.warn("Catching up on desired properties failed with status {}; retrying", status);
      control.schedule(this::sendCatchUp, RESYNC_DELAY_MILLIS, TimeUnit.MILLISECONDS);
      return;
    }
    if (status >= 300) {
      request.future.completeExceptionally(HubErrors.toException(request.describe(), status, payload));
    } else if (request.kind == Kind.GET) {
      try {
        ((CompletableFuture<TwinProperties>) request.future)
            .complete(TwinProperties.fromJson(new String(payload, StandardCharsets.UTF_8)));
      } catch (IllegalArgumentException e) {
        request.future.completeExceptionally(
            new DeviceClientException("The hub sent a twin that cannot be read: " + e.getMessage(), status, -1, e));
      }
    } else {
      ((CompletableFuture<Long>) request.future).complete(response.version().orElse(-1));
    }
  }

  private boolean applySnapshot(byte[] payload) {
    try {
      desired.onSnapshot(TwinProperties.fromJson(new String(payload, StandardCharsets.UTF_8)).desired());
    } catch (IllegalArgumentException e) {
      LOG.warn("The hub sent a twin that cannot be read: {}", e.getMessage());
      return false;
    }
    if (desired.needsResync()) {
      control.schedule(this::sendCatchUp, RESYNC_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }
    return true;
  }

  private void onDesired(String topic, byte[] payload) {
    OptionalLong version = TwinTopics.parseDesiredVersion(topic);
    JsonNode body = null;
    try {
      body = Json.parse(new String(payload, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      LOG.warn("Ignoring malformed desired notification: {}", e.getMessage());
    }
    if (version.isEmpty() || body == null || !body.isObject()) {
      // Whatever it said, a snapshot tells it again.
      sendCatchUp();
      return;
    }
    desired.onNotification(version.getAsLong(), (ObjectNode) body);
    if (desired.needsResync()) {
      control.schedule(this::sendCatchUp, RESYNC_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private boolean deliverDesired(DesiredPropertiesUpdate update) {
    if (options.desiredListener == null) {
      return true;
    }
    return callbacks.submit(() -> options.desiredListener.onDesiredProperties(update));
  }

  private void finishRenewalIfIdle() {
    if (phase == Phase.RENEWING && inFlight.isEmpty()) {
      finishRenewal();
    }
  }

  private void notifyState(ConnectionState state, DisconnectReason reason, Throwable cause) {
    if (state == notifiedState && reason == notifiedReason) {
      return;
    }
    notifiedState = state;
    notifiedReason = reason;
    ConnectionStatus status = new ConnectionStatus(state, reason, cause);
    LOG.debug("Twin connection {}", status);
    if (options.stateListener != null && !callbacks.submit(() -> options.stateListener.onConnectionStatus(status))) {
      LOG.warn("Connection-state listener queue is full; dropped {}", status);
    }
  }

  private static void cancel(ScheduledFuture<?> timer) {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  private static final class Request<T> {

    final Kind kind;
    final byte[] payload;
    final OptionalLong expectedVersion;
    final CompletableFuture<T> future = new CompletableFuture<>();
    long sequence;
    ScheduledFuture<?> timeout;

    Request(Kind kind, byte[] payload, OptionalLong expectedVersion) {
      this.kind = kind;
      this.payload = payload;
      this.expectedVersion = expectedVersion;
    }

    String describe() {
      return kind == Kind.REPORTED ? "reported-properties update" : "twin GET";
    }
  }
}
