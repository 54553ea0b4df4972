package io.twinsdk.hub.iothub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.auth.DeviceConnectionString;
import io.twinsdk.core.auth.SasToken;
import io.twinsdk.core.auth.ServiceConnectionString;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.HubFixture;
import io.twinsdk.hub.HubOptions;
import io.twinsdk.hub.Main;
import io.twinsdk.hub.TwinHub;
import io.twinsdk.hub.iothub.PahoDevice.Received;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the hub stores survives a clean restart and a kill -9: every answered update is durable. */
class DurabilityIT {

  private static TwinHub start(Path data) {
    return TwinHub.start(HubOptions.builder().freePorts().dataDirectory(data).build());
  }

  @Test
  @Timeout(120)
  void twinsVersionsKeysAndSessionsSurviveARestart(@TempDir Path data) throws Exception {
    String connectionString;
    String ownerKey;
    JsonNode before;
    try (TwinHub hub = start(data)) {
      connectionString = hub.registerDevice("survivor");
      ownerKey = hub.policies().owner().primaryKey();
      try (PahoDevice device = PahoDevice.connect(hub, connectionString)) {
        device.subscribeToTwin();
        device.publish("$iothub/twin/PATCH/properties/reported/?$rid=1", "{\"fw\":\"1.0\"}", 1);
        assertThat(device.next().topic()).isEqualTo("$iothub/twin/res/204/?$rid=1&$version=2");
      }
      ServiceCalls service = new ServiceCalls(HubFixture.of(hub));
      service.send("PATCH", "/twins/survivor", "{\"tags\":{\"t\":1},\"properties\":{\"desired\":{\"d\":1}}}");
      before = HubFixture.json(service.send("GET", "/twins/survivor", null));
    }

    try (TwinHub hub = start(data)) {
      String again = hub.registerDevice("survivor");
      JsonNode after = HubFixture.json(new ServiceCalls(HubFixture.of(hub)).send("GET", "/twins/survivor", null));
      try (PahoDevice device = PahoDevice.connect(hub, again)) {
        device.publish("$iothub/twin/PATCH/properties/reported/?$rid=2", "{\"fw\":\"1.1\"}", 1);
        Received answer = device.next();

        assertThat(device.sessionPresent()).isTrue();
        assertThat(answer.topic()).isEqualTo("$iothub/twin/res/204/?$rid=2&$version=3");
      }
      assertThat(DeviceConnectionString.parse(again).sharedAccessKey())
          .isEqualTo(DeviceConnectionString.parse(connectionString).sharedAccessKey());
      assertThat(hub.policies().owner().primaryKey()).isEqualTo(ownerKey);
      assertThat(after.get("etag")).isEqualTo(before.get("etag"));
      assertThat(after.get("version")).isEqualTo(before.get("version"));
      assertThat(after.get("tags")).isEqualTo(before.get("tags"));
      assertThat(after.get("properties")).isEqualTo(before.get("properties"));
    }
  }

  @Test
  @Timeout(180)
  void everyAcknowledgedReportedUpdateSurvivesKill9(@TempDir Path data) throws Exception {
    Path jar = Path.of("target", "twin-hub.jar").toAbsolutePath();
    Assumptions.assumeTrue(Files.exists(jar), "target/twin-hub.jar is built by mvn package before the ITs");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-jar", jar.toString(), "--data", data.toString(), "--mqtt-port", "0",
        "--https-port", "0").redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Map<String, Integer> acknowledged = new HashMap<>();
    try {
      Map<String, String> settings = CompletableFuture.supplyAsync(() -> readSettings(child))
          .get(60, TimeUnit.SECONDS);
      String ownerKey = ServiceConnectionString.parse(settings.get("IOTHUB_CONNECTION_STRING")).sharedAccessKey()
          .orElseThrow();
      Path certificate = Path.of(settings.get("TLS_CERTIFICATE"));
      String deviceKey = registerOverRest(settings, certificate, ownerKey);
      int mqttPort = Integer.parseInt(settings.get("mqtt"));
      try (PahoDevice device = PahoDevice.connect("localhost", mqttPort, certificate, "burst", "burst",
          SasToken.forDevice("localhost", "burst", deviceKey, Instant.now().plusSeconds(600)).value(), false)) {
        device.subscribe("$iothub/twin/res/#", 0);
        List<Received> answers = new ArrayList<>();
        try {
          // Keep 50 updates in flight and kill the hub once 200 are answered, so that some are mid-commit.
          for (int sent = 0; answers.size() < 200; ) {
            if (sent - answers.size() < 50) {
              device.publish("$iothub/twin/PATCH/properties/reported/?$rid=" + sent, "{\"k" + sent + "\":" + sent
                  + "}", 0);
              sent++;
            } else {
              answers.add(device.next());
            }
          }
          child.destroyForcibly();
        } catch (MqttException expected) {
          // The hub died under the publisher's feet.
        }
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        device.lost().get(30, TimeUnit.SECONDS);
        answers.addAll(device.drain());
        for (Received answer : answers) {
          assertThat(answer.topic()).startsWith("$iothub/twin/res/204/");
          String query = answer.topic().substring(answer.topic().indexOf("?$rid=") + "?$rid=".length());
          String[] ridAndVersion = query.split("&\\$version=");
          acknowledged.put(ridAndVersion[0], Integer.parseInt(ridAndVersion[1]));
        }
      }
    } finally {
      child.destroyForcibly();
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(200);

    try (TwinHub hub = start(data)) {
      JsonNode reported = HubFixture.json(new ServiceCalls(HubFixture.of(hub)).send("GET", "/twins/burst", null))
          .at("/properties/reported");
      for (Map.Entry<String, Integer> ack : acknowledged.entrySet()) {
        assertThat(reported.path("k" + ack.getKey()).asInt(-1)).as("update " + ack.getKey())
            .isEqualTo(Integer.parseInt(ack.getKey()));
      }
      int highest = acknowledged.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
      assertThat(reported.get("$version").asInt()).isGreaterThanOrEqualTo(highest);
    }
  }

  private static Map<String, String> readSettings(Process child) {
    try {
      return Main.readSettings(child.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String registerOverRest(Map<String, String> settings, Path certificate, String ownerKey)
      throws Exception {
    String endpoint = settings.get("DIGITAL_TWINS_ENDPOINT");
    HttpClient http = HttpClient.newBuilder()
        .sslContext(HubFixture.trusting(certificate)).build();
    HttpRequest request = HttpRequest.newBuilder(
            URI.create(endpoint + "/devices/burst?" + ServiceCalls.API))
        .header("Authorization", SasToken.forService("localhost", "iothubowner", ownerKey,
            Instant.now().plusSeconds(600)).value())
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30))
        .PUT(HttpRequest.BodyPublishers.ofString("{}"))
        .build();
    JsonNode device = Json.parse(
        http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    return device.at("/authentication/symmetricKey/primaryKey").asText();
  }
}
