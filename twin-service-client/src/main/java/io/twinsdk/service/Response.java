package io.twinsdk.service;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response is the outcome of one successful service call: its HTTP status, its headers (the ETag among them) and
 * the parsed value. Instances are immutable.
 *
 * @param <T> the value's type; {@link Void} (value null) for calls without a body
 */
public final class Response<T> {

  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final T value;

  /**
   * Creates a response.
   *
   * @param statusCode the HTTP status
   * @param headers the response headers; names are matched case-insensitively
   * @param value the parsed body, or null for calls without one
   */
  public Response(int statusCode, Map<String, List<String>> headers, T value) {
    this.statusCode = statusCode;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.value = value;
  }

  /** Returns the HTTP status, such as 200 or 204. */
  public int statusCode() {
    return statusCode;
  }

  /** Returns all response headers; lookups ignore the case of names. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** Returns the first value of the header {@code name} (case-insensitive), if present. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(Objects.requireNonNull(name, "name"));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Returns the {@code ETag} header, such as {@code W/"a2959dfc-…"}, if the service sent one. */
  public Optional<String> etag() {
    return header("ETag");
  }

  /** Returns the request id the service echoed or assigned, if any. */
  public Optional<String> requestId() {
    Optional<String> id = header("x-ms-request-id");
    return id.isPresent() ? id : header("x-ms-client-request-id");
  }

  /** Returns the parsed body; null for calls that return none. */
  public T value() {
    return value;
  }

  @Override
  public String toString() {
    return "Response{status=" + statusCode + ", etag=" + etag().orElse("-") + "}";
  }
}
