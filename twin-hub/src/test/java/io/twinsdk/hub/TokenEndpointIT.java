package io.twinsdk.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenEndpointIT {

  @TempDir
  static Path data;
  static HubFixture fixture;

  @BeforeAll
  static void startHub() {
    fixture = HubFixture.start(data);
  }

  @AfterAll
  static void stopHub() {
    fixture.close();
  }

  @Test
  void issuesBearerTokenForPolicyKeyAndItOpensTheDigitalTwinsApi() {
    String token = fixture.ownerBearerToken();

    HttpResponse<String> response = fixture.send("GET", "/nothing-here?api-version=2023-10-31", token, null, null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(HubFixture.json(response).at("/error/code").asText()).isEqualTo("NotFound");
  }

  @Test
  void refusesWrongSecretWithInvalidClient() {
    HttpResponse<String> response = fixture.send("POST", "/t/oauth2/v2.0/token", null,
        "application/x-www-form-urlencoded",
        "grant_type=client_credentials&client_id=iothubowner&client_secret=bm90LXRoZS1rZXk%3D");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(HubFixture.json(response).get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void refusesPolicyWithoutServiceConnect() {
    String key = fixture.hub().policies().find("registryRead").orElseThrow().primaryKey();

    HttpResponse<String> response = fixture.send("POST", "/t/oauth2/v2.0/token", null,
        "application/x-www-form-urlencoded",
        "grant_type=client_credentials&client_id=registryRead&client_secret="
            + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(HubFixture.json(response).get("error").asText()).isEqualTo("unauthorized_client");
  }

  @Test
  void digitalTwinsCallWithArbitraryBearerStringIsUnauthorized() {
    HttpResponse<String> response = fixture.send("GET", "/models?api-version=2023-10-31",
        "Bearer not-a-token-the-hub-issued", null, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("x-ms-error-code")).hasValue("Unauthorized");
  }

  @Test
  void digitalTwinsCallWithUnknownApiVersionIsBadRequest() {
    HttpResponse<String> response = fixture.send("GET", "/models?api-version=2019-01-01",
        fixture.ownerBearerToken(), null, null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(HubFixture.json(response).at("/error/code").asText()).isEqualTo("InvalidApiVersionParameter");
  }
}
