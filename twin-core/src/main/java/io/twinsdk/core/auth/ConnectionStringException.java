package io.twinsdk.core.auth;

/**
 * A connection string could not be parsed or built: a part is missing, repeated, unknown, empty or invalid, or the
 * credentials do not combine.
 *
 * <p>The message names the part (for example "DeviceId appears twice"); it never contains a key or a signature.
 */
public final class ConnectionStringException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  ConnectionStringException(String message) {
    super(message);
  }
}
