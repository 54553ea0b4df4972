package io.twinsdk.device;

/** The hub refused a reported-properties update because the expected $version was not current (status 412); read the twin again before retrying. */
public final class PreconditionFailedException extends DeviceClientException {

  /** Creates the exception for a hub answer; {@code errorCode} is -1 when the body had none. */
  public PreconditionFailedException(String message, int status, long errorCode) {
    super(message, status, errorCode, null);
  }
}
