package io.twinsdk.service.iothub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.devicetwin.Twin;
import io.twinsdk.core.internal.Json;
import io.twinsdk.core.json.MergePatch;
import io.twinsdk.service.AlreadyExistsException;
import io.twinsdk.service.HttpOptions;
import io.twinsdk.service.MatchConditions;
import io.twinsdk.service.NotFoundException;
import io.twinsdk.service.PreconditionFailedException;
import io.twinsdk.service.RetryOptions;
import io.twinsdk.service.ServiceException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The IoT Hub client's requests and error paths against a mock server. */
class IotHubServiceClientTest {

  private static final String TWIN = "{\"deviceId\":\"d1\",\"etag\":\"AAAAAAAAAAc=\",\"version\":3,"
      + "\"tags\":{\"floor\":\"1\"},\"properties\":{\"desired\":{\"temp\":21,\"$version\":2},"
      + "\"reported\":{\"$version\":1}}}";

  private MockWebServer server;
  private IotHubServiceClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = new IotHubServiceClientBuilder()
        .connectionString("HostName=hub.example.net;SharedAccessKeyName=iothubowner;SharedAccessKey=c29tZUtleQ==")
        .endpoint(server.url("/").toString())
        .httpOptions(HttpOptions.builder().retry(RetryOptions.none()).build())
        .buildClient();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  private RecordedRequest request() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    assertThat(request.getRequestUrl().queryParameter("api-version")).isEqualTo("2021-04-12");
    assertThat(request.getHeader("Authorization")).startsWith("SharedAccessSignature sr=hub.example.net");
    return request;
  }

  @Test
  void getTwinParsesTheDocument() throws Exception {
    server.enqueue(new MockResponse().setBody(TWIN));

    Twin twin = client.getTwin("d1");

    RecordedRequest request = request();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/twins/d1");
    assertThat(twin.etag()).hasValue("AAAAAAAAAAc=");
    assertThat(twin.desired().toJsonNode().get("temp").asInt()).isEqualTo(21);
  }

  @Test
  void deviceIdsAreEncodedAsOnePathSegment() throws Exception {
    server.enqueue(new MockResponse().setBody(TWIN.replace("\"d1\"", "\"a/b c\"")));

    client.getTwin("a/b c");

    assertThat(request().getRequestUrl().encodedPath()).isEqualTo("/twins/a%2Fb%20c");
  }

  @Test
  void updateTwinWithAStaleEtagIsAPreconditionFailure() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(412)
        .setBody("{\"errorCode\":412001,\"message\":\"etag in the request does not match\"}"));
    MergePatch patch = MergePatch.builder()
        .object("properties", p -> p.object("desired", d -> d.set("temp", 22).delete("old"))).build();

    assertThatThrownBy(() -> client.updateTwinWithResponse("d1", patch, MatchConditions.ifMatch("\"AAAAAAAAAAY=\"")))
        .isInstanceOf(PreconditionFailedException.class)
        .satisfies(e -> assertThat(((ServiceException) e).errorCode()).hasValue("412001"));

    RecordedRequest request = request();
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(request.getHeader("If-Match")).isEqualTo("\"AAAAAAAAAAY=\"");
    assertThat(Json.parse(request.getBody().readUtf8()))
        .isEqualTo(Json.parse("{\"properties\":{\"desired\":{\"temp\":22,\"old\":null}}}"));
  }

  @Test
  void replaceTwinSendsTagsAndDesiredWithoutMetadata() throws Exception {
    server.enqueue(new MockResponse().setBody(TWIN));
    Twin twin = Twin.fromJson(TWIN);

    client.replaceTwin(twin);

    RecordedRequest request = request();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(Json.parse(request.getBody().readUtf8())).isEqualTo(Json.parse(
        "{\"deviceId\":\"d1\",\"tags\":{\"floor\":\"1\"},\"properties\":{\"desired\":{\"temp\":21}}}"));
  }

  @Test
  void createDeviceIsNotRepeatedAfterAServerErrorAndIsAfterThrottling() {
    server.enqueue(new MockResponse().setResponseCode(500));
    server.enqueue(new MockResponse().setResponseCode(429));
    server.enqueue(new MockResponse().setBody("{\"deviceId\":\"d2\",\"etag\":\"e1\"}"));
    RetryOptions fast = RetryOptions.builder().maxAttempts(3).baseDelay(Duration.ofMillis(1))
        .maxDelay(Duration.ofMillis(20)).build();
    try (IotHubServiceClient retrying = new IotHubServiceClientBuilder()
        .connectionString("HostName=hub.example.net;SharedAccessKeyName=iothubowner;SharedAccessKey=c29tZUtleQ==")
        .endpoint(server.url("/").toString())
        .httpOptions(HttpOptions.builder().retry(fast).build())
        .buildClient()) {

      assertThatThrownBy(() -> retrying.createDevice(Device.builder("d1").build()))
          .isNotInstanceOf(AlreadyExistsException.class)
          .satisfies(e -> assertThat(((ServiceException) e).statusCode()).isEqualTo(500));
      assertThat(server.getRequestCount()).isEqualTo(1);

      assertThat(retrying.createDevice(Device.builder("d2").build()).deviceId()).isEqualTo("d2");
      assertThat(server.getRequestCount()).isEqualTo(3);
    }
  }

  @Test
  void createDeviceOfATakenIdIsAlreadyExists() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(409)
        .setBody("{\"errorCode\":409001,\"message\":\"A device with ID 'd1' is already registered.\"}"));

    assertThatThrownBy(() -> client.createDevice(Device.builder("d1").build()))
        .isInstanceOf(AlreadyExistsException.class);

    RecordedRequest request = request();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getHeader("If-Match")).isNull();
  }

  @Test
  void updateDeviceSendsItsEtagAndDeleteSendsIfMatchStar() throws Exception {
    String stored = "{\"deviceId\":\"d1\",\"etag\":\"MQ==\",\"status\":\"enabled\",\"authentication\":{\"type\":"
        + "\"sas\",\"symmetricKey\":{\"primaryKey\":\"cA==\",\"secondaryKey\":\"cw==\"}}}";
    server.enqueue(new MockResponse().setBody(stored));
    server.enqueue(new MockResponse().setBody(stored.replace("enabled", "disabled")));
    server.enqueue(new MockResponse().setResponseCode(204));

    Device device = client.getDevice("d1");
    Device updated = client.updateDevice(device.toBuilder().status(Twin.Status.DISABLED).build());
    client.deleteDevice("d1");

    request();
    RecordedRequest put = request();
    assertThat(put.getHeader("If-Match")).isEqualTo("MQ==");
    assertThat(Json.parse(put.getBody().readUtf8()).get("status").asText()).isEqualTo("disabled");
    assertThat(updated.status()).hasValue(Twin.Status.DISABLED);
    assertThat(updated.primaryKey()).hasValue("cA==");
    RecordedRequest delete = request();
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(delete.getHeader("If-Match")).isEqualTo("*");
  }

  @Test
  void missingDeviceIsNotFound() {
    server.enqueue(new MockResponse().setResponseCode(404)
        .setBody("{\"errorCode\":404001,\"message\":\"Device d9 not found\"}"));

    assertThatThrownBy(() -> client.getDevice("d9")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("404001");
  }

  @Test
  void queryFollowsContinuationHeadersUntilTheLastPage() throws Exception {
    server.enqueue(new MockResponse().setHeader("x-ms-continuation", "c1").setHeader("x-ms-item-type", "twin")
        .setBody("[" + TWIN + "," + TWIN.replace("\"d1\"", "\"d2\"") + "]"));
    server.enqueue(new MockResponse().setBody("[" + TWIN.replace("\"d1\"", "\"d3\"") + "]"));

    List<String> ids = client.query("SELECT * FROM devices", 2, Twin.class).stream().map(Twin::deviceId)
        .collect(Collectors.toList());

    assertThat(ids).containsExactly("d1", "d2", "d3");
    RecordedRequest first = request();
    assertThat(first.getMethod()).isEqualTo("POST");
    assertThat(first.getRequestUrl().encodedPath()).isEqualTo("/devices/query");
    assertThat(first.getHeader("x-ms-max-item-count")).isEqualTo("2");
    assertThat(first.getHeader("x-ms-continuation")).isNull();
    assertThat(Json.parse(first.getBody().readUtf8()).get("query").asText()).isEqualTo("SELECT * FROM devices");
    assertThat(request().getHeader("x-ms-continuation")).isEqualTo("c1");
  }

  @Test
  void queryWithANonArrayBodyFailsAsMalformed() {
    server.enqueue(new MockResponse().setBody("{\"value\":[]}"));

    assertThatThrownBy(() -> client.query("SELECT * FROM devices").iterator().hasNext())
        .isInstanceOf(ServiceException.class).hasMessageContaining("Malformed response");
  }

  @Test
  void listDevicesReadsOnePage() throws Exception {
    server.enqueue(new MockResponse().setBody("[{\"deviceId\":\"d1\"},{\"deviceId\":\"d2\"}]"));

    List<String> ids = client.listDevices(10).stream().map(Device::deviceId).collect(Collectors.toList());

    assertThat(ids).containsExactly("d1", "d2");
    assertThat(request().getRequestUrl().queryParameter("top")).isEqualTo("10");
  }

  @Test
  void asyncQueryPagesAreFetchedOnlyWhenAsked() throws Exception {
    server.enqueue(new MockResponse().setHeader("x-ms-continuation", "c1").setBody("[{\"n\":1}]"));
    server.enqueue(new MockResponse().setBody("[{\"n\":2}]"));
    io.twinsdk.service.AsyncPages<JsonNode> pages = client.async().query("SELECT COUNT() AS n FROM devices", 1,
        JsonNode.class);

    io.twinsdk.service.Page<JsonNode> first = pages.firstPage().get(5, TimeUnit.SECONDS);

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(first.continuationToken()).hasValue("c1");
    io.twinsdk.service.Page<JsonNode> second = pages.nextPage(first).get(5, TimeUnit.SECONDS);
    assertThat(second.hasNext()).isFalse();
    assertThat(second.items().get(0).get("n").asInt()).isEqualTo(2);
  }
}
