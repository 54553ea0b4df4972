package io.twinsdk.service.iothub;

import io.twinsdk.core.auth.ServiceConnectionString;
import io.twinsdk.service.HttpOptions;
import io.twinsdk.service.credential.TokenCredential;
import io.twinsdk.service.internal.Authorizer;
import io.twinsdk.service.internal.BearerAuthorizer;
import io.twinsdk.service.internal.Endpoint;
import io.twinsdk.service.internal.HttpPipeline;
import io.twinsdk.service.internal.SasAuthorizer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds {@link IotHubServiceClient}s and {@link IotHubServiceAsyncClient}s, from a service connection string
 * (SAS tokens signed with the policy key, renewed before they expire) or from a host and a {@link TokenCredential}.
 *
 * <pre>{@code
 * try (IotHubServiceClient client = new IotHubServiceClientBuilder()
 *     .connectionString(System.getenv("IOTHUB_CONNECTION_STRING"))
 *     .buildClient()) {
 *   Twin twin = client.getTwin("device-1");
 * }
 * }</pre>
 */
public final class IotHubServiceClientBuilder {

  /** The scope of Azure AD tokens for IoT Hub. */
  public static final String IOT_HUB_SCOPE = "https://iothubs.azure.net/.default";

  private static final Duration SAS_LIFETIME = Duration.ofHours(1);

  private ServiceConnectionString connectionString;
  private String endpoint;
  private TokenCredential credential;
  private String apiVersion = IotHubServiceAsyncClient.DEFAULT_API_VERSION;
  private HttpOptions httpOptions = HttpOptions.defaults();

  /** Creates a builder. */
  public IotHubServiceClientBuilder() {}

  /**
   * Uses a service connection string: {@code HostName=…;SharedAccessKeyName=…;SharedAccessKey=…}.
   *
   * @throws io.twinsdk.core.auth.ConnectionStringException if it is malformed
   */
  public IotHubServiceClientBuilder connectionString(String connectionString) {
    this.connectionString = ServiceConnectionString.parse(Objects.requireNonNull(connectionString,
        "connectionString"));
    return this;
  }

  /**
   * Sets the endpoint URL, such as {@code https://myhub.azure-devices.net}; by default it is
   * {@code https://<HostName>} of the connection string. Plain {@code http} is accepted for loopback hosts only.
   */
  public IotHubServiceClientBuilder endpoint(String endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    return this;
  }

  /** Authorizes with bearer tokens from {@code credential} (scope {@value #IOT_HUB_SCOPE}) instead of SAS. */
  public IotHubServiceClientBuilder credential(TokenCredential credential) {
    this.credential = Objects.requireNonNull(credential, "credential");
    return this;
  }

  /** Sets the service API version (default {@value IotHubServiceAsyncClient#DEFAULT_API_VERSION}). */
  public IotHubServiceClientBuilder apiVersion(String apiVersion) {
    this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
    return this;
  }

  /** Sets timeouts, retries, trusted certificates and executors. */
  public IotHubServiceClientBuilder httpOptions(HttpOptions httpOptions) {
    this.httpOptions = Objects.requireNonNull(httpOptions, "httpOptions");
    return this;
  }

  /**
   * Builds an async client.
   *
   * @throws IllegalStateException if neither a connection string nor an endpoint with a credential was given
   */
  public IotHubServiceAsyncClient buildAsyncClient() {
    Authorizer authorizer;
    String url = endpoint;
    if (credential != null) {
      authorizer = new BearerAuthorizer(credential, IOT_HUB_SCOPE, Clock.systemUTC());
    } else if (connectionString != null) {
      authorizer = new SasAuthorizer(connectionString, SAS_LIFETIME, Clock.systemUTC());
    } else {
      throw new IllegalStateException("Set a connection string, or an endpoint and a credential");
    }
    if (url == null) {
      if (connectionString == null) {
        throw new IllegalStateException("Set the endpoint when authorizing with a credential");
      }
      url = "https://" + connectionString.hostAndPort();
    }
    Endpoint parsed = Endpoint.of(url, apiVersion);
    return new IotHubServiceAsyncClient(HttpPipeline.create(httpOptions, authorizer), parsed);
  }

  /** Builds a blocking client; see {@link #buildAsyncClient()}. */
  public IotHubServiceClient buildClient() {
    return new IotHubServiceClient(buildAsyncClient());
  }
}
