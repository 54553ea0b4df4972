package io.twinsdk.service.internal;

import io.twinsdk.service.ServiceException;
import io.twinsdk.service.UnauthorizedException;
import io.twinsdk.service.credential.AccessToken;
import io.twinsdk.service.credential.TokenCredential;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Authorizes calls with bearer tokens from a {@link TokenCredential}. One token is shared by all requests and
 * renewed five minutes before it expires or after the service rejected it; concurrent requests share one fetch.
 */
public final class BearerAuthorizer implements Authorizer {

  private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

  private final TokenCredential credential;
  private final String scope;
  private final Clock clock;
  private final AtomicReference<Fetch> current = new AtomicReference<>();

  /** Creates an authorizer asking {@code credential} for tokens of {@code scope}. */
  public BearerAuthorizer(TokenCredential credential, String scope, Clock clock) {
    this.credential = credential;
    this.scope = scope;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<String> authorization() {
    while (true) {
      Fetch cached = current.get();
      if (cached != null && cached.usable(clock.instant())) {
        return cached.header;
      }
      Fetch fresh = new Fetch();
      if (current.compareAndSet(cached, fresh)) {
        fresh.start();
        return fresh.header;
      }
    }
  }

  @Override
  public boolean invalidate(String rejected) {
    Fetch cached = current.get();
    if (cached != null && cached.header.isDone() && !cached.header.isCompletedExceptionally()
        && cached.header.join().equals(rejected)) {
      current.compareAndSet(cached, null);
    }
    return true;
  }

  /** One token request and, once it answered, the instant after which it is renewed. */
  private final class Fetch {
    final CompletableFuture<String> header = new CompletableFuture<>();
    volatile Instant renewAt = Instant.MAX;

    boolean usable(Instant now) {
      return !header.isCompletedExceptionally() && now.isBefore(renewAt);
    }

    void start() {
      CompletableFuture<AccessToken> token;
      try {
        token = credential.getToken(scope);
      } catch (RuntimeException e) {
        token = CompletableFuture.failedFuture(e);
      }
      token.whenComplete((accessToken, error) -> {
        if (error != null) {
          header.completeExceptionally(asServiceException(error));
          return;
        }
        Instant expiry = accessToken.expiresAt();
        renewAt = expiry.equals(Instant.MAX) ? expiry : expiry.minus(RENEW_BEFORE_EXPIRY);
        header.complete("Bearer " + accessToken.token());
      });
    }
  }

  /**
   * Wraps any credential failure, an error response of the token endpoint included, in an unauthorized exception
   * with status 0: the token endpoint's status (say 400 invalid_client) must not pass for the status of the call
   * that needed the token. Its message and error code stay, and the original is the cause.
   */
  private static ServiceException asServiceException(Throwable error) {
    Throwable cause = Futures.unwrap(error);
    String code = cause instanceof ServiceException ? ((ServiceException) cause).errorCode().orElse(null) : null;
    String what = cause instanceof ServiceException ? "the token endpoint answered " + cause.getMessage()
        : cause.toString();
    return new UnauthorizedException("Could not obtain an access token: " + what, 0, code, null, cause);
  }
}
