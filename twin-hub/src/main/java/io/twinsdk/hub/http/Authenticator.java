package io.twinsdk.hub.http;

import io.twinsdk.hub.auth.Principal;

/** Checks a request's {@code Authorization} header for one realm. */
@FunctionalInterface
public interface Authenticator {

  /**
   * Returns the caller the header stands for.
   *
   * @param authorization the header value, or null when absent
   * @throws ApiError 401 (in the realm's format) when the header is missing, malformed, forged or expired
   */
  Principal authenticate(String authorization);
}
