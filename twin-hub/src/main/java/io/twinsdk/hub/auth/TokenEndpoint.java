package io.twinsdk.hub.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.hub.http.HttpExchange;
import io.twinsdk.hub.http.HttpResult;
import io.twinsdk.hub.http.Route;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The OAuth2 client-credentials token endpoint, {@code POST /{tenant}/oauth2/v2.0/token}, shaped like Azure AD's so
 * that the same client code gets tokens from either. The client id is a shared access policy name and the client
 * secret one of its keys; the policy must have {@link Right#SERVICE_CONNECT}.
 */
public final class TokenEndpoint implements Route {

  private final AccessPolicies policies;
  private final BearerTokens tokens;

  /** Creates the endpoint. */
  public TokenEndpoint(AccessPolicies policies, BearerTokens tokens) {
    this.policies = policies;
    this.tokens = tokens;
  }

  @Override
  public CompletableFuture<HttpResult> handle(HttpExchange exchange) {
    return CompletableFuture.completedFuture(answer(exchange));
  }

  private HttpResult answer(HttpExchange exchange) {
    String contentType = exchange.header("Content-Type").orElse("");
    if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return error(400, "invalid_request", "The request body must be application/x-www-form-urlencoded.");
    }
    Map<String, String> form = parseForm(new String(exchange.body(), StandardCharsets.UTF_8));
    if (form == null) {
      return error(400, "invalid_request", "The request body is not a valid form.");
    }
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return error(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
    }
    String clientId = form.get("client_id");
    String secret = form.get("client_secret");
    if (clientId == null || secret == null) {
      return error(400, "invalid_request", "client_id and client_secret are required.");
    }
    String scope = form.getOrDefault("scope", "https://digitaltwins.azure.net/.default");
    Optional<AccessPolicy> policy = policies.find(clientId);
    if (policy.isEmpty() || !matchesKey(policy.get(), secret)) {
      return error(401, "invalid_client",
          "The client id is not a policy of this hub, or the client secret is not one of its keys.");
    }
    if (!policy.get().rights().contains(Right.SERVICE_CONNECT)) {
      return error(400, "unauthorized_client",
          "Policy '" + clientId + "' lacks the ServiceConnect right needed for the Digital Twins API.");
    }
    String audience = scope.endsWith("/.default") ? scope.substring(0, scope.length() - "/.default".length()) : scope;
    long expiresIn = tokens.lifetime().getSeconds();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("token_type", "Bearer");
    body.put("expires_in", expiresIn);
    body.put("ext_expires_in", expiresIn);
    body.put("access_token", tokens.issue(policy.get(), audience));
    return HttpResult.json(200, body).withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
  }

  private static boolean matchesKey(AccessPolicy policy, String secret) {
    byte[] given = secret.getBytes(StandardCharsets.UTF_8);
    boolean matches = false;
    for (String key : policy.keys()) {
      matches |= MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), given);
    }
    return matches;
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
        String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        form.put(name, value);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return form;
  }

  private static HttpResult error(int status, String error, String description) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("error", error);
    body.put("error_description", description);
    return HttpResult.json(status, body);
  }
}
