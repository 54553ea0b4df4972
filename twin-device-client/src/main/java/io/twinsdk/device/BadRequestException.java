package io.twinsdk.device;

/** The hub refused a request as malformed or invalid (status 400), such as a patch with an array or a $ key. */
public final class BadRequestException extends DeviceClientException {

  /** Creates the exception for a hub answer; {@code errorCode} is -1 when the body had none. */
  public BadRequestException(String message, int status, long errorCode) {
    super(message, status, errorCode, null);
  }
}
