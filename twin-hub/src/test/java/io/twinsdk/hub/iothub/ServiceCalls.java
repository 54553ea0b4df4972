package io.twinsdk.hub.iothub;

import io.twinsdk.core.auth.SasToken;
import io.twinsdk.hub.HubFixture;
import io.twinsdk.hub.auth.AccessPolicy;
import java.net.http.HttpResponse;
import java.time.Instant;

/** Sends IoT Hub service requests to a test hub, signed as a shared access policy. */
final class ServiceCalls {

  static final String API = "api-version=2021-04-12";

  private final HubFixture fixture;

  ServiceCalls(HubFixture fixture) {
    this.fixture = fixture;
  }

  /** A valid owner token for one hour. */
  String ownerToken() {
    return token("iothubowner", Instant.now().plusSeconds(3600));
  }

  String token(String policyName, Instant expiry) {
    AccessPolicy policy = fixture.hub().policies().find(policyName).orElseThrow();
    return SasToken.forService(fixture.hub().hostName(), policy.name(), policy.primaryKey(), expiry).value();
  }

  /** Sends {@code method path?api-version} as the owner. */
  HttpResponse<String> send(String method, String path, String body) {
    return fixture.send(method, path + (path.contains("?") ? "&" : "?") + API, ownerToken(),
        body == null ? null : "application/json", body);
  }
}
