package io.twinsdk.device;

import io.twinsdk.core.auth.SasToken;
import io.twinsdk.device.internal.TlsTrust;
import io.twinsdk.hub.HubOptions;
import io.twinsdk.hub.TwinHub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** An embedded hub on free ports for one IT class, with the service calls the tests need to play the back end. */
final class TestHub implements AutoCloseable {

  private final TwinHub hub;
  private final HttpClient http;

  private TestHub(TwinHub hub) {
    this.hub = hub;
    this.http = HttpClient.newBuilder().sslContext(TlsTrust.context(hub.certificatePath()))
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  static TestHub start() {
    try {
      Path data = Files.createTempDirectory("twin-device-it");
      return new TestHub(TwinHub.start(HubOptions.builder().freePorts().dataDirectory(data).build()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  TwinHub hub() {
    return hub;
  }

  /** Registers {@code deviceId} and returns its connection string (HostName carries the MQTT port). */
  String register(String deviceId) {
    return hub.registerDevice(deviceId);
  }

  /** Returns a builder for a client of {@code connectionString} that trusts the hub's certificate. */
  DeviceClientBuilder client(String connectionString) {
    return DeviceClient.builder().connectionString(connectionString).trustPem(hub.certificatePath());
  }

  /** Patches the device's desired properties as a back-end service does; returns the response body. */
  String patchDesired(String deviceId, String desiredJson) {
    String token = SasToken.forService(hub.hostName(), "iothubowner", hub.policies().owner().primaryKey(),
        Instant.now().plus(Duration.ofHours(1))).value();
    HttpRequest request = HttpRequest.newBuilder(URI.create("https://" + hub.hostName() + ":" + hub.httpsPort()
            + "/twins/" + deviceId + "?api-version=2021-04-12"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", token)
        .header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"desired\":" + desiredJson + "}}"))
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("PATCH twin failed: " + response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }


  @Override
  public void close() {
    hub.close();
  }
}
