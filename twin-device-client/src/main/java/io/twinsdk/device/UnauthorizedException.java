package io.twinsdk.device;

/** The hub refused the device's credentials (CONNACK 4 or 5, or status 401); reconnecting does not help. */
public final class UnauthorizedException extends DeviceClientException {

  /** Creates the exception for a refused connection. */
  public UnauthorizedException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception for a hub answer with status 401 or 403; {@code errorCode} is -1 when the body had none. */
  public UnauthorizedException(String message, int status, long errorCode) {
    super(message, status, errorCode, null);
  }
}
