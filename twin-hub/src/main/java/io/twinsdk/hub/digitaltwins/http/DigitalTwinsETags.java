package io.twinsdk.hub.digitaltwins.http;

import io.twinsdk.hub.http.HttpExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The ETags of digital twins and relationships: weak {@code W/"<uuid>"}, new on every write, and the {@code If-Match} /
 * {@code If-None-Match} preconditions on them.
 *
 * <p>Parse the headers on the request thread with {@link #ifMatch} and {@link #ifNoneMatch} (a malformed header is a
 * 400 before anything is read), then check them inside the store task against the stored ETag.
 */
public final class DigitalTwinsETags {

  /** One entity tag: weak or strong, quoted, without quotes or backslashes inside (RFC 9110 etagc, simplified). */
  private static final Pattern ENTITY_TAG = Pattern.compile("(W/)?\"[^\"\\\\]*\"");

  private DigitalTwinsETags() {}

  /** Returns a fresh weak ETag, {@code W/"<uuid>"}. */
  public static String next() {
    return "W/\"" + UUID.randomUUID() + "\"";
  }

  /**
   * Reads the {@code If-Match} header: absent, {@code *}, or a comma-separated list of entity tags.
   *
   * @throws io.twinsdk.hub.http.ApiError 400 InvalidArgument when the header is anything else
   */
  public static IfMatch ifMatch(HttpExchange exchange) {
    return IfMatch.parse(exchange.header("If-Match").orElse(null));
  }

  /**
   * Reads the {@code If-None-Match} header; returns whether it is {@code *} (the resource must not exist yet).
   *
   * @throws io.twinsdk.hub.http.ApiError 400 InvalidArgument for any value other than {@code *}
   */
  public static boolean ifNoneMatch(HttpExchange exchange) {
    String value = exchange.header("If-None-Match").orElse(null);
    if (value == null) {
      return false;
    }
    if (!value.strip().equals("*")) {
      throw DigitalTwinsErrors.invalidArgument(
          "Invalid If-None-Match header value. Allowed value(s): If-None-Match: *");
    }
    return true;
  }

  /** A parsed {@code If-Match} precondition. Immutable. */
  public static final class IfMatch {

    private static final IfMatch NONE = new IfMatch(List.of());

    private final List<String> etags;

    private IfMatch(List<String> etags) {
      this.etags = etags;
    }

    /**
     * Parses a header value (null: no precondition).
     *
     * @throws io.twinsdk.hub.http.ApiError 400 InvalidArgument when the value is neither {@code *} nor ETags
     */
    public static IfMatch parse(String header) {
      if (header == null) {
        return NONE;
      }
      List<String> etags = new ArrayList<>();
      for (String part : header.split(",")) {
        String etag = part.strip();
        if (!etag.equals("*") && !ENTITY_TAG.matcher(etag).matches()) {
          throw DigitalTwinsErrors.invalidArgument(
              "Invalid If-Match header value. Allowed value(s): If-Match: {etag} or If-Match: *");
        }
        etags.add(etag);
      }
      return new IfMatch(List.copyOf(etags));
    }

    /**
     * Checks the precondition against the resource's current ETag (the caller has already found the resource).
     *
     * @throws io.twinsdk.hub.http.ApiError 412 PreconditionFailed when no given ETag is the current one
     */
    public void check(String currentEtag) {
      if (etags.isEmpty() || etags.contains("*") || etags.contains(currentEtag)) {
        return;
      }
      throw DigitalTwinsErrors.etagMismatch(etags.get(0));
    }
  }
}
