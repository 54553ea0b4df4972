package io.twinsdk.service.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import io.twinsdk.service.AlreadyExistsException;
import io.twinsdk.service.NotFoundException;
import io.twinsdk.service.PreconditionFailedException;
import io.twinsdk.service.ServiceException;
import io.twinsdk.service.ThrottledException;
import io.twinsdk.service.UnauthorizedException;

/**
 * Turns an error response into the typed exception for its status, with the error code, message and request id
 * taken from whichever body format the service used: Digital Twins {@code {"error":{"code","message"}}} (also without
 * a code, as on 429), IoT Hub {@code {"errorCode","message","trackingId"}}, IoT Hub's legacy
 * {@code {"Message":"ErrorCode:…;…","ExceptionMessage":"Tracking ID:…"}} and OAuth2
 * {@code {"error","error_description"}}; the {@code x-ms-error-code} / {@code iothub-errorcode} headers fill in a
 * missing code. Bodies that are not JSON are quoted, shortened, in the message.
 *
 * <p>Some statuses are typed by their error code too: a 409 is an {@link AlreadyExistsException} only for a
 * duplicate ({@code …AlreadyExists}, IoT Hub {@code 409001}, or no code), not for conflicts such as
 * {@code ModelReferencesNotDeleted}; a 403 is an {@link UnauthorizedException} except for IoT Hub's quota and limit
 * errors ({@code 403002} IotHubQuotaExceeded, {@code 403004} DeviceMaximumQueueDepthExceeded, …).
 */
public final class ErrorMapper {

  private static final int MAX_QUOTED_BODY = 200;

  private ErrorMapper() {}

  /** Returns the exception for {@code result}, a response with status 400 or above. */
  public static ServiceException toException(HttpResult result, String clientRequestId) {
    Parsed parsed = new Parsed();
    parse(result.bodyText(), parsed, 0);
    if (parsed.code == null) {
      parsed.code = result.header("x-ms-error-code").or(() -> result.header("iothub-errorcode")).orElse(null);
    }
    if (parsed.message == null) {
      String text = result.bodyText().strip();
      parsed.message = text.isEmpty() ? "(no body)"
          : text.length() > MAX_QUOTED_BODY ? text.substring(0, MAX_QUOTED_BODY) + "…" : text;
    }
    String requestId = parsed.trackingId != null ? parsed.trackingId
        : result.header("x-ms-request-id").or(() -> result.header("request-id")).orElse(clientRequestId);
    int status = result.status();
    String message = "HTTP " + status + (parsed.code == null ? "" : " " + parsed.code) + ": " + parsed.message;
    return create(status, message, parsed.code, requestId);
  }

  private static ServiceException create(int status, String message, String code, String requestId) {
    switch (status) {
      case 401:
        return new UnauthorizedException(message, status, code, requestId, null);
      case 403:
        return isQuotaOrLimit(code) ? new ServiceException(message, status, code, requestId, null)
            : new UnauthorizedException(message, status, code, requestId, null);
      case 404:
        return new NotFoundException(message, status, code, requestId, null);
      case 409:
        return isDuplicate(code) ? new AlreadyExistsException(message, status, code, requestId, null)
            : new ServiceException(message, status, code, requestId, null);
      case 412:
        return new PreconditionFailedException(message, status, code, requestId, null);
      case 429:
        return new ThrottledException(message, status, code, requestId, null);
      default:
        return new ServiceException(message, status, code, requestId, null);
    }
  }

  /** Whether a 409's code names a duplicate rather than another conflict (such as a model still referenced). */
  private static boolean isDuplicate(String code) {
    return code == null || code.equals("409001") || code.contains("AlreadyExists");
  }

  /** Whether a 403's code is an IoT Hub quota or limit (all its numeric 403xxx codes) rather than a refusal. */
  private static boolean isQuotaOrLimit(String code) {
    return code != null && (code.matches("403\\d{3}") || code.contains("Quota") || code.endsWith("Exceeded")
        || code.contains("Suspended"));
  }

  private static void parse(String text, Parsed parsed, int depth) {
    JsonNode body;
    try {
      body = Json.parse(text);
    } catch (IllegalArgumentException notJson) {
      return;
    }
    if (!body.isObject()) {
      return;
    }
    JsonNode error = body.get("error");
    if (error != null && error.isObject()) {
      parsed.code = text(error, "code");
      parsed.message = text(error, "message");
    } else if (error != null && error.isTextual()) {
      parsed.code = error.asText();
      parsed.message = text(body, "error_description");
    } else if (body.has("errorCode")) {
      parsed.code = text(body, "errorCode");
      parsed.message = text(body, "message");
      parsed.trackingId = text(body, "trackingId");
    } else if (body.has("Message")) {
      parseLegacy(body, parsed, depth);
    }
  }

  private static void parseLegacy(JsonNode body, Parsed parsed, int depth) {
    String message = text(body, "Message");
    if (message == null) {
      return;
    }
    // Some hub versions nest the current format, as a string, inside the legacy one.
    if (message.startsWith("{") && depth == 0) {
      parse(message, parsed, depth + 1);
      if (parsed.message != null) {
        return;
      }
    }
    int semicolon = message.indexOf(';');
    if (message.startsWith("ErrorCode:") && semicolon > 0) {
      parsed.code = message.substring("ErrorCode:".length(), semicolon);
      parsed.message = message.substring(semicolon + 1);
    } else {
      parsed.message = message;
    }
    String exceptionMessage = text(body, "ExceptionMessage");
    if (exceptionMessage != null && exceptionMessage.startsWith("Tracking ID:")) {
      String rest = exceptionMessage.substring("Tracking ID:".length());
      int dash = rest.indexOf('-');
      parsed.trackingId = dash > 0 ? rest.substring(0, dash) : rest;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static final class Parsed {
    String code;
    String message;
    String trackingId;
  }
}
