package io.twinsdk.service;

import io.twinsdk.hub.HubOptions;
import io.twinsdk.hub.TwinHub;
import io.twinsdk.service.credential.ClientSecretCredential;
import io.twinsdk.service.digitaltwins.DigitalTwinsClientBuilder;
import io.twinsdk.service.iothub.IotHubServiceClientBuilder;
import java.nio.file.Path;

/**
 * One embedded hub for an integration test class, with client builders configured for it: the hub's certificate
 * trusted, SAS from its owner connection string, and bearer tokens from its token endpoint as {@code iothubowner}.
 */
public final class HubClients implements AutoCloseable {

  private final TwinHub hub;
  private final HttpOptions trustHub;
  private final ClientSecretCredential credential;

  private HubClients(TwinHub hub) {
    this.hub = hub;
    this.trustHub = HttpOptions.builder().trustedCertificate(hub.certificatePath()).build();
    this.credential = credential(hub.policies().owner().primaryKey());
  }

  /** Starts a hub on free ports with its data in {@code dataDirectory}. */
  public static HubClients start(Path dataDirectory) {
    return new HubClients(TwinHub.start(HubOptions.builder().freePorts().dataDirectory(dataDirectory).build()));
  }

  /** Returns the hub. */
  public TwinHub hub() {
    return hub;
  }

  /** Returns HTTP options that trust the hub's certificate. */
  public HttpOptions trustHub() {
    return trustHub;
  }

  /** Returns a credential for the hub's token endpoint with {@code secret} as the owner policy's key. */
  public ClientSecretCredential credential(String secret) {
    return ClientSecretCredential.builder().authorityHost(hub.authorityHost()).tenantId("any-tenant")
        .clientId("iothubowner").clientSecret(secret).httpOptions(trustHub).build();
  }

  /** Returns a Digital Twins client builder for the hub, authorized as the owner. */
  public DigitalTwinsClientBuilder digitalTwins() {
    return new DigitalTwinsClientBuilder().endpoint(hub.digitalTwinsEndpoint()).credential(credential)
        .httpOptions(trustHub);
  }

  /** Returns an IoT Hub client builder for the hub, with the owner connection string. */
  public IotHubServiceClientBuilder iotHub() {
    return new IotHubServiceClientBuilder().connectionString(hub.iotHubConnectionString()).httpOptions(trustHub);
  }

  /** Closes the credential and the hub. */
  @Override
  public void close() {
    credential.close();
    hub.close();
  }
}
