package io.twinsdk.hub.iothub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.auth.DeviceConnectionString;
import io.twinsdk.core.auth.SasToken;
import io.twinsdk.hub.HubFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegistryIT extends ServiceApiFixture {

  @Test
  void createdDeviceHasGeneratedKeysAndCanBeRead() {
    HttpResponse<String> created = service.send("PUT", "/devices/created-1", "{\"deviceId\":\"created-1\"}");

    assertThat(created.statusCode()).isEqualTo(200);
    JsonNode device = HubFixture.json(created);
    assertThat(device.get("deviceId").asText()).isEqualTo("created-1");
    assertThat(device.get("status").asText()).isEqualTo("enabled");
    assertThat(device.get("connectionState").asText()).isEqualTo("Disconnected");
    assertThat(device.at("/authentication/symmetricKey/primaryKey").asText()).isNotEmpty();
    assertThat(device.at("/authentication/symmetricKey/secondaryKey").asText()).isNotEmpty();
    JsonNode read = HubFixture.json(service.send("GET", "/devices/created-1", null));
    assertThat(read.get("etag")).isEqualTo(device.get("etag"));
    assertThat(read.at("/authentication/symmetricKey")).isEqualTo(device.at("/authentication/symmetricKey"));
  }

  @Test
  void createKeepsKeysGivenByTheClient() {
    String key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    String body = "{\"deviceId\":\"keyed\",\"authentication\":{\"type\":\"sas\",\"symmetricKey\":"
        + "{\"primaryKey\":\"" + key + "\",\"secondaryKey\":null}}}";

    JsonNode device = HubFixture.json(service.send("PUT", "/devices/keyed", body));

    assertThat(device.at("/authentication/symmetricKey/primaryKey").asText()).isEqualTo(key);
  }

  @Test
  void duplicateCreateWithoutIfMatchIsConflict409001() {
    service.send("PUT", "/devices/twice", "{}");

    HttpResponse<String> again = service.send("PUT", "/devices/twice", "{}");

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(HubFixture.json(again).get("errorCode").asInt()).isEqualTo(409001);
  }

  @Test
  void updateWithStaleEtagIs412001AndWithCurrentEtagDisablesTheDevice() {
    String etag = HubFixture.json(service.send("PUT", "/devices/updated", "{}")).get("etag").asText();

    HttpResponse<String> stale = fixture.send("PUT", "/devices/updated?" + ServiceCalls.API, service.ownerToken(),
        "application/json", "{\"status\":\"disabled\"}", "If-Match", "\"AAAAAAAAAAE=\"");
    HttpResponse<String> current = fixture.send("PUT", "/devices/updated?" + ServiceCalls.API,
        service.ownerToken(), "application/json", "{\"status\":\"disabled\"}", "If-Match", "\"" + etag + "\"");

    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(HubFixture.json(stale).get("errorCode").asInt()).isEqualTo(412001);
    assertThat(current.statusCode()).isEqualTo(200);
    assertThat(HubFixture.json(current).get("status").asText()).isEqualTo("disabled");
    assertThat(HubFixture.json(current).get("etag").asText()).isNotEqualTo(etag);
  }

  @Test
  void missingDeviceIs404001() {
    HttpResponse<String> response = service.send("GET", "/devices/nobody", null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(HubFixture.json(response).get("errorCode").asInt()).isEqualTo(404001);
    assertThat(response.headers().firstValue("iothub-errorcode")).hasValue("DeviceNotFound");
  }

  @Test
  void deleteRemovesDeviceAndItsTwin() {
    service.send("PUT", "/devices/deleted", "{}");

    HttpResponse<String> deleted = fixture.send("DELETE", "/devices/deleted?" + ServiceCalls.API,
        service.ownerToken(), null, null, "If-Match", "*");

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(service.send("GET", "/devices/deleted", null).statusCode()).isEqualTo(404);
    assertThat(service.send("GET", "/twins/deleted", null).statusCode()).isEqualTo(404);
  }

  @Test
  void listReturnsDevicesInIdOrder() {
    service.send("PUT", "/devices/list-b", "{}");
    service.send("PUT", "/devices/list-a", "{}");

    JsonNode devices = HubFixture.json(service.send("GET", "/devices", null));

    assertThat(devices.findValuesAsText("deviceId")).containsSubsequence("list-a", "list-b");
  }

  @Test
  void deviceIdLongerThan128CharactersIs400() {
    String id = "d".repeat(200);

    HttpResponse<String> response = service.send("PUT", "/devices/" + id, "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(HubFixture.json(response).get("errorCode").asInt()).isEqualTo(400004);
  }

  @Test
  void malformedJsonIs400AndStoresNothing() {
    HttpResponse<String> response = service.send("PUT", "/devices/malformed", "{\"deviceId\":");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(service.send("GET", "/devices/malformed", null).statusCode()).isEqualTo(404);
  }

  @Test
  void requestWithoutTokenIs401002() {
    HttpResponse<String> response = fixture.send("GET", "/devices?" + ServiceCalls.API, null, null, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(HubFixture.json(response).get("errorCode").asInt()).isEqualTo(401002);
  }

  @Test
  void expiredTokenIs401003() {
    String expired = service.token("iothubowner", Instant.now().minusSeconds(60));

    HttpResponse<String> response = fixture.send("GET", "/devices?" + ServiceCalls.API, expired, null, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(HubFixture.json(response).get("errorCode").asInt()).isEqualTo(401003);
  }

  @Test
  void tamperedUnknownPolicyAndDeviceTokensAre401002() {
    String owner = service.ownerToken();
    String tampered = owner.replace("&se=", "&se=1");
    String unknownPolicy = SasToken.forService(fixture.hub().hostName(), "nobody",
        fixture.hub().policies().owner().primaryKey(), Instant.now().plusSeconds(600)).value();
    String deviceKeyToken = SasToken.forDevice(fixture.hub().hostName(), "dev",
        fixture.hub().policies().owner().primaryKey(), Instant.now().plusSeconds(600)).value();

    for (String token : new String[] {tampered, unknownPolicy, deviceKeyToken}) {
      HttpResponse<String> response = fixture.send("GET", "/devices?" + ServiceCalls.API, token, null, null);
      assertThat(response.statusCode()).as(token).isEqualTo(401);
      assertThat(HubFixture.json(response).get("errorCode").asInt()).isEqualTo(401002);
    }
  }

  @Test
  void readOnlyPolicyCannotCreateDevices() {
    String readOnly = service.token("registryRead", Instant.now().plusSeconds(600));

    HttpResponse<String> response = fixture.send("PUT", "/devices/not-allowed?" + ServiceCalls.API, readOnly,
        "application/json", "{}");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(service.send("GET", "/devices/not-allowed", null).statusCode()).isEqualTo(404);
  }

  @Test
  void registerDeviceIsIdempotentAndReturnsAConnectionStringWithTheMqttPort() {
    String first = fixture.hub().registerDevice("registered");
    String second = fixture.hub().registerDevice("registered");

    DeviceConnectionString parsed = DeviceConnectionString.parse(first);
    assertThat(second).isEqualTo(first);
    assertThat(parsed.deviceId()).isEqualTo("registered");
    assertThat(parsed.port()).hasValue(fixture.hub().mqttPort());
    assertThat(parsed.sharedAccessKey()).hasValue(
        HubFixture.json(service.send("GET", "/devices/registered", null))
            .at("/authentication/symmetricKey/primaryKey").asText());
  }
}
