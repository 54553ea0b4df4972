package io.twinsdk.hub.http;

import java.util.List;
import java.util.Objects;

/**
 * A request the hub refuses, with the protocol's error code. Thrown (or returned in a failed future) by route
 * handlers; the gateway renders it in the error format of the API the request belongs to.
 */
public final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final int iotHubCode;
  private final List<String> details;

  private ApiError(int status, String code, int iotHubCode, String message, List<String> details) {
    super(message, null, false, false);
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
    this.iotHubCode = iotHubCode;
    this.details = List.copyOf(details);
  }

  /**
   * Returns an IoT Hub error.
   *
   * @param iotHubCode the six-digit error code, e.g. 404001; its first three digits are the HTTP status
   * @param name the error code name sent in the {@code iothub-errorcode} header, e.g. {@code DeviceNotFound}
   */
  public static ApiError iotHub(int iotHubCode, String name, String message) {
    return new ApiError(iotHubCode / 1000, name, iotHubCode, message, List.of());
  }

  /** Returns a Digital Twins error, e.g. {@code digitalTwins(404, "DigitalTwinNotFound", "There is no ...")}. */
  public static ApiError digitalTwins(int status, String code, String message) {
    return new ApiError(status, code, 0, message, List.of());
  }

  /** Returns a Digital Twins error carrying detail messages (validation failures list each problem). */
  public static ApiError digitalTwins(int status, String code, String message, List<String> details) {
    return new ApiError(status, code, 0, message, details);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The error code name ({@code DeviceNotFound}, {@code DigitalTwinNotFound}, ...). */
  public String code() {
    return code;
  }

  /** The six-digit IoT Hub error code, or 0 for a Digital Twins error. */
  public int iotHubCode() {
    return iotHubCode;
  }

  /** Detail messages, possibly empty. */
  public List<String> details() {
    return details;
  }
}
