package io.twinsdk.device.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.twinsdk.core.auth.SasToken;
import io.twinsdk.core.devicetwin.TwinProperties;
import io.twinsdk.core.json.MergePatch;
import io.twinsdk.device.BadRequestException;
import io.twinsdk.device.ConnectionLostException;
import io.twinsdk.device.ConnectionState;
import io.twinsdk.device.ConnectionStatus;
import io.twinsdk.device.DesiredPropertiesUpdate;
import io.twinsdk.device.DeviceClientException;
import io.twinsdk.device.DisconnectReason;
import io.twinsdk.device.ExponentialBackoff;
import io.twinsdk.device.OperationTimeoutException;
import io.twinsdk.device.PreconditionFailedException;
import io.twinsdk.device.QueueFullException;
import io.twinsdk.device.RetryPolicy;
import io.twinsdk.device.ThrottledException;
import io.twinsdk.device.UnauthorizedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TwinSessionTest {

  private static final String KEY = "c29tZUtleQ==";
  private static final AtomicInteger NAMES = new AtomicInteger();

  private final FakeTransport.Factory hub = new FakeTransport.Factory();
  private final BlockingQueue<ConnectionStatus> states = new LinkedBlockingQueue<>();
  private final BlockingQueue<DesiredPropertiesUpdate> updates = new LinkedBlockingQueue<>();
  private final String name = "unit" + NAMES.incrementAndGet();
  private TwinSession session;

  private Duration operationTimeout = Duration.ofSeconds(5);
  private Duration tokenLifetime = Duration.ofHours(1);
  private int queueCapacity = 100;
  private int callbackQueueCapacity = 100;
  private RetryPolicy retryPolicy = attempt -> Optional.of(Duration.ofMillis(10));
  private io.twinsdk.device.DesiredPropertiesListener desiredListener = updates::add;
  private io.twinsdk.device.ConnectionStateListener stateListener = states::add;
  private TokenSource tokens;

  @AfterEach
  void closeSession() {
    if (session != null) {
      session.close();
    }
  }

  private TwinSession start() {
    if (tokens == null) {
      tokens = TokenSource.signing(expiry -> SasToken.forDevice("hub.local", "dev1", KEY, expiry), tokenLifetime);
    }
    SessionOptions options = new SessionOptions(name, tokens, retryPolicy, operationTimeout, queueCapacity, callbackQueueCapacity,
        desiredListener, stateListener, Clock.systemUTC());
    session = new TwinSession(options, hub);
    return session;
  }

  /** Opens the session and plays a hub that accepts and answers the catch-up GET with a fresh twin. */
  private FakeTransport openConnected() throws Exception {
    CompletableFuture<Void> opened = start().open();
    FakeTransport link = hub.next();
    link.accept();
    link.answerCatchUp("{\"$version\":1}");
    opened.get(5, TimeUnit.SECONDS);
    assertThat(nextState().state()).isEqualTo(ConnectionState.CONNECTED);
    return link;
  }

  private ConnectionStatus nextState() throws InterruptedException {
    ConnectionStatus status = states.poll(5, TimeUnit.SECONDS);
    assertThat(status).as("a connection-state change").isNotNull();
    return status;
  }

  private static MergePatch patch(String key, Object value) {
    return MergePatch.builder().set(key, value).build();
  }

  private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
    try {
      future.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("The future succeeded");
  }

  @Test
  void subscribesToTwinResponsesAndDesiredChangesWithTheSignedToken() throws Exception {
    FakeTransport link = openConnected();

    assertThat(link.topics).containsExactly("$iothub/twin/res/#", "$iothub/twin/PATCH/properties/desired/#");
    assertThat(SasToken.parse(link.password).isSignedWith(KEY)).isTrue();
  }

  @Test
  void concurrentRequestsAreCorrelatedByRidWhateverTheAnswerOrder() throws Exception {
    FakeTransport link = openConnected();
    List<CompletableFuture<Long>> futures = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      futures.add(session.updateReported(patch("n", i), OptionalLong.empty()));
    }
    List<FakeTransport.Published> sent = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      sent.add(link.nextPublished());
    }

    for (int i = 49; i >= 0; i--) {
      link.respondReported(sent.get(i).rid(), 100 + i);
    }

    for (int i = 0; i < 50; i++) {
      assertThat(sent.get(i).body).isEqualTo("{\"n\":" + i + "}");
      assertThat(futures.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(100L + i);
    }
  }

  @Test
  void getTwinReturnsBothSections() throws Exception {
    FakeTransport link = openConnected();

    CompletableFuture<TwinProperties> twin = session.getTwin();
    FakeTransport.Published get = link.nextPublished();
    link.respond(200, get.rid(), "{\"desired\":{\"a\":1,\"$version\":2},\"reported\":{\"b\":2,\"$version\":3}}");

    TwinProperties properties = twin.get(5, TimeUnit.SECONDS);
    assertThat(properties.desired().version()).hasValue(2);
    assertThat(properties.reported().get("b").orElseThrow().asInt()).isEqualTo(2);
  }

  @Test
  void unansweredRequestTimesOutAndItsLateAnswerIsIgnored() throws Exception {
    operationTimeout = Duration.ofMillis(200);
    FakeTransport link = openConnected();

    CompletableFuture<Long> update = session.updateReported(patch("a", 1), OptionalLong.empty());
    FakeTransport.Published sent = link.nextPublished();

    assertThat(failureOf(update)).isInstanceOf(OperationTimeoutException.class);
    link.respondReported(sent.rid(), 9);
    CompletableFuture<Long> next = session.updateReported(patch("a", 2), OptionalLong.empty());
    FakeTransport.Published second = link.nextPublished();
    assertThat(second.rid()).isNotEqualTo(sent.rid());
    link.respondReported(second.rid(), 10);
    assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo(10L);
  }

  @Test
  void expectedVersionIsSentOnlyWhenAskedAndA412IsTyped() throws Exception {
    FakeTransport link = openConnected();

    CompletableFuture<Long> plain = session.updateReported(patch("a", 1), OptionalLong.empty());
    CompletableFuture<Long> guarded = session.updateReported(patch("a", 2), OptionalLong.of(7));
    FakeTransport.Published first = link.nextPublished();
    FakeTransport.Published second = link.nextPublished();
    link.respondReported(first.rid(), 8);
    link.respond(412, second.rid(), "{\"errorCode\":412001,\"message\":\"version mismatch\"}");

    assertThat(first.topic).doesNotContain("$version");
    assertThat(second.topic).endsWith("&$version=7");
    assertThat(plain.get(5, TimeUnit.SECONDS)).isEqualTo(8L);
    Throwable failure = failureOf(guarded);
    assertThat(failure).isInstanceOf(PreconditionFailedException.class).hasMessageContaining("version mismatch");
    assertThat(((DeviceClientException) failure).status()).hasValue(412);
    assertThat(((DeviceClientException) failure).errorCode()).hasValue(412001);
  }

  @Test
  void throttlingIsTypedAndNotRetried() throws Exception {
    FakeTransport link = openConnected();

    CompletableFuture<TwinProperties> twin = session.getTwin();
    link.respond(429, link.nextPublished().rid(), "{\"errorCode\":429001}");

    assertThat(failureOf(twin)).isInstanceOf(ThrottledException.class);
    assertThat(link.published.poll(100, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void updatesMadeWhileOfflineAreSentInOrderAfterTheReconnect() throws Exception {
    FakeTransport first = openConnected();
    first.cut();
    assertThat(nextState().reason()).isEqualTo(DisconnectReason.NETWORK);

    List<CompletableFuture<Long>> futures = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      futures.add(session.updateReported(patch("n", i), OptionalLong.empty()));
    }
    FakeTransport second = hub.next();
    assertThat(futures).noneMatch(CompletableFuture::isDone);
    second.accept();

    second.answerCatchUp("{\"$version\":1}");
    for (int i = 0; i < 5; i++) {
      FakeTransport.Published sent = second.nextPublished();
      assertThat(sent.body).isEqualTo("{\"n\":" + i + "}");
      assertThat(futures.get(i)).isNotDone();
      second.respondReported(sent.rid(), 2 + i);
    }
    for (int i = 0; i < 5; i++) {
      assertThat(futures.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(2L + i);
    }
    assertThat(first.closed).isTrue();
  }

  @Test
  void updateInFlightWhenTheLinkDropsIsSentAgainAfterTheReconnect() throws Exception {
    FakeTransport first = openConnected();
    CompletableFuture<Long> update = session.updateReported(patch("a", 1), OptionalLong.empty());
    first.nextPublished();

    first.cut();
    FakeTransport second = hub.next();
    second.accept();
    second.answerCatchUp("{\"$version\":1}");
    FakeTransport.Published resent = second.nextPublished();
    second.respondReported(resent.rid(), 2);

    assertThat(resent.body).isEqualTo("{\"a\":1}");
    assertThat(update.get(5, TimeUnit.SECONDS)).isEqualTo(2L);
  }

  @Test
  void fullQueueFailsTheCallAtOnce() throws Exception {
    queueCapacity = 2;
    start();
    CompletableFuture<Long> first = session.updateReported(patch("a", 1), OptionalLong.empty());
    CompletableFuture<Long> second = session.updateReported(patch("a", 2), OptionalLong.empty());

    CompletableFuture<Long> third = session.updateReported(patch("a", 3), OptionalLong.empty());

    assertThat(third).isCompletedExceptionally();
    assertThat(failureOf(third)).isInstanceOf(QueueFullException.class);
    assertThat(first).isNotDone();
    assertThat(second).isNotDone();
  }

  @Test
  void refusedCredentialsEndInDisconnectedWithoutRetrying() throws Exception {
    CompletableFuture<Void> opened = start().open();
    CompletableFuture<Long> queued = session.updateReported(patch("a", 1), OptionalLong.empty());
    hub.next().refuse(TransportException.Kind.UNAUTHORIZED);

    ConnectionStatus status = nextState();
    assertThat(status.state()).isEqualTo(ConnectionState.DISCONNECTED);
    assertThat(status.reason()).isEqualTo(DisconnectReason.UNAUTHORIZED);
    assertThat(status.cause()).containsInstanceOf(UnauthorizedException.class);
    assertThat(failureOf(opened)).isInstanceOf(UnauthorizedException.class);
    assertThat(failureOf(queued)).isInstanceOf(UnauthorizedException.class);
    assertThat(failureOf(session.getTwin())).isInstanceOf(UnauthorizedException.class);
    assertThat(hub.created.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void networkFailuresAreRetriedWithTheRetryPolicysDelays() throws Exception {
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    retryPolicy = attempt -> {
      attempts.add(attempt);
      return Optional.of(Duration.ofMillis(10));
    };
    CompletableFuture<Void> opened = start().open();
    hub.next().refuse(TransportException.Kind.NETWORK);
    hub.next().refuse(TransportException.Kind.SERVER);
    FakeTransport third = hub.next();
    third.accept();

    opened.get(5, TimeUnit.SECONDS);
    assertThat(attempts).containsExactly(1, 2);
    assertThat(nextState().reason()).isEqualTo(DisconnectReason.NETWORK);
    assertThat(nextState().reason()).isEqualTo(DisconnectReason.SERVER);
    assertThat(nextState().state()).isEqualTo(ConnectionState.CONNECTED);
  }

  @Test
  void exhaustedRetriesFailWaitingRequests() throws Exception {
    retryPolicy = ExponentialBackoff.builder().initialDelay(Duration.ofMillis(5)).maxAttempts(1).build();
    FakeTransport link = openConnected();
    CompletableFuture<Long> update = session.updateReported(patch("a", 1), OptionalLong.empty());
    link.nextPublished();

    link.cut();
    hub.next().refuse(TransportException.Kind.NETWORK);

    assertThat(failureOf(update)).isInstanceOf(ConnectionLostException.class);
    assertThat(nextState().state()).isEqualTo(ConnectionState.DISCONNECTED_RETRYING);
    ConnectionStatus last = nextState();
    assertThat(last.state()).isEqualTo(ConnectionState.DISCONNECTED);
    assertThat(last.reason()).isEqualTo(DisconnectReason.RETRIES_EXHAUSTED);
  }

  @Test
  void renewalDoesNotWaitPastTokenExpiryForAnUnansweredRequest() throws Exception {
    // The operation timeout is far longer than the token: the renewal must not wait for it (the hub drops at expiry).
    operationTimeout = Duration.ofSeconds(30);
    tokenLifetime = Duration.ofSeconds(3);
    FakeTransport first = openConnected();
    CompletableFuture<Long> update = session.updateReported(patch("a", 1), OptionalLong.empty());
    first.nextPublished();

    FakeTransport second = hub.next();
    second.accept();
    second.answerCatchUp("{\"$version\":1}");
    FakeTransport.Published resent = second.nextPublished();
    second.respondReported(resent.rid(), 2);

    assertThat(resent.body).isEqualTo("{\"a\":1}");
    assertThat(update.get(5, TimeUnit.SECONDS)).isEqualTo(2L);
    assertThat(first.closed).isTrue();
    assertThat(second.password).isNotEqualTo(first.password);
    assertThat(SasToken.parse(second.password).expiry()).isAfter(SasToken.parse(first.password).expiry());
    ConnectionStatus renewal = nextState();
    assertThat(renewal.state()).isEqualTo(ConnectionState.DISCONNECTED_RETRYING);
    assertThat(renewal.reason()).isEqualTo(DisconnectReason.TOKEN_RENEWAL);
    assertThat(nextState().state()).isEqualTo(ConnectionState.CONNECTED);
  }

  @Test
  void oversizedReportedPatchFailsAtOnceWithoutBeingSent() throws Exception {
    FakeTransport link = openConnected();
    MergePatch.Builder big = MergePatch.builder();
    for (int i = 0; i < 9; i++) {
      big.set("k" + i, "x".repeat(4000));
    }

    CompletableFuture<Long> update = session.updateReported(big.build(), OptionalLong.empty());

    assertThat(failureOf(update)).isInstanceOf(BadRequestException.class).hasMessageContaining("32768");
    CompletableFuture<TwinProperties> twin = session.getTwin();
    assertThat(link.nextPublished().isGet()).isTrue();
    assertThat(twin).isNotDone();
  }

  @Test
  void requestThatKeepsDroppingTheLinkFailsAfterMaxSendsAndLaterRequestsFlow() throws Exception {
    FakeTransport link = openConnected();
    CompletableFuture<Long> poison = session.updateReported(patch("a", 1), OptionalLong.empty());
    link.nextPublished();

    for (int send = 1; send < TwinSession.MAX_SENDS; send++) {
      link.cut();
      link = hub.next();
      link.accept();
      link.answerCatchUp("{\"$version\":1}");
      assertThat(link.nextPublished().body).isEqualTo("{\"a\":1}");
    }
    link.cut();

    assertThat(failureOf(poison)).isInstanceOf(ConnectionLostException.class)
        .hasMessageContaining(TwinSession.MAX_SENDS + " times");
    FakeTransport healed = hub.next();
    healed.accept();
    healed.answerCatchUp("{\"$version\":1}");
    CompletableFuture<Long> next = session.updateReported(patch("b", 1), OptionalLong.empty());
    FakeTransport.Published sent = healed.nextPublished();
    assertThat(sent.body).isEqualTo("{\"b\":1}");
    healed.respondReported(sent.rid(), 3);
    assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo(3L);
  }

  @Test
  void backoffKeepsGrowingWhenTheHubDropsEachLinkBeforeAnsweringAnything() throws Exception {
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    retryPolicy = attempt -> {
      attempts.add(attempt);
      return Optional.of(Duration.ofMillis(10));
    };
    FakeTransport first = openConnected();
    first.cut();
    FakeTransport second = hub.next();
    second.accept();
    assertThat(second.nextPublished().isGet()).isTrue();
    second.cut();
    FakeTransport third = hub.next();
    third.accept();
    third.answerCatchUp("{\"$version\":1}");
    third.cut();
    hub.next();

    assertThat(attempts).containsExactly(1, 2, 1);
  }

  @Test
  void conditionalUpdateInFlightWhenTheLinkDropsFailsAsOutcomeUnknownInsteadOfBeingResent() throws Exception {
    FakeTransport first = openConnected();
    CompletableFuture<Long> guarded = session.updateReported(patch("a", 1), OptionalLong.of(4));
    first.nextPublished();

    first.cut();

    assertThat(failureOf(guarded)).isInstanceOf(ConnectionLostException.class).hasMessageContaining("outcome is unknown");
    FakeTransport second = hub.next();
    second.accept();
    second.answerCatchUp("{\"$version\":1}");
    CompletableFuture<TwinProperties> twin = session.getTwin();
    assertThat(second.nextPublished().isGet()).as("the next message is the new GET, not a resend").isTrue();
    assertThat(twin).isNotDone();
  }

  @Test
  void fixedTokenIsNotRenewedByReconnectingWithTheSameToken() throws Exception {
    String fixed = SasToken.forDevice("hub.local", "dev1", KEY, Instant.now().plusSeconds(2)).value();
    AtomicInteger issued = new AtomicInteger();
    CountDownLatch renewalChecked = new CountDownLatch(1);
    tokens = TokenSource.supplied(() -> {
      if (issued.incrementAndGet() == 2) {
        renewalChecked.countDown();
      }
      return fixed;
    });
    FakeTransport link = openConnected();

    assertThat(renewalChecked.await(5, TimeUnit.SECONDS)).as("the renewal asked for a token").isTrue();
    // The control thread is serial: once this GET is out, the renewal check has finished.
    CompletableFuture<TwinProperties> twin = session.getTwin();
    assertThat(link.nextPublished().isGet()).isTrue();

    assertThat(hub.created).isEmpty();
    assertThat(link.closed).isFalse();
    assertThat(twin).isNotDone();
  }

  @Test
  void requestQueuedWhileOfflineTimesOutAsNeverSent() throws Exception {
    operationTimeout = Duration.ofMillis(200);
    start().open();
    hub.next();

    CompletableFuture<Long> update = session.updateReported(patch("a", 1), OptionalLong.empty());

    assertThat(failureOf(update)).isInstanceOf(OperationTimeoutException.class).hasMessageContaining("never sent");
  }

  @Test
  void publishRefusedOnAWorkingLinkFailsTheRequestAtOnce() throws Exception {
    operationTimeout = Duration.ofSeconds(30);
    FakeTransport link = openConnected();
    link.refusePublish = new TransportException(TransportException.Kind.REJECTED, "too many in flight", null);

    CompletableFuture<Long> update = session.updateReported(patch("a", 1), OptionalLong.empty());

    assertThat(failureOf(update)).isInstanceOf(DeviceClientException.class)
        .isNotInstanceOf(OperationTimeoutException.class).hasMessageContaining("too many in flight");
  }

  @Test
  void slowTransportCloseDoesNotHoldUpTheReconnectOrRequests() throws Exception {
    FakeTransport first = openConnected();
    CountDownLatch gate = new CountDownLatch(1);
    first.closeGate = gate;
    try {
      first.cut();

      FakeTransport second = hub.next();
      second.accept();
      second.answerCatchUp("{\"$version\":1}");
      CompletableFuture<Long> update = session.updateReported(patch("a", 1), OptionalLong.empty());
      second.respondReported(second.nextPublished().rid(), 2);

      assertThat(update.get(5, TimeUnit.SECONDS)).isEqualTo(2L);
      assertThat(first.closed).isTrue();
    } finally {
      gate.countDown();
    }
  }

  @Test
  void stateChangeIsDeliveredEvenWhenTheCallbackQueueIsFull() throws Exception {
    callbackQueueCapacity = 1;
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch listening = new CountDownLatch(1);
    desiredListener = update -> {
      listening.countDown();
      awaitQuietly(release);
    };
    FakeTransport link = openConnected();
    link.desired(2, "{\"a\":1}");
    assertThat(listening.await(5, TimeUnit.SECONDS)).isTrue();
    link.desired(3, "{\"a\":2}");

    link.cut();
    // The control thread is serial: once the GET of the next link is out, the state change was handed over.
    FakeTransport second = hub.next();
    second.accept();
    assertThat(second.nextPublished().isGet()).isTrue();
    release.countDown();

    assertThat(nextState().state()).isIn(ConnectionState.DISCONNECTED_RETRYING, ConnectionState.CONNECTED);
  }

  @Test
  void resyncForABlockedListenerBacksOff() throws Exception {
    callbackQueueCapacity = 1;
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch listening = new CountDownLatch(1);
    desiredListener = update -> {
      listening.countDown();
      awaitQuietly(release);
    };
    try {
      FakeTransport link = openConnected();
      link.desired(2, "{\"a\":2}");
      assertThat(listening.await(5, TimeUnit.SECONDS)).isTrue();
      link.desired(3, "{\"a\":3}");
      link.desired(4, "{\"a\":4}");

      // Each snapshot is refused too (the listener is still blocked): the next GET waits 100, 200, 400 ms.
      long answered = 0;
      for (int resync = 0; resync < 3; resync++) {
        FakeTransport.Published get = link.nextPublished();
        assertThat(get.isGet()).isTrue();
        answered = System.nanoTime();
        link.respond(200, get.rid(), "{\"desired\":{\"a\":5,\"$version\":5},\"reported\":{\"$version\":1}}");
      }
      assertThat(link.nextPublished().isGet()).isTrue();
      // A lower bound only: a scheduled task never runs early, so this cannot flake on a slow machine.
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answered)).isGreaterThanOrEqualTo(400);
    } finally {
      release.countDown();
    }
  }

  @Test
  void unauthorizedAnswerIsTyped() throws Exception {
    FakeTransport link = openConnected();

    CompletableFuture<TwinProperties> twin = session.getTwin();
    link.respond(401, link.nextPublished().rid(), "{\"errorCode\":401002}");

    Throwable failure = failureOf(twin);
    assertThat(failure).isInstanceOf(UnauthorizedException.class);
    assertThat(((DeviceClientException) failure).status()).hasValue(401);
  }

  @Test
  void desiredChangeMissedWhileDisconnectedArrivesOnceAfterTheReconnect() throws Exception {
    FakeTransport first = openConnected();
    first.desired(2, "{\"fan\":true,\"$version\":2}");
    assertThat(updates.poll(5, TimeUnit.SECONDS).version()).isEqualTo(2);

    first.cut();
    FakeTransport second = hub.next();
    second.accept();
    second.desired(4, "{\"speed\":3,\"$version\":4}");
    second.answerCatchUp("{\"fan\":false,\"speed\":3,\"$version\":4}");

    DesiredPropertiesUpdate missed = updates.poll(5, TimeUnit.SECONDS);
    assertThat(missed.version()).isEqualTo(4);
    assertThat(missed.patch().toJson()).isEqualTo("{\"fan\":false,\"speed\":3}");
    assertThat(updates.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void slowListenerDoesNotStallRequestsOrLaterUpdates() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    desiredListener = update -> {
      if (update.version() == 2) {
        awaitQuietly(release);
      }
      updates.add(update);
    };
    FakeTransport link = openConnected();
    link.desired(2, "{\"a\":1}");
    link.desired(3, "{\"a\":2}");

    CompletableFuture<Long> update = session.updateReported(patch("b", 1), OptionalLong.empty());
    link.respondReported(link.nextPublished().rid(), 5);

    assertThat(update.get(5, TimeUnit.SECONDS)).isEqualTo(5L);
    assertThat(updates).isEmpty();
    release.countDown();
    assertThat(updates.poll(5, TimeUnit.SECONDS).version()).isEqualTo(2);
    assertThat(updates.poll(5, TimeUnit.SECONDS).version()).isEqualTo(3);
  }

  @Test
  void throwingListenerDoesNotStopLaterUpdates() throws Exception {
    desiredListener = update -> {
      updates.add(update);
      throw new IllegalStateException("listener bug");
    };
    FakeTransport link = openConnected();

    link.desired(2, "{\"a\":1}");
    link.desired(3, "{\"a\":2}");

    assertThat(updates.poll(5, TimeUnit.SECONDS).version()).isEqualTo(2);
    assertThat(updates.poll(5, TimeUnit.SECONDS).version()).isEqualTo(3);
  }

  @Test
  void closeDuringReconnectReturnsPromptlyFailsWaitingRequestsAndEndsItsThreads() throws Exception {
    retryPolicy = attempt -> Optional.of(Duration.ofSeconds(30));
    FakeTransport link = openConnected();
    link.cut();
    assertThat(nextState().state()).isEqualTo(ConnectionState.DISCONNECTED_RETRYING);
    CompletableFuture<Long> queued = session.updateReported(patch("a", 1), OptionalLong.empty());

    assertTimeoutPreemptively(Duration.ofSeconds(10), session::close);

    assertThat(failureOf(queued)).isInstanceOf(ConnectionLostException.class);
    assertThat(threadsOfThisSessionAfterJoining()).isEmpty();
    assertThat(failureOf(session.getTwin())).isInstanceOf(ConnectionLostException.class);
  }

  @Test
  void closeFromAListenerDoesNotDeadlock() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    stateListener = status -> {
      if (status.state() == ConnectionState.CONNECTED) {
        session.close();
        closed.countDown();
      }
    };
    start().open();
    hub.next().accept();

    assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(failureOf(session.getTwin())).isInstanceOf(ConnectionLostException.class);
    assertThat(threadsOfThisSessionAfterJoining()).isEmpty();
  }

  /** The session's threads still alive after joining each (5 s in all): a pool ends before its threads exit. */
  private List<Thread> threadsOfThisSessionAfterJoining() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("twin-device-" + name + "-"))
        .collect(Collectors.toList());
    for (Thread thread : threads) {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }
    return threads.stream().filter(Thread::isAlive).collect(Collectors.toList());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
