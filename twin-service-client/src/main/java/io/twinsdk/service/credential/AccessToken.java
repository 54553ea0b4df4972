package io.twinsdk.service.credential;

import java.time.Instant;
import java.util.Objects;

/** An access token is a bearer token and the instant it expires. Its {@code toString} never shows the token. */
public final class AccessToken {

  private final String token;
  private final Instant expiresAt;

  /**
   * Creates an access token.
   *
   * @param token the bearer token, sent as {@code Authorization: Bearer <token>}
   * @param expiresAt when the service stops accepting it
   * @throws IllegalArgumentException if {@code token} is empty
   */
  public AccessToken(String token, Instant expiresAt) {
    this.token = Objects.requireNonNull(token, "token");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    if (token.isEmpty()) {
      throw new IllegalArgumentException("token must not be empty");
    }
  }

  /** Returns the bearer token. */
  public String token() {
    return token;
  }

  /** Returns when the token expires. */
  public Instant expiresAt() {
    return expiresAt;
  }

  @Override
  public String toString() {
    return "AccessToken{expiresAt=" + expiresAt + "}";
  }
}
