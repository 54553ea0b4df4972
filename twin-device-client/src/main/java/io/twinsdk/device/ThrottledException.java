package io.twinsdk.device;

/** The hub refused a request because the device sends too many (status 429); retry later. */
public final class ThrottledException extends DeviceClientException {

  /** Creates the exception for a hub answer; {@code errorCode} is -1 when the body had none. */
  public ThrottledException(String message, int status, long errorCode) {
    super(message, status, errorCode, null);
  }
}
