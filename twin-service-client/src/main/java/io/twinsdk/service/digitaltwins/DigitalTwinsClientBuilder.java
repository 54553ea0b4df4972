package io.twinsdk.service.digitaltwins;

import io.twinsdk.service.HttpOptions;
import io.twinsdk.service.credential.TokenCredential;
import io.twinsdk.service.internal.BearerAuthorizer;
import io.twinsdk.service.internal.Endpoint;
import io.twinsdk.service.internal.HttpPipeline;
import java.time.Clock;
import java.util.Objects;

/**
 * Builds {@link DigitalTwinsClient}s and {@link DigitalTwinsAsyncClient}s from an instance endpoint and a
 * {@link TokenCredential}; the same code talks to Azure or to a local hub, selected only by configuration.
 *
 * <pre>{@code
 * try (ClientSecretCredential credential = ClientSecretCredential.builder()
 *         .tenantId(tenant).clientId(appId).clientSecret(secret).build();
 *     DigitalTwinsClient client = new DigitalTwinsClientBuilder()
 *         .endpoint("https://myinstance.api.wus2.digitaltwins.azure.net")
 *         .credential(credential)
 *         .buildClient()) {
 *   BasicDigitalTwin room = client.getDigitalTwin("room1", BasicDigitalTwin.class);
 * }
 * }</pre>
 */
public final class DigitalTwinsClientBuilder {

  /** The scope of tokens for Azure Digital Twins. */
  public static final String DIGITAL_TWINS_SCOPE = "https://digitaltwins.azure.net/.default";

  private String endpoint;
  private TokenCredential credential;
  private String apiVersion = DigitalTwinsAsyncClient.DEFAULT_API_VERSION;
  private String scope = DIGITAL_TWINS_SCOPE;
  private HttpOptions httpOptions = HttpOptions.defaults();

  /** Creates a builder. */
  public DigitalTwinsClientBuilder() {}

  /** Sets the instance endpoint, {@code https://…}; plain {@code http} is accepted for loopback hosts only. */
  public DigitalTwinsClientBuilder endpoint(String endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    return this;
  }

  /** Sets the credential that supplies bearer tokens. */
  public DigitalTwinsClientBuilder credential(TokenCredential credential) {
    this.credential = Objects.requireNonNull(credential, "credential");
    return this;
  }

  /** Sets the API version (default {@value DigitalTwinsAsyncClient#DEFAULT_API_VERSION}). */
  public DigitalTwinsClientBuilder apiVersion(String apiVersion) {
    this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
    return this;
  }

  /** Sets the token scope (default {@value #DIGITAL_TWINS_SCOPE}). */
  public DigitalTwinsClientBuilder scope(String scope) {
    this.scope = Objects.requireNonNull(scope, "scope");
    return this;
  }

  /** Sets timeouts, retries, trusted certificates and executors. */
  public DigitalTwinsClientBuilder httpOptions(HttpOptions httpOptions) {
    this.httpOptions = Objects.requireNonNull(httpOptions, "httpOptions");
    return this;
  }

  /**
   * Builds an async client.
   *
   * @throws IllegalStateException if the endpoint or the credential is missing
   * @throws IllegalArgumentException if the endpoint is not an https URL
   */
  public DigitalTwinsAsyncClient buildAsyncClient() {
    if (endpoint == null || credential == null) {
      throw new IllegalStateException("endpoint and credential are required");
    }
    Endpoint parsed = Endpoint.of(endpoint, apiVersion);
    return new DigitalTwinsAsyncClient(
        HttpPipeline.create(httpOptions, new BearerAuthorizer(credential, scope, Clock.systemUTC())), parsed);
  }

  /** Builds a blocking client; see {@link #buildAsyncClient()}. */
  public DigitalTwinsClient buildClient() {
    return new DigitalTwinsClient(buildAsyncClient());
  }
}
