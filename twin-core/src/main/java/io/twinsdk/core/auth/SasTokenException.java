package io.twinsdk.core.auth;

import java.util.Objects;

/**
 * A SAS token was refused: it could not be parsed, or it failed {@link SasToken#verify verification}.
 *
 * <p>The message says what was wrong and names the field; it never contains the signature.
 */
public final class SasTokenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a token was refused; a hub maps these to its own codes (IoT Hub: 401002/401003, MQTT CONNACK 5). */
  public enum Reason {
    /** The token is not a well-formed {@code SharedAccessSignature sr=…&sig=…&se=…[&skn=…]} string. */
    MALFORMED,
    /** The signature was not made with the given key over the token's {@code sr} and {@code se}. */
    INVALID_SIGNATURE,
    /** The token's expiry ({@code se}) is before the time of verification. */
    EXPIRED,
    /** The token is genuine, but its resource does not cover the resource being accessed. */
    WRONG_SCOPE
  }

  private final Reason reason;

  SasTokenException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns why the token was refused. */
  public Reason reason() {
    return reason;
  }
}
