package io.twinsdk.hub;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Starts a hub in a temporary directory for one test class and talks HTTPS to it, trusting its certificate. */
public final class HubFixture implements AutoCloseable {

  private final TwinHub hub;
  private final HttpClient http;

  private HubFixture(TwinHub hub) {
    this.hub = hub;
    this.http = HttpClient.newBuilder()
        .sslContext(trusting(hub.certificatePath()))
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** Starts a hub on free ports with its data in {@code dataDirectory}. */
  public static HubFixture start(Path dataDirectory) {
    return new HubFixture(TwinHub.start(HubOptions.builder().freePorts().dataDirectory(dataDirectory).build()));
  }

  /** Wraps an already started hub. */
  public static HubFixture of(TwinHub hub) {
    return new HubFixture(hub);
  }

  public TwinHub hub() {
    return hub;
  }

  /** An SSL context that trusts exactly the PEM certificate at {@code pem}. */
  public static SSLContext trusting(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("twin-hub", certificate);
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot trust " + pem, e);
    }
  }

  /** Sends a request to the hub; {@code pathAndQuery} starts with '/'. */
  public HttpResponse<String> send(String method, String pathAndQuery, String authorization, String contentType,
      String body) {
    return send(method, pathAndQuery, authorization, contentType, body, new String[0]);
  }

  /** Sends a request with extra headers given as name, value, name, value, ... */
  public HttpResponse<String> send(String method, String pathAndQuery, String authorization, String contentType,
      String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.digitalTwinsEndpoint() + pathAndQuery))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + pathAndQuery + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Gets a bearer token for the Digital Twins API from the hub's token endpoint as policy {@code policy}. */
  public String bearerToken(String policy, String secret) {
    HttpResponse<String> response = send("POST", "/any-tenant/oauth2/v2.0/token", null,
        "application/x-www-form-urlencoded",
        "grant_type=client_credentials&client_id=" + encode(policy) + "&client_secret=" + encode(secret)
            + "&scope=" + encode(TwinHub.digitalTwinsScope()));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Token request failed: " + response.statusCode() + " " + response.body());
    }
    return "Bearer " + Json.parse(response.body()).get("access_token").asText();
  }

  /** A bearer token for the owner policy. */
  public String ownerBearerToken() {
    return bearerToken("iothubowner", hub.policies().owner().primaryKey());
  }

  public static JsonNode json(HttpResponse<String> response) {
    return Json.parse(response.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    hub.close();
  }
}
