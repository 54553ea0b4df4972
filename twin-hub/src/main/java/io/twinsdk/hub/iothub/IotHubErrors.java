package io.twinsdk.hub.iothub;

import io.twinsdk.core.devicetwin.TwinValidationException;
import io.twinsdk.hub.http.ApiError;

/** The IoT Hub errors the hub answers with, by the codes of iothub-protocol.md §4.4. */
public final class IotHubErrors {

  private IotHubErrors() {}

  /** 400004: the request's content is invalid. */
  public static ApiError invalid(String message) {
    return ApiError.iotHub(400004, "ArgumentInvalid", message);
  }

  /** 400004 for content that breaks IoT Hub's twin rules, naming the rule and path. */
  public static ApiError invalid(TwinValidationException e) {
    return invalid(e.getMessage());
  }

  /** 401002: the caller is not authorized. */
  public static ApiError unauthorized(String message) {
    return ApiError.iotHub(401002, "IotHubUnauthorizedAccess", message);
  }

  /** 401003: the token is expired. */
  public static ApiError expired(String message) {
    return ApiError.iotHub(401003, "IotHubUnauthorized", message);
  }

  /** 404001: no device has this id. */
  public static ApiError deviceNotFound(String deviceId) {
    return ApiError.iotHub(404001, "DeviceNotFound", "Device " + deviceId + " does not exist.");
  }

  /** 409001: a device with this id exists already. */
  public static ApiError deviceExists(String deviceId) {
    return ApiError.iotHub(409001, "DeviceAlreadyExists",
        "A device with ID '" + deviceId + "' is already registered.");
  }

  /** 412001: the {@code If-Match} etag or the expected version does not match. */
  public static ApiError preconditionFailed(String message) {
    return ApiError.iotHub(412001, "PreconditionFailed", message);
  }
}
