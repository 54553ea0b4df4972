package io.twinsdk.service.credential;

import java.util.concurrent.CompletableFuture;

/**
 * A token credential obtains bearer tokens for a scope, such as {@code https://digitaltwins.azure.net/.default}.
 *
 * <p>Implementations must be thread-safe and must not block the calling thread; clients cache the tokens they get,
 * so each call may fetch a fresh one.
 */
@FunctionalInterface
public interface TokenCredential {

  /** Requests a token for {@code scope}; the future fails with an {@code UnauthorizedException} when refused. */
  CompletableFuture<AccessToken> getToken(String scope);
}
