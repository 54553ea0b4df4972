package io.twinsdk.device;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A device client exception is the root of every error a {@link DeviceClient} reports; when the hub answered, it
 * carries the hub's status and {@code errorCode}.
 */
public class DeviceClientException extends RuntimeException {

  private static final int NO_STATUS = -1;
  private static final long NO_ERROR_CODE = -1;

  private final int status;
  private final long errorCode;

  /** Creates an exception for a failure the hub did not answer with a status. */
  public DeviceClientException(String message, Throwable cause) {
    this(message, NO_STATUS, NO_ERROR_CODE, cause);
  }

  /**
   * Creates an exception for a hub answer.
   *
   * @param status the status in the response topic, or -1
   * @param errorCode the {@code errorCode} of the response body, or -1
   */
  public DeviceClientException(String message, int status, long errorCode, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** Returns the hub's status code, such as 412, if the hub answered. */
  public OptionalInt status() {
    return status == NO_STATUS ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** Returns the hub's six-digit {@code errorCode}, such as 412001, if the answer carried one. */
  public OptionalLong errorCode() {
    return errorCode == NO_ERROR_CODE ? OptionalLong.empty() : OptionalLong.of(errorCode);
  }
}
