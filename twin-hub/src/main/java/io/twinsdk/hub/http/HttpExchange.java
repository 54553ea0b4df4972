package io.twinsdk.hub.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.auth.Principal;
import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request as a route handler sees it: matched path parameters (decoded), query parameters, headers, the whole body
 * and the authenticated caller. Immutable once built.
 */
public final class HttpExchange {

  private final String method;
  private final String path;
  private final Map<String, String> pathParameters;
  private final MultiMap query;
  private final MultiMap headers;
  private final byte[] body;
  private final Principal principal;
  private final String baseUrl;

  HttpExchange(String method, String path, Map<String, String> pathParameters, MultiMap query, MultiMap headers,
      byte[] body, Principal principal, String baseUrl) {
    this.method = method;
    this.path = path;
    this.pathParameters = Map.copyOf(pathParameters);
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.principal = principal;
    this.baseUrl = baseUrl;
  }

  /** The effective method (after {@code X-HTTP-Method-Override}). */
  public String method() {
    return method;
  }

  /** The raw request path, without the query. */
  public String path() {
    return path;
  }

  /** The decoded value of a path parameter named in the route pattern, e.g. {@code {id}}. */
  public String pathParameter(String name) {
    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalArgumentException("The route has no path parameter " + name);
    }
    return value;
  }

  /** The first value of a query parameter. */
  public Optional<String> query(String name) {
    return Optional.ofNullable(query.get(name));
  }

  /** Every value of a repeated query parameter, in order. */
  public List<String> queryAll(String name) {
    return query.getAll(name);
  }

  /** A request header (case-insensitive name). */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** The raw body bytes (empty when there is none). */
  public byte[] body() {
    return body.clone();
  }

  /** The body length in bytes. */
  public int bodyLength() {
    return body.length;
  }

  /**
   * Parses the body as JSON.
   *
   * @throws ApiError 400 when the body is empty or not JSON, in the format of {@code realm}
   */
  public JsonNode jsonBody(Realm realm) {
    if (body.length == 0) {
      throw badJson(realm, "The request body is empty; a JSON document is required.");
    }
    try {
      JsonNode node = Json.mapper().readTree(body);
      if (node == null || node.isMissingNode()) {
        throw badJson(realm, "The request body is empty; a JSON document is required.");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw badJson(realm, "The request body is not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw badJson(realm, "The request body could not be read.");
    }
  }

  private static ApiError badJson(Realm realm, String message) {
    return realm == Realm.IOT_HUB
        ? ApiError.iotHub(400004, "ArgumentInvalid", message)
        : ApiError.digitalTwins(400, "InvalidArgument", message);
  }

  /** The authenticated caller; absent only on unauthenticated routes (the token endpoint). */
  public Principal principal() {
    return principal;
  }

  /** {@code https://host[:port]} as the client addressed the hub, for absolute links in responses. */
  public String baseUrl() {
    return baseUrl;
  }
}
