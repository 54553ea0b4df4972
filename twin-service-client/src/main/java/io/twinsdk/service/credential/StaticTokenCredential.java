package io.twinsdk.service.credential;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** A static-token credential always answers with the same token; for tests and short scripts. */
public final class StaticTokenCredential implements TokenCredential {

  private final AccessToken token;

  /** Creates a credential for {@code token}, treated as never expiring. */
  public StaticTokenCredential(String token) {
    this(new AccessToken(token, Instant.MAX));
  }

  /** Creates a credential for {@code token}. */
  public StaticTokenCredential(AccessToken token) {
    this.token = Objects.requireNonNull(token, "token");
  }

  @Override
  public CompletableFuture<AccessToken> getToken(String scope) {
    return CompletableFuture.completedFuture(token);
  }
}
