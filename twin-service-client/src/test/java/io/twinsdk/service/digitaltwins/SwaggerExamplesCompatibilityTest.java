package io.twinsdk.service.digitaltwins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.digitaltwin.BasicDigitalTwin;
import io.twinsdk.core.digitaltwin.BasicDigitalTwinComponent;
import io.twinsdk.core.digitaltwin.BasicRelationship;
import io.twinsdk.core.digitaltwin.IncomingRelationship;
import io.twinsdk.core.internal.Json;
import io.twinsdk.core.json.JsonPatch;
import io.twinsdk.service.HttpOptions;
import io.twinsdk.service.MatchConditions;
import io.twinsdk.service.Page;
import io.twinsdk.service.Response;
import io.twinsdk.service.RetryOptions;
import io.twinsdk.service.credential.StaticTokenCredential;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replays the documented responses of the Digital Twins swagger examples through the client and checks both the
 * request it sent (method, path, api-version, headers, body) and the value it parsed.
 */
class SwaggerExamplesCompatibilityTest {

  private MockWebServer server;
  private DigitalTwinsClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = new DigitalTwinsClientBuilder()
        .endpoint(server.url("/").toString())
        .credential(new StaticTokenCredential("test-token"))
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
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer test-token");
    assertThat(request.getRequestUrl().queryParameter("api-version")).isEqualTo("2023-10-31");
    return request;
  }

  private static String path(RecordedRequest request) {
    HttpUrl url = request.getRequestUrl();
    return "/" + String.join("/", url.pathSegments());
  }

  private static JsonNode body(RecordedRequest request) {
    return Json.parse(request.getBody().readUtf8());
  }

  @Test
  void getTwinParsesIdEtagPropertiesComponentsAndMetadata() throws Exception {
    SwaggerExample example = SwaggerExample.load("GetTwin").enqueueOn(server);

    BasicDigitalTwin twin = client.getDigitalTwin(example.param("id"), BasicDigitalTwin.class);

    RecordedRequest request = request();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(path(request)).isEqualTo("/digitaltwins/myTwinId");
    assertThat(twin.id()).hasValue("myTwinId");
    assertThat(twin.etag()).hasValue("W/\"9c2876c2-aff0-40b3-9fba-0c6be9d020a6\"");
    assertThat(twin.model()).hasValue("dtmi:com:example:interfaces:interfaceName;1");
    assertThat(twin.property("property1", Integer.class)).hasValue(1);
    assertThat(twin.component("component1").flatMap(c -> c.property("componentProperty", String.class)))
        .hasValue("some value");
    assertThat((JsonNode) Json.mapper().valueToTree(twin)).isEqualTo(example.responseBody());
  }

  @Test
  void getTwinAsJsonNodeKeepsTheDocument() throws Exception {
    SwaggerExample example = SwaggerExample.load("GetTwin").enqueueOn(server);

    JsonNode twin = client.getDigitalTwin("myTwinId", JsonNode.class);

    request();
    assertThat(twin).isEqualTo(example.responseBody());
  }

  @Test
  void putTwinBasicSendsTheTwinAndReturnsTheStoredOne() throws Exception {
    SwaggerExample example = SwaggerExample.load("PutTwinBasicExample").enqueueOn(server);
    BasicDigitalTwin twin = Json.mapper().treeToValue(example.paramNode("twin"), BasicDigitalTwin.class);

    Response<BasicDigitalTwin> response = client.createOrReplaceDigitalTwinWithResponse(example.param("id"), twin,
        BasicDigitalTwin.class, MatchConditions.none());

    RecordedRequest request = request();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(path(request)).isEqualTo("/digitaltwins/myNewTwinId");
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    assertThat(request.getHeader("If-None-Match")).isNull();
    assertThat(body(request)).isEqualTo(example.paramNode("twin"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.value().id()).hasValue("myNewTwinId");
  }

  @Test
  void putTwinAdvancedSendsIfNoneMatchAndSourceTimes() throws Exception {
    SwaggerExample example = SwaggerExample.load("PutTwinAdvancedExample").enqueueOn(server);

    JsonNode stored = client.createOrReplaceDigitalTwinWithResponse(example.param("id"),
        example.paramNode("twin"), JsonNode.class, MatchConditions.ifNoneMatchAny()).value();

    RecordedRequest request = request();
    assertThat(request.getHeader("If-None-Match")).isEqualTo("*");
    assertThat(body(request)).isEqualTo(example.paramNode("twin"));
    assertThat(stored).isEqualTo(example.responseBody());
  }

  @Test
  void patchTwinBasicSendsAJsonPatchDocument() throws Exception {
    SwaggerExample example = SwaggerExample.load("PatchTwinBasicExample").enqueueOn(server);

    Response<Void> response = client.updateDigitalTwinWithResponse(example.param("id"),
        JsonPatch.fromJson(example.paramNode("patchDocument")), MatchConditions.ifMatch("W/\"e1\""));

    RecordedRequest request = request();
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(path(request)).isEqualTo("/digitaltwins/myNewTwinId");
    assertThat(request.getHeader("Content-Type")).startsWith("application/json-patch+json");
    assertThat(request.getHeader("If-Match")).isEqualTo("W/\"e1\"");
    assertThat(body(request)).isEqualTo(example.paramNode("patchDocument"));
    assertThat(response.statusCode()).isEqualTo(204);
  }

  @Test
  void patchTwinAdvancedSendsMetadataAndNestedPaths() throws Exception {
    SwaggerExample example = SwaggerExample.load("PatchTwinAdvancedExample").enqueueOn(server);
    JsonPatch patch = JsonPatch.builder()
        .replace("/property1", 1)
        .replace("/$metadata/property1/sourceTime", "2022-05-31T12:00:01.000125009Z")
        .add("/property2/subProperty1", 1)
        .remove("/property3")
        .build();

    client.updateDigitalTwin(example.param("id"), patch);

    assertThat(body(request())).isEqualTo(example.paramNode("patchDocument"));
  }

  @Test
  void deleteTwinSendsDelete() throws Exception {
    SwaggerExample example = SwaggerExample.load("DeleteTwin").enqueueOn(server);

    client.deleteDigitalTwin(example.param("id"));

    RecordedRequest request = request();
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(path(request)).isEqualTo("/digitaltwins/myTwinId");
  }

  @Test
  void getComponentParsesTheComponent() throws Exception {
    SwaggerExample example = SwaggerExample.load("GetComponent").enqueueOn(server);

    JsonNode component = client.getComponent(example.param("id"), example.param("componentPath"), JsonNode.class);

    assertThat(path(request())).isEqualTo("/digitaltwins/myTwinId/components/myComponent");
    assertThat(component).isEqualTo(example.responseBody());
  }

  @Test
  void getComponentAsCoreComponentType() throws Exception {
    SwaggerExample example = SwaggerExample.load("GetComponent").enqueueOn(server);

    BasicDigitalTwinComponent component = client.getComponent("myTwinId", "myComponent",
        BasicDigitalTwinComponent.class);

    request();
    assertThat((JsonNode) Json.mapper().valueToTree(component)).isEqualTo(example.responseBody());
  }

  @Test
  void patchComponentSendsPathsRelativeToTheComponent() throws Exception {
    SwaggerExample example = SwaggerExample.load("PatchComponentBasicExample").enqueueOn(server);

    client.updateComponent(example.param("id"), example.param("componentPath"),
        JsonPatch.fromJson(example.paramNode("patchDocument")));

    RecordedRequest request = request();
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(path(request)).isEqualTo("/digitaltwins/myTwinId/components/myComponent");
    assertThat(body(request)).isEqualTo(example.paramNode("patchDocument"));
  }

  @Test
  void createRelationshipSendsTheRelationshipAndParsesTheStoredOne() throws Exception {
    SwaggerExample example = SwaggerExample.load("CreateRelationshipBasicExample").enqueueOn(server);
    BasicRelationship relationship = Json.mapper().treeToValue(example.paramNode("relationship"),
        BasicRelationship.class);

    BasicRelationship stored = client.createOrReplaceRelationship(example.param("id"),
        example.param("relationshipId"), relationship, BasicRelationship.class);

    RecordedRequest request = request();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(path(request)).isEqualTo("/digitaltwins/mySourceTwin/relationships/myRelationshipId");
    assertThat(body(request)).isEqualTo(example.paramNode("relationship"));
    assertThat((JsonNode) Json.mapper().valueToTree(stored)).isEqualTo(example.responseBody());
  }

  @Test
  void getRelationshipByIdParsesIt() throws Exception {
    SwaggerExample example = SwaggerExample.load("GetRelationshipById").enqueueOn(server);

    BasicRelationship relationship = client.getRelationship(example.param("id"), example.param("relationshipId"),
        BasicRelationship.class);

    assertThat(path(request())).isEqualTo("/digitaltwins/mySourceTwin/relationships/myRelationshipId");
    assertThat(relationship.id()).hasValue(example.responseBody().get("$relationshipId").asText());
    assertThat(relationship.targetId()).isEqualTo(example.responseBody().get("$targetId").asText());
    assertThat(relationship.name()).isEqualTo(example.responseBody().get("$relationshipName").asText());
  }

  @Test
  void patchRelationshipSendsTheDocument() throws Exception {
    SwaggerExample example = SwaggerExample.load("PatchRelationshipBasicExample").enqueueOn(server);

    client.updateRelationship(example.param("id"), example.param("relationshipId"),
        JsonPatch.fromJson(example.paramNode("patchDocument")));

    RecordedRequest request = request();
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(path(request)).isEqualTo("/digitaltwins/myTwinId/relationships/myRelationshipId");
    assertThat(body(request)).isEqualTo(example.paramNode("patchDocument"));
  }

  @Test
  void deleteRelationshipSendsDelete() throws Exception {
    SwaggerExample example = SwaggerExample.load("DeleteRelationship").enqueueOn(server);

    client.deleteRelationship(example.param("id"), example.param("relationshipId"));

    RecordedRequest request = request();
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(path(request)).isEqualTo("/digitaltwins/myTwinId/relationships/myRelationshipId");
  }

  @Test
  void listRelationshipsParsesTheFirstPage() throws Exception {
    SwaggerExample example = SwaggerExample.load("GetRelationship").enqueueOn(server);

    Page<BasicRelationship> page = client.listRelationships(example.param("id"), BasicRelationship.class)
        .byPage().iterator().next();

    assertThat(path(request())).isEqualTo("/digitaltwins/mySourceTwin/relationships");
    assertThat(page.items()).hasSize(example.responseBody().get("value").size());
    assertThat((JsonNode) Json.mapper().valueToTree(page.items())).isEqualTo(example.responseBody().get("value"));
  }

  @Test
  void listRelationshipsByNameSendsTheNameFilter() throws Exception {
    SwaggerExample example = SwaggerExample.load("GetRelationshipByRelationshipName").enqueueOn(server);

    Page<JsonNode> page = client.listRelationships(example.param("id"), example.param("relationshipName"),
        JsonNode.class).byPage().iterator().next();

    RecordedRequest request = request();
    assertThat(request.getRequestUrl().queryParameter("relationshipName")).isEqualTo("myRelationship");
    assertThat(page.items()).containsExactlyElementsOf(example.responseBody().get("value"));
  }

  @Test
  void listIncomingRelationshipsParsesTheSummaries() throws Exception {
    SwaggerExample example = SwaggerExample.load("GetIncomingRelationship").enqueueOn(server);

    Page<IncomingRelationship> page = client.listIncomingRelationships(example.param("id")).byPage().iterator()
        .next();

    assertThat(path(request())).isEqualTo("/digitaltwins/mySourceTwin/incomingrelationships");
    assertThat(page.items()).extracting(IncomingRelationship::id)
        .containsExactly("firstRelationshipId", "secondRelationshipId");
    assertThat(page.items().get(0).link())
        .isEqualTo("/digitaltwins/mySourceTwin/relationships/myRelationship/firstRelationshipId");
    assertThat(page.hasNext()).isTrue();
  }

  @Test
  void addModelsSendsTheDtdlArrayAndParsesModelData() throws Exception {
    SwaggerExample example = SwaggerExample.load("ModelAdd").enqueueOn(server);
    List<String> models = List.of(example.paramNode("models").get(0).toString());

    Response<List<DigitalTwinsModelData>> response = client.createModelsWithResponse(models);

    RecordedRequest request = request();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(path(request)).isEqualTo("/models");
    assertThat(body(request)).isEqualTo(example.paramNode("models"));
    assertThat(response.statusCode()).isEqualTo(201);
    DigitalTwinsModelData model = response.value().get(0);
    assertThat(model.modelId()).isEqualTo("dtmi:com:example:Sample;1");
    assertThat(model.displayName()).containsEntry("en", "Sample Interface");
    assertThat(model.uploadTime()).isPresent();
    assertThat(model.decommissioned()).isFalse();
    assertThat(model.model()).isEmpty();
  }

  @Test
  void getModelAsksForTheDefinition() throws Exception {
    SwaggerExample example = SwaggerExample.load("ModelGetByIdWithIncludeModelDefinition").enqueueOn(server);

    DigitalTwinsModelData model = client.getModel(example.param("id"));

    RecordedRequest request = request();
    assertThat(path(request)).isEqualTo("/models/dtmi:com:example:Sample;1");
    assertThat(request.getRequestUrl().queryParameter("includeModelDefinition")).isEqualTo("true");
    assertThat(model.model()).hasValue(example.responseBody().get("model"));
  }

  @Test
  void listModelsParsesThePage() throws Exception {
    SwaggerExample example = SwaggerExample.load("ModelsGet").enqueueOn(server);

    Page<DigitalTwinsModelData> page = client.listModels().byPage().iterator().next();

    RecordedRequest request = request();
    assertThat(path(request)).isEqualTo("/models");
    assertThat(request.getRequestUrl().queryParameter("includeModelDefinition")).isEqualTo("false");
    assertThat(page.items()).extracting(DigitalTwinsModelData::modelId)
        .containsExactly(example.responseBody().get("value").findValuesAsText("id").toArray(new String[0]));
  }

  @Test
  void listModelsWithDependenciesSendsRepeatedParametersAndPageSize() throws Exception {
    SwaggerExample example = SwaggerExample.load("ModelsGetWithDependenciesAndIncludeModelDefinition")
        .enqueueOn(server);

    Page<DigitalTwinsModelData> page = client.listModels(ListModelsOptions.defaults().includeModelDefinition(true)
        .dependenciesFor(List.of("dtmi:com:example:SampleDeviceModel;1")).pageSize(20)).byPage().iterator().next();

    RecordedRequest request = request();
    assertThat(request.getRequestUrl().queryParameterValues("dependenciesFor"))
        .containsExactly("dtmi:com:example:SampleDeviceModel;1");
    assertThat(request.getRequestUrl().queryParameter("includeModelDefinition")).isEqualTo("true");
    assertThat(request.getHeader("max-items-per-page")).isEqualTo("20");
    assertThat(page.items()).allSatisfy(model -> assertThat(model.model()).isPresent());
  }

  @Test
  void decommissionModelSendsTheDocumentedPatch() throws Exception {
    SwaggerExample example = SwaggerExample.load("ModelUpdateDecommissioned").enqueueOn(server);

    client.decommissionModel(example.param("id"));

    RecordedRequest request = request();
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(request.getHeader("Content-Type")).startsWith("application/json-patch+json");
    assertThat(body(request)).isEqualTo(example.paramNode("updateModel"));
  }

  @Test
  void deleteModelSendsDelete() throws Exception {
    SwaggerExample example = SwaggerExample.load("DeleteModel").enqueueOn(server);

    Response<Void> response = client.deleteModelWithResponse(example.param("id"));

    assertThat(request().getMethod()).isEqualTo("DELETE");
    assertThat(response.statusCode()).isEqualTo(204);
  }

  @Test
  void queryFollowsTheContinuationTokenLazilyAndSendsOnlyItOnTheNextPage() throws Exception {
    SwaggerExample first = SwaggerExample.load("QueryFirstPage").enqueueOn(server);
    SwaggerExample next = SwaggerExample.load("QueryNextPage").enqueueOn(server);
    String query = first.paramNode("querySpecification").get("query").asText();

    java.util.Iterator<Page<BasicDigitalTwin>> pages = client.query(query, BasicDigitalTwin.class, 3).byPage()
        .iterator();
    assertThat(server.getRequestCount()).isZero();
    Page<BasicDigitalTwin> page1 = pages.next();
    Page<BasicDigitalTwin> page2 = pages.next();

    RecordedRequest request1 = request();
    assertThat(request1.getMethod()).isEqualTo("POST");
    assertThat(path(request1)).isEqualTo("/query");
    assertThat(request1.getHeader("max-items-per-page")).isEqualTo("3");
    assertThat(body(request1)).isEqualTo(first.paramNode("querySpecification"));
    RecordedRequest request2 = request();
    assertThat(body(request2).get("continuationToken").asText())
        .isEqualTo(first.responseBody().get("continuationToken").asText());
    assertThat(body(request2).has("query")).isFalse();
    assertThat(page1.items()).extracting(twin -> twin.id().orElseThrow()).containsExactly("Twin-01", "Twin-02",
        "Twin-03");
    assertThat(page2.items()).extracting(twin -> twin.id().orElseThrow()).containsExactly("Twin-04", "Twin-05", "Twin-06");
    assertThat(pages.hasNext()).isFalse();
  }

  @Test
  void queryItemsAcrossPagesArriveInOrder() throws Exception {
    SwaggerExample.load("QueryFirstPage").enqueueOn(server);
    SwaggerExample.load("QueryNextPage").enqueueOn(server);

    List<String> ids = new java.util.ArrayList<>();
    client.query("SELECT * FROM DIGITALTWINS WHERE temp = 79", JsonNode.class)
        .forEach(row -> ids.add(row.get("$dtId").asText()));

    assertThat(ids).containsExactly("Twin-01", "Twin-02", "Twin-03", "Twin-04", "Twin-05", "Twin-06");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void queryReportsTheQueryCharge() throws Exception {
    SwaggerExample example = SwaggerExample.load("QueryJoin");
    server.enqueue(new okhttp3.mockwebserver.MockResponse().setHeader("query-charge", "3.19")
        .setBody(example.responseBody().toString()));

    Page<JsonNode> page = client.query(example.paramNode("querySpecification").get("query").asText(),
        JsonNode.class).byPage().iterator().next();

    request();
    assertThat(page.queryCharge()).hasValue(3.19);
    assertThat(page.items().get(0).get("Widget").get("$dtId").asText()).isEqualTo("Twin-01");
  }

  @Test
  void createImportJobSendsTheUrisAndParsesTheJob() throws Exception {
    SwaggerExample example = SwaggerExample.load("ImportJobPut").enqueueOn(server);
    JsonNode job = example.paramNode("importJob");

    ImportJob created = client.createImportJob(example.param("id"),
        URI.create(job.get("inputBlobUri").asText().replace(' ', '-')),
        URI.create(job.get("outputBlobUri").asText().replace(' ', '-')));

    RecordedRequest request = request();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(path(request)).isEqualTo("/jobs/imports/importjob1");
    assertThat(body(request).get("inputBlobUri").asText()).isEqualTo("path-to-input-blob");
    assertThat(created.id()).isEqualTo("importjob1");
    assertThat(created.status()).isEqualTo("notstarted");
    assertThat(created.isFinished()).isFalse();
    assertThat(created.purgeDateTime()).isPresent();
  }

  @Test
  void getListCancelAndDeleteImportJobs() throws Exception {
    SwaggerExample.load("ImportJobGet").enqueueOn(server);
    SwaggerExample list = SwaggerExample.load("ImportJobList").enqueueOn(server);
    SwaggerExample.load("ImportJobCancel").enqueueOn(server);
    SwaggerExample.load("ImportJobDelete").enqueueOn(server);

    ImportJob got = client.getImportJob("importjob1");
    Page<ImportJob> page = client.listImportJobs().byPage().iterator().next();
    ImportJob cancelled = client.cancelImportJob("importjob1");
    client.deleteImportJob("bulkimportjob1");

    assertThat(path(request())).isEqualTo("/jobs/imports/importjob1");
    assertThat(path(request())).isEqualTo("/jobs/imports");
    RecordedRequest cancel = request();
    assertThat(cancel.getMethod()).isEqualTo("POST");
    assertThat(path(cancel)).isEqualTo("/jobs/imports/importjob1/cancel");
    RecordedRequest delete = request();
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(path(delete)).isEqualTo("/jobs/imports/bulkimportjob1");
    assertThat(got.id()).isEqualTo("importjob1");
    assertThat(page.items()).hasSize(list.responseBody().get("value").size());
    assertThat(cancelled.status()).isIn("cancelling", "cancelled");
  }

  @Test
  void createDeleteJobReadsTheAcceptedHeadersWhenThereIsNoBody() throws Exception {
    SwaggerExample.load("DeleteJobPost").enqueueOn(server);

    Response<DeleteJob> response = client.createDeleteJobWithResponse();

    RecordedRequest request = request();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(path(request)).isEqualTo("/jobs/deletions");
    assertThat(request.getHeader("operation-id")).isNotBlank();
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.header("Operation-Location")).hasValue(
        "https://instance-name/jobs/delete/{id}?api-version=2023-10-31");
    assertThat(response.value().id()).isEqualTo("{id}");
    assertThat(response.value().status()).isEqualTo("notstarted");
  }

  @Test
  void getAndListDeleteJobs() throws Exception {
    SwaggerExample.load("DeleteJobGet").enqueueOn(server);
    SwaggerExample list = SwaggerExample.load("DeleteJobList").enqueueOn(server);

    DeleteJob job = client.getDeleteJob("deletejob1");
    Page<DeleteJob> page = client.listDeleteJobs().byPage().iterator().next();

    assertThat(path(request())).isEqualTo("/jobs/deletions/deletejob1");
    assertThat(path(request())).isEqualTo("/jobs/deletions");
    assertThat(job.isFinished()).isTrue();
    assertThat(job.finishedDateTime()).isPresent();
    assertThat(page.items()).hasSize(list.responseBody().get("value").size());
  }

  @Test
  void publishTelemetrySendsMessageIdSourceTimeAndPayload() throws Exception {
    SwaggerExample example = SwaggerExample.load("SendTelemetry").enqueueOn(server);

    client.publishTelemetryWithResponse(example.param("id"), example.param("Message-Id"),
        example.paramNode("telemetry").toString(), Instant.parse(example.param("Telemetry-Source-Time")));

    RecordedRequest request = request();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(path(request)).isEqualTo("/digitaltwins/myTwinId/telemetry");
    assertThat(request.getHeader("Message-Id")).isEqualTo("e5ca50dd-ca31-4fae-8d84-3af5a72b10c5");
    assertThat(Instant.parse(request.getHeader("Telemetry-Source-Time")))
        .isEqualTo(Instant.parse("1985-04-12T23:20:50.52Z"));
    assertThat(body(request)).isEqualTo(example.paramNode("telemetry"));
  }

  @Test
  void publishComponentTelemetryGoesToTheComponentPath() throws Exception {
    SwaggerExample example = SwaggerExample.load("SendTelemetryFromComponent").enqueueOn(server);

    client.publishComponentTelemetry(example.param("id"), example.param("componentPath"), null,
        example.paramNode("telemetry"));

    RecordedRequest request = request();
    assertThat(path(request)).isEqualTo("/digitaltwins/myTwinId/components/myComponent/telemetry");
    assertThat(request.getHeader("Message-Id")).matches("[0-9a-f-]{36}");
    assertThat(body(request)).isEqualTo(example.paramNode("telemetry"));
  }
}
