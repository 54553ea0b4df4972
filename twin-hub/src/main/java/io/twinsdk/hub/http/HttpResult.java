package io.twinsdk.hub.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a route handler answers: a status, headers and an optional JSON body. Immutable.
 */
public final class HttpResult {

  private final int status;
  private final Map<String, String> headers;
  private final JsonNode body;

  private HttpResult(int status, Map<String, String> headers, JsonNode body) {
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = body;
  }

  /** A response with a JSON body. */
  public static HttpResult json(int status, JsonNode body) {
    return new HttpResult(status, Map.of(), Objects.requireNonNull(body, "body"));
  }

  /** A response without a body. */
  public static HttpResult empty(int status) {
    return new HttpResult(status, Map.of(), null);
  }

  /** Returns a copy with one more header. */
  public HttpResult withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new HttpResult(status, copy, body);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The response headers. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The JSON body, or null for none. */
  public JsonNode body() {
    return body;
  }
}
