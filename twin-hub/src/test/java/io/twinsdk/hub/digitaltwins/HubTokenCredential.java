package io.twinsdk.hub.digitaltwins;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.hub.HubFixture;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * An Azure {@link TokenCredential} that gets client-credentials tokens from the hub's own token endpoint, as
 * azure-identity's ClientSecretCredential would from Azure AD.
 */
final class HubTokenCredential implements TokenCredential {

  private final HubFixture fixture;
  private final String clientId;
  private final String secret;

  HubTokenCredential(HubFixture fixture, String clientId, String secret) {
    this.fixture = fixture;
    this.clientId = clientId;
    this.secret = secret;
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    return Mono.fromCallable(() -> {
      HttpResponse<String> response = fixture.send("POST", "/any-tenant/oauth2/v2.0/token", null,
          "application/x-www-form-urlencoded", "grant_type=client_credentials&client_id=" + encode(clientId)
              + "&client_secret=" + encode(secret) + "&scope=" + encode(String.join(" ", request.getScopes())));
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Token request failed: " + response.statusCode() + " " + response.body());
      }
      JsonNode token = HubFixture.json(response);
      return new AccessToken(token.get("access_token").asText(),
          OffsetDateTime.now().plusSeconds(token.get("expires_in").asLong()));
    });
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
