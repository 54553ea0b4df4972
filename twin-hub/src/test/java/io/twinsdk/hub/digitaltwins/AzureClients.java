package io.twinsdk.hub.digitaltwins;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.DigitalTwinsClientBuilder;
import io.twinsdk.hub.HubFixture;
import java.net.http.HttpClient;

/** The official Azure Digital Twins client, configured as a user would for a hub: its endpoint, token and TLS. */
final class AzureClients {

  private AzureClients() {}

  /** A client for {@code fixture}'s hub, authenticated as the owner policy and trusting the hub's certificate. */
  static DigitalTwinsClient digitalTwins(HubFixture fixture) {
    return new DigitalTwinsClientBuilder()
        .endpoint(fixture.hub().digitalTwinsEndpoint())
        .credential(new HubTokenCredential(fixture, "iothubowner", fixture.hub().policies().owner().primaryKey()))
        .httpClient(new JdkHttpClientBuilder(HttpClient.newBuilder()
            .sslContext(HubFixture.trusting(fixture.hub().certificatePath()))).build())
        .buildClient();
  }
}
