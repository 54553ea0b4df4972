package io.twinsdk.device;

/** The hub did not answer a request within the operation timeout; the request may still have been applied. */
public final class OperationTimeoutException extends DeviceClientException {

  /** Creates the exception. */
  public OperationTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
