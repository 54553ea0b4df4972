package io.twinsdk.device;

/** The offline queue is full, so the request was refused at once instead of being dropped later. */
public final class QueueFullException extends DeviceClientException {

  /** Creates the exception. */
  public QueueFullException(String message, Throwable cause) {
    super(message, cause);
  }
}
