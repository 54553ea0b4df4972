package io.twinsdk.hub.digitaltwins;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.HubFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Raw HTTPS calls to a hub's Digital Twins API for integration tests: one hub per test class, an owner token, the
 * api-version appended, any headers.
 */
final class AdtHttp implements AutoCloseable {

  static final String API_VERSION = "2023-10-31";
  private static final AtomicInteger UNIQUE = new AtomicInteger(1);

  private final HubFixture fixture;
  private final HttpClient http;
  private final String token;

  private AdtHttp(HubFixture fixture) {
    this.fixture = fixture;
    this.http = HttpClient.newBuilder().sslContext(HubFixture.trusting(fixture.hub().certificatePath()))
        .connectTimeout(Duration.ofSeconds(10)).build();
    this.token = fixture.ownerBearerToken();
  }

  static AdtHttp start(Path data) {
    return new AdtHttp(HubFixture.start(data));
  }

  HubFixture fixture() {
    return fixture;
  }

  /** A number no other call in this JVM gets: makes model ids and twin ids unique per test. */
  static int unique() {
    return UNIQUE.getAndIncrement();
  }

  /** Uploads the {@link TestModels} batch under a fresh number, which it returns. */
  int uploadTestModels() {
    int n = unique();
    HttpResponse<String> response = send("POST", "/models", TestModels.batch(n));
    if (response.statusCode() != 201) {
      throw new IllegalStateException("Uploading the test models failed: " + response.body());
    }
    return n;
  }

  /** Sends {@code method path} (api-version appended) with a JSON body (or null) and header name/value pairs. */
  HttpResponse<String> send(String method, String path, String body, String... headers) {
    String separator = path.contains("?") ? "&" : "?";
    return sendTo(URI.create(fixture.hub().digitalTwinsEndpoint() + path + separator + "api-version=" + API_VERSION),
        method, body, headers);
  }

  /** Sends to an absolute URI as given (a nextLink). */
  HttpResponse<String> sendTo(URI uri, String method, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Authorization", token);
    if (body != null) {
      request.header("Content-Type", method.equals("PATCH") ? "application/json-patch+json" : "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    return Json.parse(response.body());
  }

  /** The error code of an error response, after checking the header and body agree. */
  static String errorCode(HttpResponse<String> response) {
    String code = json(response).at("/error/code").asText();
    if (!code.equals(response.headers().firstValue("x-ms-error-code").orElse(null))) {
      throw new AssertionError("x-ms-error-code header differs from body code " + code + ": " + response.headers());
    }
    return code;
  }

  @Override
  public void close() {
    fixture.close();
  }
}
