package io.twinsdk.service.internal;

import io.twinsdk.service.Response;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import okhttp3.Headers;

/** An HTTP result is a received response, read completely: status, headers and body bytes. */
public final class HttpResult {

  private static final byte[] EMPTY = new byte[0];

  private final int status;
  private final Headers headers;
  private final byte[] body;

  /** Creates a result. */
  public HttpResult(int status, Headers headers, byte[] body) {
    this.status = status;
    this.headers = headers;
    this.body = body == null ? EMPTY : body;
  }

  /** Returns the HTTP status. */
  public int status() {
    return status;
  }

  /** Returns the headers. */
  public Headers headers() {
    return headers;
  }

  /** Returns the first value of a header, if present. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** Returns the body bytes (empty, never null, when there was none). */
  public byte[] body() {
    return body;
  }

  /** Returns the body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Returns a public response carrying {@code value}. */
  public <T> Response<T> toResponse(T value) {
    return new Response<>(status, headers.toMultimap(), value);
  }
}
