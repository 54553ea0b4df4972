package io.twinsdk.device;

/** The hub refused the device's credentials (CONNACK 4 or 5, or status 401); reconnecting does not help. */
public final class UnauthorizedException extends DeviceClientException {

  /** Creates the exception for a refused connection. */
  public UnauthorizedException(String message, Throwable cause) {
    super(message, cause);
  }
}
