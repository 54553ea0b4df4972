package io.twinsdk.device.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import io.twinsdk.device.BadRequestException;
import io.twinsdk.device.DeviceClientException;
import io.twinsdk.device.PreconditionFailedException;
import io.twinsdk.device.ThrottledException;
import io.twinsdk.device.UnauthorizedException;
import java.nio.charset.StandardCharsets;

/**
 * Turns a hub's error answer (status in the topic, {@code errorCode} and {@code message} in the body) into a typed
 * exception: 400 is {@link BadRequestException}, 401 and 403 {@link UnauthorizedException}, 412
 * {@link PreconditionFailedException}, 429 {@link ThrottledException}, anything else a plain
 * {@link DeviceClientException} carrying the status and error code.
 */
public final class HubErrors {

  private HubErrors() {}

  /** Returns the exception for an answer with status {@code status} (400 or more) to request {@code what}. */
  public static DeviceClientException toException(String what, int status, byte[] body) {
    long errorCode = -1;
    String hubMessage = null;
    try {
      JsonNode json = Json.parse(new String(body, StandardCharsets.UTF_8));
      if (json.path("errorCode").canConvertToLong()) {
        errorCode = json.path("errorCode").asLong();
      }
      if (json.path("message").isTextual()) {
        hubMessage = json.path("message").asText();
      }
    } catch (IllegalArgumentException e) {
      // The body is optional and free-form: the status alone still says what went wrong.
    }
    String message = what + " failed with status " + status
        + (errorCode >= 0 ? " (errorCode " + errorCode + ")" : "")
        + (hubMessage != null ? ": " + hubMessage : "");
    switch (status) {
      case 400:
        return new BadRequestException(message, status, errorCode);
      case 401:
      case 403:
        return new UnauthorizedException(message, status, errorCode);
      case 412:
        return new PreconditionFailedException(message, status, errorCode);
      case 429:
        return new ThrottledException(message, status, errorCode);
      default:
        return new DeviceClientException(message, status, errorCode, null);
    }
  }
}
