package io.twinsdk.device;

/** The client stopped for good (closed, credentials refused, or retries exhausted) before a request was answered. */
public final class ConnectionLostException extends DeviceClientException {

  /** Creates the exception. */
  public ConnectionLostException(String message, Throwable cause) {
    super(message, cause);
  }
}
