package io.twinsdk.service.internal;

import io.twinsdk.core.auth.SasToken;
import io.twinsdk.core.auth.ServiceConnectionString;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Authorizes IoT Hub service calls with SAS tokens signed from the connection string's policy key; a token is reused
 * until a sixth of its lifetime is left, then a new one is signed. A connection string that carries a ready-made
 * token is sent as is (it cannot be renewed).
 */
public final class SasAuthorizer implements Authorizer {

  private final ServiceConnectionString connectionString;
  private final Duration lifetime;
  private final Clock clock;
  private volatile SasToken cached;

  /** Creates an authorizer signing tokens valid for {@code lifetime}. */
  public SasAuthorizer(ServiceConnectionString connectionString, Duration lifetime, Clock clock) {
    this.connectionString = connectionString;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<String> authorization() {
    if (connectionString.sharedAccessSignature().isPresent()) {
      return CompletableFuture.completedFuture(connectionString.sharedAccessSignature().get().value());
    }
    Instant now = clock.instant();
    SasToken token = cached;
    if (token == null || token.expiry().minus(lifetime.dividedBy(6)).isBefore(now)) {
      token = connectionString.sasToken(now.plus(lifetime));
      cached = token;
    }
    return CompletableFuture.completedFuture(token.value());
  }

  @Override
  public boolean invalidate(String rejected) {
    SasToken token = cached;
    if (token != null && token.value().equals(rejected)) {
      cached = null;
      return true;
    }
    return false;
  }
}
