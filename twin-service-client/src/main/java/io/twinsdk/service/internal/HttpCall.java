package io.twinsdk.service.internal;

import io.twinsdk.service.MatchConditions;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;

/** An HTTP call is one logical request: method, URL, headers and body, and whether it is safe to repeat. */
public final class HttpCall {

  /** {@code application/json; charset=utf-8}. */
  public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  /** {@code application/json-patch+json}, the type of Digital Twins PATCH bodies. */
  public static final MediaType JSON_PATCH = MediaType.get("application/json-patch+json");

  private final String method;
  private final HttpUrl url;
  private final Headers headers;
  private final byte[] body;
  private final MediaType contentType;
  private final boolean idempotent;

  private HttpCall(Builder b) {
    this.method = b.method;
    this.url = b.url;
    this.headers = b.headers.build();
    this.body = b.body;
    this.contentType = b.contentType;
    this.idempotent = b.idempotent && !b.succeedsOnlyOnce;
  }

  /**
   * Starts a call. GET and PUT are idempotent, and PATCH with {@code If-Match}; DELETE, a create-only PUT and any
   * request with {@code If-None-Match} are not, because a repeat after a success fails (404, 409, 412) although the
   * first attempt worked; POST is idempotent only when marked so.
   */
  public static Builder builder(String method, HttpUrl url) {
    return new Builder(method, url);
  }

  /** Returns the HTTP method. */
  public String method() {
    return method;
  }

  /** Returns the full URL, query included. */
  public HttpUrl url() {
    return url;
  }

  /** Returns the call's own headers (the pipeline adds the common ones). */
  public Headers headers() {
    return headers;
  }

  /** Returns the body, or null for none. */
  public byte[] body() {
    return body;
  }

  /** Returns the body's media type, or null for none. */
  public MediaType contentType() {
    return contentType;
  }

  /**
   * Returns whether the call may be repeated after an ambiguous failure (a timeout, a 5xx) with the same outcome;
   * other calls are repeated only when the service surely did not act on them.
   */
  public boolean idempotent() {
    return idempotent;
  }

  /** A builder of {@link HttpCall}. */
  public static final class Builder {
    private final String method;
    private final HttpUrl url;
    private final Headers.Builder headers = new Headers.Builder();
    private byte[] body;
    private MediaType contentType;
    private boolean idempotent;
    private boolean succeedsOnlyOnce;

    private Builder(String method, HttpUrl url) {
      this.method = Objects.requireNonNull(method, "method");
      this.url = Objects.requireNonNull(url, "url");
      this.idempotent = method.equals("GET") || method.equals("PUT");
      // A repeated delete answers 404 for what the first attempt deleted.
      this.succeedsOnlyOnce = method.equals("DELETE");
    }

    /** Adds a header. */
    public Builder header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    /**
     * Adds {@code If-Match} / {@code If-None-Match}; an {@code If-Match} makes a PATCH safe to repeat, an
     * {@code If-None-Match} makes the call create-only.
     */
    public Builder conditions(MatchConditions conditions) {
      conditions.ifMatch().ifPresent(etag -> {
        headers.add("If-Match", etag);
        idempotent = true;
      });
      conditions.ifNoneMatch().ifPresent(value -> {
        headers.add("If-None-Match", value);
        succeedsOnlyOnce = true;
      });
      return this;
    }

    /**
     * Marks the call as create-only (such as a PUT that fails with 409 when the resource exists): a repeat after a
     * success would fail, so it is repeated only when the service surely did not act on it.
     */
    public Builder createOnly() {
      this.succeedsOnlyOnce = true;
      return this;
    }

    /** Sets the body. */
    public Builder body(byte[] body, MediaType contentType) {
      this.body = Objects.requireNonNull(body, "body");
      this.contentType = Objects.requireNonNull(contentType, "contentType");
      return this;
    }

    /** Marks the call as safe to repeat (such as a query, which reads only). */
    public Builder idempotent() {
      this.idempotent = true;
      return this;
    }

    /** Builds the call. */
    public HttpCall build() {
      return new HttpCall(this);
    }
  }
}
