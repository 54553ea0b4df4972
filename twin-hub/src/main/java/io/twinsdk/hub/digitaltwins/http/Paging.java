package io.twinsdk.hub.digitaltwins.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.http.HttpExchange;
import io.twinsdk.hub.http.HttpResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Paging of Digital Twins lists: the {@code max-items-per-page} header, opaque continuation tokens, and pages of the
 * form {@code {"value":[...],"nextLink":...}} whose {@code nextLink} is an absolute URL on the host the client used.
 *
 * <p>Lists page by key (keyset paging): a continuation token carries the key of the last item sent, and the next page
 * starts after it, so pages stay correct while items are added or removed. Fetch {@code pageSize + 1} items to let
 * {@link #page} know whether another page follows.
 */
public final class Paging {

  /** The most items one page holds, as the service documents for models and queries. */
  public static final int MAX_PAGE_SIZE = 100;

  /** The query parameter that carries the continuation token in a {@code nextLink}. */
  public static final String CONTINUATION_PARAMETER = "continuationToken";

  private Paging() {}

  /**
   * Returns the page size the client asked for with {@code max-items-per-page}, at most {@link #MAX_PAGE_SIZE} (the
   * service "may choose to return less"); {@link #MAX_PAGE_SIZE} when absent.
   *
   * @throws io.twinsdk.hub.http.ApiError 400 InvalidArgument when the header is not a positive integer
   */
  public static int pageSize(HttpExchange exchange) {
    String value = exchange.header("max-items-per-page").orElse(null);
    if (value == null) {
      return MAX_PAGE_SIZE;
    }
    try {
      int size = Integer.parseInt(value.strip());
      if (size >= 1) {
        return Math.min(size, MAX_PAGE_SIZE);
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw DigitalTwinsErrors.invalidArgument("The max-items-per-page header must be a positive integer, not '"
        + value + "'.");
  }

  /**
   * Returns the key parts of the {@code continuationToken} query parameter, or empty on a first page.
   *
   * @param parts how many key parts the list's tokens have
   * @throws io.twinsdk.hub.http.ApiError 400 BadRequest when the token was not issued by this list
   */
  public static Optional<List<String>> continuation(HttpExchange exchange, int parts) {
    return exchange.query(CONTINUATION_PARAMETER).map(token -> decodeToken(token, parts));
  }

  /** Encodes key parts into an opaque continuation token. */
  public static String encodeToken(List<String> parts) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    parts.forEach(array::add);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(array).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a token made by {@link #encodeToken}.
   *
   * @throws io.twinsdk.hub.http.ApiError 400 BadRequest when it is not such a token with {@code parts} parts
   */
  public static List<String> decodeToken(String token, int parts) {
    try {
      JsonNode array = Json.parse(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
      if (array.isArray() && array.size() == parts) {
        List<String> keys = new ArrayList<>(parts);
        for (JsonNode part : array) {
          if (!part.isTextual()) {
            throw DigitalTwinsErrors.invalidContinuationToken();
          }
          keys.add(part.textValue());
        }
        return keys;
      }
    } catch (IllegalArgumentException e) {
      // not base64 or not JSON: the error below
    }
    throw DigitalTwinsErrors.invalidContinuationToken();
  }

  /**
   * Builds a 200 page from {@code fetched} (up to {@code pageSize + 1} items in key order): the first
   * {@code pageSize} items rendered, and a {@code nextLink} (null when nothing follows) back to the same path with
   * the {@code carried} query parameters, the continuation token and the request's {@code api-version}.
   *
   * @param key the key parts of an item, which the next page starts after
   */
  public static <T> HttpResult page(HttpExchange exchange, List<T> fetched, int pageSize,
      Function<T, JsonNode> render, Function<T, List<String>> key, String... carried) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode value = body.putArray("value");
    int count = Math.min(pageSize, fetched.size());
    for (int i = 0; i < count; i++) {
      value.add(render.apply(fetched.get(i)));
    }
    if (fetched.size() > pageSize) {
      body.put("nextLink", nextLink(exchange, encodeToken(key.apply(fetched.get(pageSize - 1))), carried));
    } else {
      body.putNull("nextLink");
    }
    return HttpResult.json(200, body);
  }

  /** Returns the absolute link to the next page: this request's path and carried parameters, then the token. */
  public static String nextLink(HttpExchange exchange, String token, String... carried) {
    StringBuilder link = new StringBuilder(exchange.baseUrl()).append(exchange.path()).append('?');
    for (String name : carried) {
      for (String value : exchange.queryAll(name)) {
        link.append(encode(name)).append('=').append(encode(value)).append('&');
      }
    }
    link.append(CONTINUATION_PARAMETER).append('=').append(encode(token));
    exchange.query("api-version").ifPresent(version -> link.append("&api-version=").append(encode(version)));
    return link.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
