package io.twinsdk.service.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.service.HttpOptions;
import io.twinsdk.service.RetryOptions;
import io.twinsdk.service.ServiceException;
import io.twinsdk.service.UnauthorizedException;
import io.twinsdk.service.internal.Await;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientSecretCredentialTest {

  private MockWebServer server;
  private ClientSecretCredential credential;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    credential = ClientSecretCredential.builder().authorityHost(server.url("/").toString()).tenantId("tenant-1")
        .clientId("app-1").clientSecret("s3cr&t=").httpOptions(HttpOptions.builder().retry(RetryOptions.none())
            .build()).build();
  }

  @AfterEach
  void stop() throws IOException {
    credential.close();
    server.shutdown();
  }

  @Test
  void tokenIsRequestedWithTheClientCredentialsGrantOfTheTenant() throws Exception {
    server.enqueue(new MockResponse().setBody(
        "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"eyJ0\"}"));
    Instant before = Instant.now();

    AccessToken token = Await.result(credential.getToken("https://digitaltwins.azure.net/.default"),
        Duration.ofSeconds(10));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/tenant-1/oauth2/v2.0/token");
    assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    HttpUrl form = HttpUrl.get("http://form/?" + request.getBody().readUtf8());
    assertThat(form.queryParameter("grant_type")).isEqualTo("client_credentials");
    assertThat(form.queryParameter("client_id")).isEqualTo("app-1");
    assertThat(form.queryParameter("client_secret")).isEqualTo("s3cr&t=");
    assertThat(form.queryParameter("scope")).isEqualTo("https://digitaltwins.azure.net/.default");
    assertThat(token.token()).isEqualTo("eyJ0");
    assertThat(token.expiresAt()).isBetween(before.plusSeconds(3590), Instant.now().plusSeconds(3600));
    assertThat(token.toString()).doesNotContain("eyJ0");
  }

  @Test
  void refusedSecretIsUnauthorizedWithTheOauthErrorCode() {
    server.enqueue(new MockResponse().setResponseCode(401).setBody(
        "{\"error\":\"invalid_client\",\"error_description\":\"The client secret is not one of its keys.\"}"));

    assertThatThrownBy(() -> Await.result(credential.getToken("scope"), Duration.ofSeconds(10)))
        .isInstanceOf(UnauthorizedException.class)
        .satisfies(e -> assertThat(((ServiceException) e).errorCode()).hasValue("invalid_client"));
  }

  @Test
  void responseWithoutATokenIsMalformed() {
    server.enqueue(new MockResponse().setBody("{\"token_type\":\"Bearer\"}"));

    assertThatThrownBy(() -> Await.result(credential.getToken("scope"), Duration.ofSeconds(10)))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("access_token");
  }

  @Test
  void builderRequiresTenantClientAndSecret() {
    assertThatThrownBy(() -> ClientSecretCredential.builder().tenantId("t").clientId("c").build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ClientSecretCredential.builder().authorityHost("not a url"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authorityHost");
  }
}
