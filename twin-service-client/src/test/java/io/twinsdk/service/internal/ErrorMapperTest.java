package io.twinsdk.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsdk.service.AlreadyExistsException;
import io.twinsdk.service.NotFoundException;
import io.twinsdk.service.PreconditionFailedException;
import io.twinsdk.service.ServiceException;
import io.twinsdk.service.ThrottledException;
import io.twinsdk.service.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

  private static ServiceException map(int status, Headers headers, String body) {
    return ErrorMapper.toException(new HttpResult(status, headers, body.getBytes(StandardCharsets.UTF_8)), "client-1");
  }

  @Test
  void digitalTwinsErrorBodyGivesCodeMessageAndType() {
    ServiceException e = map(404, Headers.of("x-ms-error-code", "DigitalTwinNotFound"),
        "{\"error\":{\"code\":\"DigitalTwinNotFound\",\"message\":\"There is no digital twin instance that exists "
            + "with the ID room1.\"}}");

    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.errorCode()).hasValue("DigitalTwinNotFound");
    assertThat(e.getMessage()).isEqualTo("HTTP 404 DigitalTwinNotFound: There is no digital twin instance that "
        + "exists with the ID room1.");
    assertThat(e.requestId()).hasValue("client-1");
  }

  @Test
  void digitalTwinsThrottlingBodyWithoutCodeIsThrottled() {
    ServiceException e = map(429, Headers.of(), "{ \"error\": { \"statusCode\": 429, \"message\": \"Maximum request "
        + "rate limit reached.\" } }");

    assertThat(e).isInstanceOf(ThrottledException.class);
    assertThat(e.errorCode()).isEmpty();
    assertThat(e.getMessage()).contains("Maximum request rate limit reached.");
  }

  @Test
  void iotHubCurrentBodyGivesNumericCodeAndTrackingId() {
    ServiceException e = map(409, Headers.of(), "{\"errorCode\":409001,\"trackingId\":\"8f1c\",\"message\":"
        + "\"A device with ID 'd1' is already registered.\",\"info\":{},\"timestampUtc\":\"2024-01-01T00:00:00Z\"}");

    assertThat(e).isInstanceOf(AlreadyExistsException.class);
    assertThat(e.errorCode()).hasValue("409001");
    assertThat(e.requestId()).hasValue("8f1c");
  }

  @Test
  void iotHubLegacyBodyGivesCodeFromTheMessagePrefix() {
    ServiceException e = map(400, Headers.of(), "{\"Message\":\"ErrorCode:ArgumentInvalid;Provided json is not a "
        + "valid 'tags' or 'properties' object: arrays are not supported.\",\"ExceptionMessage\":\"Tracking "
        + "ID:487dbe89cfdd4c2a8f791389530c3361-G:29-TimeStamp:03/30/2021 14:16:03\"}");

    assertThat(e).isExactlyInstanceOf(ServiceException.class);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.errorCode()).hasValue("ArgumentInvalid");
    assertThat(e.getMessage()).endsWith("arrays are not supported.");
    assertThat(e.requestId()).hasValue("487dbe89cfdd4c2a8f791389530c3361");
  }

  @Test
  void legacyBodyWrappingTheCurrentFormatIsUnwrapped() {
    ServiceException e = map(404, Headers.of(), "{\"Message\":\"{\\\"errorCode\\\":404001,\\\"message\\\":"
        + "\\\"Device d9 not found\\\"}\",\"ExceptionMessage\":\"\"}");

    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.errorCode()).hasValue("404001");
    assertThat(e.getMessage()).endsWith("Device d9 not found");
  }

  @Test
  void oauthErrorBodyIsUnauthorized() {
    ServiceException e = map(401, Headers.of(), "{\"error\":\"invalid_client\",\"error_description\":\"The client "
        + "secret is wrong.\"}");

    assertThat(e).isInstanceOf(UnauthorizedException.class);
    assertThat(e.errorCode()).hasValue("invalid_client");
    assertThat(e.getMessage()).endsWith("The client secret is wrong.");
  }

  @Test
  void nonJsonBodyIsQuotedAndTheHeaderCodeUsed() {
    ServiceException e = map(412, Headers.of("x-ms-error-code", "PreconditionFailed", "x-ms-request-id", "r-7"),
        "<html>Precondition Failed</html>");

    assertThat(e).isInstanceOf(PreconditionFailedException.class);
    assertThat(e.errorCode()).hasValue("PreconditionFailed");
    assertThat(e.getMessage()).endsWith("<html>Precondition Failed</html>");
    assertThat(e.requestId()).hasValue("r-7");
  }

  @Test
  void emptyBodyStillNamesTheStatus() {
    ServiceException e = map(503, Headers.of(), "");

    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e.getMessage()).isEqualTo("HTTP 503: (no body)");
  }

  @Test
  void longNonJsonBodyIsShortened() {
    ServiceException e = map(500, Headers.of(), "x".repeat(1000));

    assertThat(e.getMessage()).hasSizeLessThan(230).endsWith("…");
  }

  @Test
  void modelStillReferencedIsAConflictNotADuplicate() {
    ServiceException e = map(409, Headers.of(), "{\"error\":{\"code\":\"ModelReferencesNotDeleted\",\"message\":"
        + "\"A model can only be deleted if no other models reference it.\"}}");

    assertThat(e).isNotInstanceOf(AlreadyExistsException.class);
    assertThat(e.statusCode()).isEqualTo(409);
    assertThat(e.errorCode()).hasValue("ModelReferencesNotDeleted");
  }

  @Test
  void duplicateModelIdIsAlreadyExists() {
    ServiceException e = map(409, Headers.of(), "{\"error\":{\"code\":\"ModelIdAlreadyExists\",\"message\":"
        + "\"Some of the model ids already exist: dtmi:example:Room;1.\"}}");

    assertThat(e).isInstanceOf(AlreadyExistsException.class);
  }

  @Test
  void iotHubQuotaExceededIsNotUnauthorized() {
    ServiceException e = map(403, Headers.of(), "{\"errorCode\":403002,\"trackingId\":\"t1\",\"message\":"
        + "\"Total number of messages on IotHub exceeded the allocated quota.\"}");

    assertThat(e).isNotInstanceOf(UnauthorizedException.class);
    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(e.errorCode()).hasValue("403002");
  }

  @Test
  void forbiddenWithoutAQuotaCodeIsUnauthorized() {
    ServiceException e = map(403, Headers.of("x-ms-error-code", "Forbidden"), "");

    assertThat(e).isInstanceOf(UnauthorizedException.class);
  }
}
