package io.twinsdk.service.credential;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.service.HttpOptions;
import io.twinsdk.service.internal.Authorizer;
import io.twinsdk.service.internal.HttpCall;
import io.twinsdk.service.internal.HttpPipeline;
import io.twinsdk.service.internal.JsonBodies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okio.Buffer;

/**
 * A client-secret credential obtains tokens with the OAuth2 client-credentials grant from
 * {@code {authorityHost}/{tenantId}/oauth2/v2.0/token}: Azure AD's endpoint by default, or a local hub's, which serves
 * the same endpoint (client id = access policy name, secret = one of its keys).
 *
 * <p>It has its own small HTTP pipeline; {@link #close()} releases it. Thread-safe.
 */
public final class ClientSecretCredential implements TokenCredential, AutoCloseable {

  /** Azure AD's public-cloud authority. */
  public static final String AZURE_PUBLIC_CLOUD = "https://login.microsoftonline.com";

  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

  private final HttpUrl tokenUrl;
  private final String clientId;
  private final String clientSecret;
  private final HttpPipeline pipeline;
  private final Clock clock;

  private ClientSecretCredential(Builder b) {
    this.tokenUrl = HttpUrl.get(b.authorityHost).newBuilder()
        .addPathSegment(b.tenantId).addPathSegments("oauth2/v2.0/token").build();
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.pipeline = HttpPipeline.create(b.httpOptions, Authorizer.NONE);
    this.clock = Clock.systemUTC();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public CompletableFuture<AccessToken> getToken(String scope) {
    FormBody form = new FormBody.Builder(StandardCharsets.UTF_8)
        .add("grant_type", "client_credentials")
        .add("client_id", clientId)
        .add("client_secret", clientSecret)
        .add("scope", scope)
        .build();
    Buffer buffer = new Buffer();
    try {
      form.writeTo(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Asking again for a token changes nothing on the server, so the request may be retried.
    HttpCall call = HttpCall.builder("POST", tokenUrl).body(buffer.readByteArray(), FORM).idempotent().build();
    Instant requested = clock.instant();
    return pipeline.send(call, result -> {
      JsonNode body = JsonBodies.tree(result);
      JsonNode token = body.get("access_token");
      JsonNode expiresIn = body.get("expires_in");
      if (token == null || !token.isTextual() || expiresIn == null || !expiresIn.canConvertToLong()
          && !expiresIn.isTextual()) {
        throw new IllegalArgumentException("The token response lacks access_token or expires_in");
      }
      return new AccessToken(token.asText(), requested.plusSeconds(Long.parseLong(expiresIn.asText())));
    });
  }

  /** Releases the credential's HTTP threads and connections. */
  @Override
  public void close() {
    pipeline.close();
  }

  @Override
  public String toString() {
    return "ClientSecretCredential{tokenUrl=" + tokenUrl + ", clientId=" + clientId + "}";
  }

  /** A builder of {@link ClientSecretCredential}. */
  public static final class Builder {
    private String authorityHost = AZURE_PUBLIC_CLOUD;
    private String tenantId;
    private String clientId;
    private String clientSecret;
    private HttpOptions httpOptions = HttpOptions.defaults();

    private Builder() {}

    /** Sets the authority, such as {@code https://login.microsoftonline.com} or a local hub's endpoint. */
    public Builder authorityHost(String authorityHost) {
      Objects.requireNonNull(authorityHost, "authorityHost");
      if (HttpUrl.parse(authorityHost) == null) {
        throw new IllegalArgumentException("authorityHost is not an http(s) URL: " + authorityHost);
      }
      this.authorityHost = authorityHost;
      return this;
    }

    /** Sets the tenant (directory) id; a local hub accepts any. */
    public Builder tenantId(String tenantId) {
      this.tenantId = requireText(tenantId, "tenantId");
      return this;
    }

    /** Sets the application (client) id. */
    public Builder clientId(String clientId) {
      this.clientId = requireText(clientId, "clientId");
      return this;
    }

    /** Sets the client secret. */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = requireText(clientSecret, "clientSecret");
      return this;
    }

    /** Sets the HTTP options for the token requests (such as the certificate of a local hub). */
    public Builder httpOptions(HttpOptions httpOptions) {
      this.httpOptions = Objects.requireNonNull(httpOptions, "httpOptions");
      return this;
    }

    /**
     * Builds the credential.
     *
     * @throws IllegalStateException if the tenant id, client id or secret is missing
     */
    public ClientSecretCredential build() {
      if (tenantId == null || clientId == null || clientSecret == null) {
        throw new IllegalStateException("tenantId, clientId and clientSecret are required");
      }
      return new ClientSecretCredential(this);
    }

    private static String requireText(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isEmpty()) {
        throw new IllegalArgumentException(name + " must not be empty");
      }
      return value;
    }
  }
}
