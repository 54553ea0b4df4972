package io.twinsdk.hub.auth;

import io.twinsdk.hub.http.ApiError;
import io.twinsdk.hub.http.Authenticator;
import java.util.Locale;

/** Authenticates Digital Twins requests: {@code Authorization: Bearer <token from the hub's token endpoint>}. */
public final class BearerAuthenticator implements Authenticator {

  private final BearerTokens tokens;

  /** Creates an authenticator accepting tokens that {@code tokens} issued. */
  public BearerAuthenticator(BearerTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public Principal authenticate(String authorization) {
    if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      throw unauthorized("The request has no bearer token. Get one from the hub's token endpoint "
          + "(POST /{tenant}/oauth2/v2.0/token) and send it as 'Authorization: Bearer <token>'.");
    }
    Principal principal = tokens.verify(authorization.substring("bearer ".length()).trim())
        .orElseThrow(() -> unauthorized("The bearer token is invalid or expired."));
    if (!principal.has(Right.SERVICE_CONNECT)) {
      throw unauthorized("Policy '" + principal.name() + "' may not use the Digital Twins API.");
    }
    return principal;
  }

  private static ApiError unauthorized(String message) {
    return ApiError.digitalTwins(401, "Unauthorized", message);
  }
}
