package io.twinsdk.device.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.devicetwin.TwinProperties;
import io.twinsdk.core.devicetwin.TwinRules;
import io.twinsdk.core.internal.Json;
import io.twinsdk.core.json.MergePatch;
import io.twinsdk.device.BadRequestException;
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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
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
 * {@link CallbackDispatcher}'s thread ({@code twin-device-<id>-callbacks}). Old transports are closed on a closer
 * thread ({@code twin-device-<id>-closer}, ended when idle) because Paho's close blocks for hundreds of milliseconds,
 * and the control thread must keep serving requests, timeouts and desired notifications meanwhile. {@link #close()}
 * stops all three; if a thread ignores the interrupt after the wait (a known Paho 1.2.5 connect-thread race), it
 * waits once more, bounded, and logs what is left.
 *
 * <p>Delivery: a request whose link drops before it is answered is sent again on the next link, at most
 * {@value #MAX_SENDS} times in all, so unconditional updates are at-least-once. A request the hub answers by dropping
 * the link (a poison request) therefore fails on its own instead of blocking the queue for ever. A conditional update
 * (with {@code $version}) is never sent again: if the hub applied it before the link dropped, a resend would get a false
 * 412, so it fails with {@link ConnectionLostException} ("outcome unknown") and the caller reads the twin to decide.
 * Every request's operation timeout counts from its submission, so requests queued while offline time out too. The
 * reconnect backoff starts again only after a link has proved itself by answering a request, so a hub that accepts and
 * at once drops the link still sees exponential backoff.
 */
public final class TwinSession {

  private static final Logger LOG = LoggerFactory.getLogger(TwinSession.class);
  private static final String[] TOPICS = {TwinTopics.RESPONSES, TwinTopics.DESIRED};
  private static final byte[] EMPTY = new byte[0];
  private static final long RESYNC_DELAY_MILLIS = 100;
  /** Resyncs for a listener that keeps the callback queue full back off up to this, instead of a GET every 100 ms. */
  private static final long MAX_RESYNC_DELAY_MILLIS = 10_000;
  private static final long CLOSE_WAIT_MILLIS = 1000;
  /**
   * How often a request may be sent in all before it fails instead of riding along with every reconnect: high enough
   * that random network cuts on a loaded machine do not fail healthy requests (the soak test saw 3 losses in a row).
   */
  static final int MAX_SENDS = 10;
  /** Renewal finishes this long before the token expires (at most), so that the hub never drops the link first. */
  private static final long RENEWAL_MARGIN_MILLIS = 5000;

  private enum Phase { IDLE, CONNECTING, CONNECTED, RENEWING, WAITING, STOPPED }

  private enum Kind { GET, REPORTED, CATCH_UP }

  private final SessionOptions options;
  private final Transport.Factory transports;
  private final ScheduledThreadPoolExecutor control;
  private final ThreadPoolExecutor closer;
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
  private TokenSource.Issued renewedToken;
  private int attempt;
  private long requestCounter;
  private long sequence;
  private boolean catchUpInFlight;
  private boolean resyncScheduled;
  private long resyncDelayMillis = RESYNC_DELAY_MILLIS;
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
    // One thread at most, ended when idle; each transport is queued once, so the queue holds at most a few.
    this.closer = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
      Thread thread = new Thread(runnable, "twin-device-" + options.name + "-closer");
      thread.setDaemon(true);
      return thread;
    });
    this.closer.allowCoreThreadTimeOut(true);
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
   * @return a future that fails with {@link BadRequestException} at once if the patch exceeds IoT Hub's 32 KB limit
   *     for reported properties (as {@link TwinRules#sizeOf} counts it)
   */
  public CompletableFuture<Long> updateReported(MergePatch patch, OptionalLong expectedVersion) {
    long size = TwinRules.sizeOf(patch.toJsonNode());
    if (size > TwinRules.Section.REPORTED.maxBytes()) {
      // IoT Hub answers an oversized patch by closing the link; sending it would only make a reconnect loop.
      return CompletableFuture.failedFuture(new BadRequestException("The reported-properties patch counts " + size
          + " bytes; IoT Hub accepts at most " + TwinRules.Section.REPORTED.maxBytes(), 400, -1));
    }
    byte[] body = patch.toJson().getBytes(StandardCharsets.UTF_8);
    return submit(new Request<>(Kind.REPORTED, body, expectedVersion));
  }

  /**
   * Stops the session: fails waiting requests, closes the connection and stops the control and callback threads.
   * Waits a bounded time for each pool (then interrupts and waits once more), also during a reconnect; idempotent.
   */
  public void close() {
    post(() -> stop(DisconnectReason.CLIENT_CLOSED, new ConnectionLostException("The device client was closed", null)));
    control.shutdown();
    if (Thread.currentThread() != controlThread) {
      ExecutorShutdown.await(control, CLOSE_WAIT_MILLIS, "control");
    }
    // After the control thread: its stop task hands the last transport to the closer.
    closer.shutdown();
    ExecutorShutdown.await(closer, CLOSE_WAIT_MILLIS, "transport closer");
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
    request.timeout = schedule(() -> timeOut(request), options.operationTimeout.toMillis());
    flush();
  }

  // ---- connection lifecycle ----

  private void connect() {
    retryTimer = null;
    phase = Phase.CONNECTING;
    try {
      token = renewedToken != null ? renewedToken : options.tokens.issue(options.clock.instant());
      renewedToken = null;
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
      closeInBackground(attemptTransport);
      return;
    }
    if (failure != null) {
      linkDown(transportError(failure));
      return;
    }
    phase = Phase.CONNECTED;
    notifyState(ConnectionState.CONNECTED, DisconnectReason.NONE, null);
    opened.complete(null);
    sendCatchUp();
    long renewIn = Duration.between(options.clock.instant(), token.renewAt()).toMillis();
    renewalTimer = schedule(this::startRenewal, Math.max(0, renewIn));
    flush();
  }

  private static TransportException transportError(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    return cause instanceof TransportException
        ? (TransportException) cause
        : new TransportException(TransportException.Kind.NETWORK, String.valueOf(cause.getMessage()), cause);
  }

  /**
   * Renewal: stop sending, let in-flight requests finish (bounded by {@link #renewalWaitMillis()}), then reconnect.
   * Only a token that expires later than the current one is worth a reconnect: a fixed SAS token, or a supplier that
   * has nothing newer yet, keeps the link until the hub drops it at expiry (the reconnect then asks for a token again).
   */
  private void startRenewal() {
    renewalTimer = null;
    if (phase != Phase.CONNECTED) {
      return;
    }
    TokenSource.Issued next;
    try {
      next = options.tokens.issue(options.clock.instant());
    } catch (RuntimeException e) {
      LOG.warn("Cannot make a SAS token for the renewal; keeping the current one: {}", e.getMessage());
      return;
    }
    if (!next.expiry().isAfter(token.expiry())) {
      LOG.debug("The SAS token source has no later token than {}; not renewing", token.expiry());
      return;
    }
    renewedToken = next;
    phase = Phase.RENEWING;
    renewalDeadline = schedule(this::finishRenewal, renewalWaitMillis());
    if (inFlight.isEmpty()) {
      finishRenewal();
    }
  }

  /**
   * How long a renewal waits for in-flight requests: the operation timeout, but never past the token's expiry minus a
   * margin (half the time left, at most {@value #RENEWAL_MARGIN_MILLIS} ms), as the hub drops the link at expiry.
   */
  private long renewalWaitMillis() {
    long untilExpiry = Duration.between(options.clock.instant(), token.expiry()).toMillis();
    long margin = Math.min(RENEWAL_MARGIN_MILLIS, untilExpiry / 2);
    return Math.max(0, Math.min(options.operationTimeout.toMillis(), untilExpiry - margin));
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
    retryTimer = schedule(this::connect, delay.get().toMillis());
  }

  /**
   * Closes the current transport and puts its unanswered requests back at the head of the queue, in order, except
   * conditional updates and requests already sent {@value #MAX_SENDS} times, which fail (see the class comment).
   */
  private void dropTransport() {
    cancel(renewalTimer);
    renewalTimer = null;
    cancel(renewalDeadline);
    renewalDeadline = null;
    Transport old = transport;
    transport = null;
    if (old != null) {
      closeInBackground(old);
    }
    List<Request<?>> unanswered = new ArrayList<>(inFlight.values());
    inFlight.clear();
    catchUpInFlight = false;
    unanswered.sort(Comparator.comparingLong(r -> r.sequence));
    for (int i = unanswered.size() - 1; i >= 0; i--) {
      Request<?> request = unanswered.get(i);
      request.rid = null;
      if (request.kind == Kind.CATCH_UP) {
        cancel(request.timeout);
      } else if (request.expectedVersion.isPresent()) {
        fail(request, new ConnectionLostException("The connection was lost before the hub answered the conditional "
            + request.describe() + "; the outcome is unknown (read the twin to see whether it was applied)", null));
      } else if (request.sends >= MAX_SENDS) {
        fail(request, new ConnectionLostException("The connection was lost " + request.sends + " times before the hub "
            + "answered the " + request.describe() + "; gave up (it may have been applied)", null));
      } else {
        queue.addFirst(request);
      }
    }
  }

  private void closeInBackground(Transport old) {
    try {
      closer.execute(old::close);
    } catch (RejectedExecutionException e) {
      // close() from the control thread itself (a listener): the closer is already shut, so close here.
      old.close();
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
      fail(request, error);
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
    request.rid = rid;
    request.sends++;
    inFlight.put(rid, request);
    if (request.kind == Kind.CATCH_UP) {
      request.timeout = schedule(() -> timeOut(request), options.operationTimeout.toMillis());
    }
    try {
      transport.publish(topic, request.payload);
    } catch (TransportException e) {
      if (e.kind() == TransportException.Kind.REJECTED && request.kind != Kind.CATCH_UP) {
        // The link is fine but refused this message: waiting for an answer would only end in a misleading timeout.
        inFlight.remove(rid);
        fail(request, new DeviceClientException("The " + request.describe() + " could not be sent: "
            + e.getMessage(), e));
        finishRenewalIfIdle();
      } else {
        // The connection is failing; its loss puts this request back in the queue.
        LOG.debug("Publish failed: {}", e.getMessage());
      }
    }
  }

  private void timeOut(Request<?> request) {
    if (request.future.isDone() && request.kind != Kind.CATCH_UP) {
      return;
    }
    boolean sent = request.rid != null;
    if (sent) {
      inFlight.remove(request.rid);
    } else {
      queue.remove(request);
    }
    if (request.kind == Kind.CATCH_UP) {
      if (sent) {
        catchUpInFlight = false;
        sendCatchUp();
      }
    } else if (sent) {
      request.future.completeExceptionally(new OperationTimeoutException("The hub did not answer the "
          + request.describe() + " within " + options.operationTimeout + "; it may still have been applied", null));
    } else {
      request.future.completeExceptionally(new OperationTimeoutException("The " + request.describe()
          + " was never sent: no connection within " + options.operationTimeout, null));
    }
    finishRenewalIfIdle();
  }

  private static void fail(Request<?> request, DeviceClientException error) {
    cancel(request.timeout);
    request.future.completeExceptionally(error);
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
    // An answered request proves the link works, so the next loss may reconnect quickly again.
    attempt = 0;
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
      scheduleResync();
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
      scheduleResync();
    } else {
      resyncDelayMillis = RESYNC_DELAY_MILLIS;
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
      scheduleResync();
    }
  }

  /**
   * Schedules one catch-up GET (never more than one pending), each consecutive one waiting twice as long, up to
   * {@value #MAX_RESYNC_DELAY_MILLIS} ms: a listener that stays blocked must not make the client fetch the whole twin
   * ten times a second. A snapshot that is delivered resets the delay.
   */
  private void scheduleResync() {
    if (resyncScheduled) {
      return;
    }
    resyncScheduled = true;
    schedule(() -> {
      resyncScheduled = false;
      sendCatchUp();
    }, resyncDelayMillis);
    resyncDelayMillis = Math.min(resyncDelayMillis * 2, MAX_RESYNC_DELAY_MILLIS);
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
    if (options.stateListener != null) {
      // Never dropped: with the queue full, the latest state waits in the dispatcher's slot (older ones are skipped).
      callbacks.submitLatest(() -> options.stateListener.onConnectionStatus(status));
    }
  }

  /**
   * Runs {@code task} on the control thread after {@code millis}; returns {@code null} once {@link #close()} has shut
   * the executor down, because the stop task it queued first fails whatever was waiting.
   */
  private ScheduledFuture<?> schedule(Runnable task, long millis) {
    try {
      return control.schedule(task, millis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      return null;
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
    String rid;
    int sends;
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
