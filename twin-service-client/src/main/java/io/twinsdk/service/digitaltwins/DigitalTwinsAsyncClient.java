package io.twinsdk.service.digitaltwins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.digitaltwin.IncomingRelationship;
import io.twinsdk.core.internal.Json;
import io.twinsdk.core.json.JsonPatch;
import io.twinsdk.service.AsyncPages;
import io.twinsdk.service.MatchConditions;
import io.twinsdk.service.Page;
import io.twinsdk.service.Response;
import io.twinsdk.service.ServiceException;
import io.twinsdk.service.ServiceTimeoutException;
import io.twinsdk.service.internal.Endpoint;
import io.twinsdk.service.internal.Futures;
import io.twinsdk.service.internal.HttpCall;
import io.twinsdk.service.internal.HttpPipeline;
import io.twinsdk.service.internal.HttpResult;
import io.twinsdk.service.internal.JsonBodies;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * The async Azure Digital Twins client: twins, components, relationships, models, queries, import and delete jobs,
 * and telemetry, each with a {@code …WithResponse} form that exposes status, headers and ETag.
 *
 * <p>Every method returns at once; its future completes on the client's callback executor (a small pool of daemon
 * threads named {@code twin-service-callback-N}, or {@link io.twinsdk.service.HttpOptions#callbackExecutor()}),
 * never on an OkHttp I/O thread. Failures are {@link io.twinsdk.service.ServiceException}s (not found, precondition
 * failed, …). Cancelling a future cancels its HTTP call. Lists and queries are {@link AsyncPages} fetched lazily.
 * Instances are thread-safe; build them with {@link DigitalTwinsClientBuilder} and {@link #close()} them.
 */
public final class DigitalTwinsAsyncClient implements AutoCloseable {

  /** The Digital Twins API version sent by default. */
  public static final String DEFAULT_API_VERSION = "2023-10-31";

  private static final String MAX_ITEMS = "max-items-per-page";

  private final HttpPipeline pipeline;
  private final Endpoint endpoint;

  DigitalTwinsAsyncClient(HttpPipeline pipeline, Endpoint endpoint) {
    this.pipeline = pipeline;
    this.endpoint = endpoint;
  }

  HttpPipeline pipeline() {
    return pipeline;
  }

  Endpoint endpoint() {
    return endpoint;
  }

  // ---- twins ----

  /** Creates the twin, or replaces it if it exists, returning the stored twin as {@code type}. */
  public <T> CompletableFuture<T> createOrReplaceDigitalTwin(String twinId, T twin, Class<T> type) {
    return value(createOrReplaceDigitalTwinWithResponse(twinId, twin, type, MatchConditions.none()));
  }

  /**
   * Creates or replaces the twin; with {@link MatchConditions#ifNoneMatchAny()} only creates it (an existing twin
   * fails with {@link io.twinsdk.service.PreconditionFailedException}). A create-only request, like every delete, is
   * retried only when the service surely did not act on it (connection refused, 408, 429, 503 with
   * {@code Retry-After}), so a 412 always means that the twin existed before; after a timeout or another 5xx the
   * call fails and the twin may or may not have been created.
   */
  public <T> CompletableFuture<Response<T>> createOrReplaceDigitalTwinWithResponse(String twinId, T twin,
      Class<T> type, MatchConditions conditions) {
    Objects.requireNonNull(twin, "twin");
    return send(put(url("digitaltwins", twinId), twin, conditions), type);
  }

  /** Gets a twin as {@code type}: {@code BasicDigitalTwin}, {@code JsonNode} or the caller's class. */
  public <T> CompletableFuture<T> getDigitalTwin(String twinId, Class<T> type) {
    return value(getDigitalTwinWithResponse(twinId, type));
  }

  /** Gets a twin with the response (its ETag included). */
  public <T> CompletableFuture<Response<T>> getDigitalTwinWithResponse(String twinId, Class<T> type) {
    return send(get(url("digitaltwins", twinId)), type);
  }

  /** Applies a JSON Patch to a twin. */
  public CompletableFuture<Void> updateDigitalTwin(String twinId, JsonPatch patch) {
    return value(updateDigitalTwinWithResponse(twinId, patch, MatchConditions.none()));
  }

  /** Applies a JSON Patch to a twin, only to the version with the given ETag when {@code conditions} says so. */
  public CompletableFuture<Response<Void>> updateDigitalTwinWithResponse(String twinId, JsonPatch patch,
      MatchConditions conditions) {
    return sendEmpty(patch(url("digitaltwins", twinId), patch, conditions));
  }

  /** Deletes a twin (it must have no relationships). */
  public CompletableFuture<Void> deleteDigitalTwin(String twinId) {
    return value(deleteDigitalTwinWithResponse(twinId, MatchConditions.none()));
  }

  /** Deletes a twin, conditionally on its ETag. */
  public CompletableFuture<Response<Void>> deleteDigitalTwinWithResponse(String twinId, MatchConditions conditions) {
    return sendEmpty(delete(url("digitaltwins", twinId), conditions));
  }

  // ---- components ----

  /** Gets a component of a twin as {@code type}. */
  public <T> CompletableFuture<T> getComponent(String twinId, String componentName, Class<T> type) {
    return value(getComponentWithResponse(twinId, componentName, type));
  }

  /** Gets a component with the response (the twin's ETag included). */
  public <T> CompletableFuture<Response<T>> getComponentWithResponse(String twinId, String componentName,
      Class<T> type) {
    return send(get(url("digitaltwins", twinId, "components", componentName)), type);
  }

  /** Applies a JSON Patch, with paths relative to the component, to a component. */
  public CompletableFuture<Void> updateComponent(String twinId, String componentName, JsonPatch patch) {
    return value(updateComponentWithResponse(twinId, componentName, patch, MatchConditions.none()));
  }

  /** Applies a JSON Patch to a component, conditionally on the twin's ETag. */
  public CompletableFuture<Response<Void>> updateComponentWithResponse(String twinId, String componentName,
      JsonPatch patch, MatchConditions conditions) {
    return sendEmpty(patch(url("digitaltwins", twinId, "components", componentName), patch, conditions));
  }

  // ---- relationships ----

  /** Creates or replaces a relationship of {@code twinId}, returning the stored relationship as {@code type}. */
  public <T> CompletableFuture<T> createOrReplaceRelationship(String twinId, String relationshipId, T relationship,
      Class<T> type) {
    return value(createOrReplaceRelationshipWithResponse(twinId, relationshipId, relationship, type,
        MatchConditions.none()));
  }

  /** Creates or replaces a relationship; with {@link MatchConditions#ifNoneMatchAny()} only creates it. */
  public <T> CompletableFuture<Response<T>> createOrReplaceRelationshipWithResponse(String twinId,
      String relationshipId, T relationship, Class<T> type, MatchConditions conditions) {
    Objects.requireNonNull(relationship, "relationship");
    return send(put(url("digitaltwins", twinId, "relationships", relationshipId), relationship, conditions), type);
  }

  /** Gets a relationship as {@code type}. */
  public <T> CompletableFuture<T> getRelationship(String twinId, String relationshipId, Class<T> type) {
    return value(getRelationshipWithResponse(twinId, relationshipId, type));
  }

  /** Gets a relationship with the response. */
  public <T> CompletableFuture<Response<T>> getRelationshipWithResponse(String twinId, String relationshipId,
      Class<T> type) {
    return send(get(url("digitaltwins", twinId, "relationships", relationshipId)), type);
  }

  /** Applies a JSON Patch to a relationship's properties. */
  public CompletableFuture<Void> updateRelationship(String twinId, String relationshipId, JsonPatch patch) {
    return value(updateRelationshipWithResponse(twinId, relationshipId, patch, MatchConditions.none()));
  }

  /** Applies a JSON Patch to a relationship, conditionally on its ETag. */
  public CompletableFuture<Response<Void>> updateRelationshipWithResponse(String twinId, String relationshipId,
      JsonPatch patch, MatchConditions conditions) {
    return sendEmpty(patch(url("digitaltwins", twinId, "relationships", relationshipId), patch, conditions));
  }

  /** Deletes a relationship. */
  public CompletableFuture<Void> deleteRelationship(String twinId, String relationshipId) {
    return value(deleteRelationshipWithResponse(twinId, relationshipId, MatchConditions.none()));
  }

  /** Deletes a relationship, conditionally on its ETag. */
  public CompletableFuture<Response<Void>> deleteRelationshipWithResponse(String twinId, String relationshipId,
      MatchConditions conditions) {
    return sendEmpty(delete(url("digitaltwins", twinId, "relationships", relationshipId), conditions));
  }

  /** Lists the relationships going out of a twin. */
  public <T> AsyncPages<T> listRelationships(String twinId, Class<T> type) {
    return listRelationships(twinId, null, type);
  }

  /** Lists the relationships going out of a twin with the given name (all when {@code relationshipName} is null). */
  public <T> AsyncPages<T> listRelationships(String twinId, String relationshipName, Class<T> type) {
    HttpUrl.Builder first = url("digitaltwins", twinId, "relationships");
    if (relationshipName != null) {
      first.addQueryParameter("relationshipName", relationshipName);
    }
    return nextLinkPages(first.build(), null, node -> JsonBodies.convert(node, type));
  }

  /** Lists the relationships that point at a twin. */
  public AsyncPages<IncomingRelationship> listIncomingRelationships(String twinId) {
    return nextLinkPages(url("digitaltwins", twinId, "incomingrelationships").build(), null,
        node -> JsonBodies.convert(node, IncomingRelationship.class));
  }

  // ---- models ----

  /**
   * Uploads DTDL models, each string one model document (or all at once); either all are stored or none.
   *
   * @return the stored models' data, without their DTDL
   */
  public CompletableFuture<List<DigitalTwinsModelData>> createModels(List<String> dtdlModels) {
    return value(createModelsWithResponse(dtdlModels));
  }

  /** Uploads DTDL models with the response. */
  public CompletableFuture<Response<List<DigitalTwinsModelData>>> createModelsWithResponse(List<String> dtdlModels) {
    Objects.requireNonNull(dtdlModels, "dtdlModels");
    if (dtdlModels.isEmpty()) {
      throw new IllegalArgumentException("dtdlModels must not be empty");
    }
    ArrayNode body = JsonNodeFactory.instance.arrayNode();
    for (String model : dtdlModels) {
      body.add(Json.parse(Objects.requireNonNull(model, "model")));
    }
    HttpCall call = HttpCall.builder("POST", url("models").build())
        .body(JsonBodies.write(body), HttpCall.JSON).build();
    return pipeline.send(call, result -> result.toResponse(modelList(JsonBodies.tree(result))));
  }

  /** Gets a model with its DTDL document. */
  public CompletableFuture<DigitalTwinsModelData> getModel(String modelId) {
    return value(getModelWithResponse(modelId));
  }

  /** Gets a model with its DTDL document, with the response. */
  public CompletableFuture<Response<DigitalTwinsModelData>> getModelWithResponse(String modelId) {
    HttpUrl url = url("models", modelId).addQueryParameter("includeModelDefinition", "true").build();
    return pipeline.send(get(url), result -> result.toResponse(DigitalTwinsModelData.fromJson(JsonBodies.tree(result))));
  }

  /** Lists all models, without their DTDL. */
  public AsyncPages<DigitalTwinsModelData> listModels() {
    return listModels(ListModelsOptions.defaults());
  }

  /** Lists models as {@code options} says. */
  public AsyncPages<DigitalTwinsModelData> listModels(ListModelsOptions options) {
    HttpUrl.Builder first = url("models")
        .addQueryParameter("includeModelDefinition", Boolean.toString(options.includeModelDefinition()));
    for (String modelId : options.dependenciesFor()) {
      first.addQueryParameter("dependenciesFor", modelId);
    }
    return nextLinkPages(first.build(), options.pageSize(), DigitalTwinsModelData::fromJson);
  }

  /** Decommissions a model: existing twins keep it, new twins may not use it. */
  public CompletableFuture<Void> decommissionModel(String modelId) {
    return value(decommissionModelWithResponse(modelId));
  }

  /** Decommissions a model with the response. */
  public CompletableFuture<Response<Void>> decommissionModelWithResponse(String modelId) {
    JsonPatch patch = JsonPatch.builder().replace("/decommissioned", true).build();
    // Setting the flag again changes nothing, so the request is safe to repeat.
    HttpCall call = HttpCall.builder("PATCH", url("models", modelId).build())
        .body(JsonBodies.write(patch.toJsonNode()), HttpCall.JSON_PATCH).idempotent().build();
    return sendEmpty(call);
  }

  /** Deletes a model (no other model may reference it). */
  public CompletableFuture<Void> deleteModel(String modelId) {
    return value(deleteModelWithResponse(modelId));
  }

  /** Deletes a model with the response. */
  public CompletableFuture<Response<Void>> deleteModelWithResponse(String modelId) {
    return sendEmpty(delete(url("models", modelId), MatchConditions.none()));
  }

  // ---- query ----

  /** Runs a Digital Twins query with the service's page size; rows are read as {@code type}. */
  public <T> AsyncPages<T> query(String query, Class<T> type) {
    return query(query, type, 0);
  }

  /**
   * Runs a Digital Twins query, such as {@code SELECT * FROM DIGITALTWINS WHERE IsOccupied = true}, asking for pages
   * of {@code pageSize} rows (0 = the service's default; it may return fewer). Each {@link Page} reports its query
   * charge. Pages are fetched only when asked for, following the continuation token.
   */
  public <T> AsyncPages<T> query(String query, Class<T> type, int pageSize) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(type, "type");
    if (pageSize < 0) {
      throw new IllegalArgumentException("pageSize must not be negative: " + pageSize);
    }
    return new AsyncPages<>(continuation -> {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      if (continuation == null) {
        body.put("query", query);
      } else {
        body.put("continuationToken", continuation);
      }
      HttpCall.Builder call = HttpCall.builder("POST", url("query").build())
          .body(JsonBodies.write(body), HttpCall.JSON).idempotent();
      if (pageSize > 0) {
        call.header(MAX_ITEMS, Integer.toString(pageSize));
      }
      return pipeline.send(call.build(), result -> {
        JsonNode page = JsonBodies.tree(result);
        JsonNode token = page.get("continuationToken");
        Double charge = result.header("query-charge").map(Double::valueOf).orElse(null);
        return new Page<>(JsonBodies.list(page.get("value"), type),
            token == null || token.isNull() ? null : token.asText(), charge, result.status());
      });
    });
  }

  // ---- import jobs ----

  /** Starts an import job reading {@code input} (NDJSON) and logging to {@code output}. */
  public CompletableFuture<ImportJob> createImportJob(String jobId, URI input, URI output) {
    return value(createImportJobWithResponse(jobId, input, output));
  }

  /**
   * Starts an import job with the response; an existing id fails with an already-exists exception. The request is
   * retried only when the service surely did not act on it (see {@link #createOrReplaceDigitalTwinWithResponse}).
   */
  public CompletableFuture<Response<ImportJob>> createImportJobWithResponse(String jobId, URI input, URI output) {
    ObjectNode body = JsonNodeFactory.instance.objectNode()
        .put("inputBlobUri", Objects.requireNonNull(input, "input").toString())
        .put("outputBlobUri", Objects.requireNonNull(output, "output").toString());
    // A repeat after a success would fail with 409 JobIdAlreadyExists.
    HttpCall call = HttpCall.builder("PUT", url("jobs", "imports", jobId).build()).createOnly()
        .body(JsonBodies.write(body), HttpCall.JSON).build();
    return pipeline.send(call, result -> result.toResponse(ImportJob.fromJson(JsonBodies.tree(result))));
  }

  /** Gets an import job. */
  public CompletableFuture<ImportJob> getImportJob(String jobId) {
    return value(getImportJobWithResponse(jobId));
  }

  /** Gets an import job with the response. */
  public CompletableFuture<Response<ImportJob>> getImportJobWithResponse(String jobId) {
    return pipeline.send(get(url("jobs", "imports", jobId)),
        result -> result.toResponse(ImportJob.fromJson(JsonBodies.tree(result))));
  }

  /** Lists import jobs. */
  public AsyncPages<ImportJob> listImportJobs() {
    return nextLinkPages(url("jobs", "imports").build(), null, ImportJob::fromJson);
  }

  /** Asks a running import job to stop (what it imported stays). */
  public CompletableFuture<ImportJob> cancelImportJob(String jobId) {
    return value(cancelImportJobWithResponse(jobId));
  }

  /** Cancels an import job with the response. */
  public CompletableFuture<Response<ImportJob>> cancelImportJobWithResponse(String jobId) {
    // Cancelling twice leaves the job cancelled, so the request is safe to repeat.
    HttpCall call = HttpCall.builder("POST", url("jobs", "imports", jobId, "cancel").build())
        .body(new byte[0], HttpCall.JSON).idempotent().build();
    return pipeline.send(call, result -> result.toResponse(ImportJob.fromJson(JsonBodies.tree(result))));
  }

  /** Deletes an import job's record so that its id may be reused. */
  public CompletableFuture<Void> deleteImportJob(String jobId) {
    return value(deleteImportJobWithResponse(jobId));
  }

  /** Deletes an import job's record with the response. */
  public CompletableFuture<Response<Void>> deleteImportJobWithResponse(String jobId) {
    return sendEmpty(delete(url("jobs", "imports", jobId), MatchConditions.none()));
  }

  /**
   * Polls an import job every {@code interval} until it has finished, handing each state read to {@code progress}
   * (on the callback executor).
   *
   * @return the finished job; fails with {@link ServiceTimeoutException} when {@code timeout} passes first
   */
  public CompletableFuture<ImportJob> pollImportJob(String jobId, Duration interval, Duration timeout,
      Consumer<ImportJob> progress) {
    return poll(() -> getImportJob(jobId), ImportJob::isFinished, interval, timeout, progress, "import job " + jobId);
  }

  // ---- delete jobs ----

  /** Starts a delete job, which deletes all models, twins and relationships of the instance. */
  public CompletableFuture<DeleteJob> createDeleteJob() {
    return value(createDeleteJobWithResponse());
  }

  /**
   * Starts a delete job with the response (its {@code Operation-Location} header included). The request carries a
   * new operation id, so it is retried after any retriable failure: when a retry finds that an earlier attempt
   * created the job (400 "Operation-Id already exists."), the job is read and returned, with the response of that
   * read (status 200).
   */
  public CompletableFuture<Response<DeleteJob>> createDeleteJobWithResponse() {
    String operationId = UUID.randomUUID().toString();
    // The operation id makes a repeated request name the same job rather than start a second one.
    HttpCall call = HttpCall.builder("POST", url("jobs", "deletions").build()).header("operation-id", operationId)
        .body(new byte[0], HttpCall.JSON).idempotent().build();
    return Futures.recover(sendDeleteJob(call, operationId), DigitalTwinsAsyncClient::operationIdTaken,
        () -> getDeleteJobWithResponse(operationId));
  }

  /** Whether {@code error} says that the operation id exists, which for a new id means an earlier attempt won. */
  private static boolean operationIdTaken(Throwable error) {
    return error instanceof ServiceException && ((ServiceException) error).statusCode() == 400
        && String.valueOf(error.getMessage()).contains("Operation-Id already exists");
  }

  private CompletableFuture<Response<DeleteJob>> sendDeleteJob(HttpCall call, String operationId) {
    return pipeline.send(call, result -> {
      if (result.body().length > 0) {
        return result.toResponse(DeleteJob.fromJson(JsonBodies.tree(result)));
      }
      // The service may answer 202 with only headers; the job is then known by its operation id.
      ObjectNode accepted = JsonNodeFactory.instance.objectNode()
          .put("id", result.header("Operation-Id").orElse(operationId)).put("status", "notstarted");
      return result.toResponse(DeleteJob.fromJson(accepted));
    });
  }

  /** Gets a delete job. */
  public CompletableFuture<DeleteJob> getDeleteJob(String jobId) {
    return value(getDeleteJobWithResponse(jobId));
  }

  /** Gets a delete job with the response. */
  public CompletableFuture<Response<DeleteJob>> getDeleteJobWithResponse(String jobId) {
    return pipeline.send(get(url("jobs", "deletions", jobId)),
        result -> result.toResponse(DeleteJob.fromJson(JsonBodies.tree(result))));
  }

  /** Lists delete jobs. */
  public AsyncPages<DeleteJob> listDeleteJobs() {
    return nextLinkPages(url("jobs", "deletions").build(), null, DeleteJob::fromJson);
  }

  /** Polls a delete job until it has finished; see {@link #pollImportJob}. */
  public CompletableFuture<DeleteJob> pollDeleteJob(String jobId, Duration interval, Duration timeout,
      Consumer<DeleteJob> progress) {
    return poll(() -> getDeleteJob(jobId), DeleteJob::isFinished, interval, timeout, progress, "delete job " + jobId);
  }

  // ---- telemetry ----

  /**
   * Publishes telemetry from a twin. {@code payload} is a JSON string or an object to serialize; a null
   * {@code messageId} gets a random one (the service de-duplicates by it).
   */
  public CompletableFuture<Void> publishTelemetry(String twinId, String messageId, Object payload) {
    return value(publishTelemetryWithResponse(twinId, messageId, payload, null));
  }

  /** Publishes telemetry from a twin, stamped with {@code sourceTime} ({@code Telemetry-Source-Time}) if not null. */
  public CompletableFuture<Response<Void>> publishTelemetryWithResponse(String twinId, String messageId,
      Object payload, Instant sourceTime) {
    return sendEmpty(telemetry(url("digitaltwins", twinId, "telemetry"), messageId, payload, sourceTime));
  }

  /** Publishes telemetry from a component of a twin; see {@link #publishTelemetry}. */
  public CompletableFuture<Void> publishComponentTelemetry(String twinId, String componentName, String messageId,
      Object payload) {
    return value(publishComponentTelemetryWithResponse(twinId, componentName, messageId, payload, null));
  }

  /** Publishes telemetry from a component, stamped with {@code sourceTime} if not null. */
  public CompletableFuture<Response<Void>> publishComponentTelemetryWithResponse(String twinId, String componentName,
      String messageId, Object payload, Instant sourceTime) {
    return sendEmpty(telemetry(url("digitaltwins", twinId, "components", componentName, "telemetry"), messageId,
        payload, sourceTime));
  }

  /**
   * Releases the client's threads and connections. Calls and polls still pending fail with an
   * {@link IllegalStateException} on the calling thread, and so do calls made afterwards. Idempotent.
   */
  @Override
  public void close() {
    pipeline.close();
  }

  // ---- plumbing ----

  private static <T> CompletableFuture<T> value(CompletableFuture<Response<T>> response) {
    return Futures.map(response, Response::value);
  }

  private HttpUrl.Builder url(String... segments) {
    for (String segment : segments) {
      Objects.requireNonNull(segment, "id");
      if (segment.isEmpty()) {
        throw new IllegalArgumentException("Ids and names must not be empty");
      }
    }
    return endpoint.url(segments);
  }

  private static HttpCall get(HttpUrl.Builder url) {
    return get(url.build());
  }

  private static HttpCall get(HttpUrl url) {
    return HttpCall.builder("GET", url).build();
  }

  private static HttpCall put(HttpUrl.Builder url, Object body, MatchConditions conditions) {
    return HttpCall.builder("PUT", url.build()).conditions(conditions)
        .body(JsonBodies.write(body), HttpCall.JSON).build();
  }

  private static HttpCall patch(HttpUrl.Builder url, JsonPatch patch, MatchConditions conditions) {
    Objects.requireNonNull(patch, "patch");
    return HttpCall.builder("PATCH", url.build()).conditions(conditions)
        .body(JsonBodies.write(patch.toJsonNode()), HttpCall.JSON_PATCH).build();
  }

  private static HttpCall delete(HttpUrl.Builder url, MatchConditions conditions) {
    return HttpCall.builder("DELETE", url.build()).conditions(conditions).build();
  }

  private static HttpCall telemetry(HttpUrl.Builder url, String messageId, Object payload, Instant sourceTime) {
    Objects.requireNonNull(payload, "payload");
    byte[] body;
    if (payload instanceof String) {
      // Checked to be one JSON document, then sent as the caller wrote it (numbers keep their form).
      Json.parse((String) payload);
      body = ((String) payload).getBytes(StandardCharsets.UTF_8);
    } else {
      body = JsonBodies.write(payload);
    }
    HttpCall.Builder call = HttpCall.builder("POST", url.build())
        .header("Message-Id", messageId == null ? UUID.randomUUID().toString() : messageId)
        .body(body, HttpCall.JSON).idempotent();
    if (sourceTime != null) {
      call.header("Telemetry-Source-Time", DateTimeFormatter.ISO_INSTANT.format(sourceTime));
    }
    return call.build();
  }

  private <T> CompletableFuture<Response<T>> send(HttpCall call, Class<T> type) {
    Objects.requireNonNull(type, "type");
    return pipeline.send(call, result -> result.toResponse(JsonBodies.read(result, type)));
  }

  private CompletableFuture<Response<Void>> sendEmpty(HttpCall call) {
    return pipeline.send(call, result -> result.toResponse(null));
  }

  private static List<DigitalTwinsModelData> modelList(JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("Expected a JSON array of models, got " + array.getNodeType());
    }
    List<DigitalTwinsModelData> models = new ArrayList<>();
    array.forEach(node -> models.add(DigitalTwinsModelData.fromJson(node)));
    return models;
  }

  /** Pages of a list API: {@code {"value":[…],"nextLink":…}}, where the continuation token is the next link. */
  private <T> AsyncPages<T> nextLinkPages(HttpUrl first, Integer pageSize, Function<JsonNode, T> item) {
    return new AsyncPages<>(nextLink -> {
      HttpCall.Builder call = HttpCall.builder("GET", nextLink == null ? first : endpoint.sameOrigin(nextLink));
      if (pageSize != null) {
        call.header(MAX_ITEMS, pageSize.toString());
      }
      return pipeline.send(call.build(), result -> {
        JsonNode page = JsonBodies.tree(result);
        JsonNode value = page.get("value");
        if (value == null || !value.isArray()) {
          throw new IllegalArgumentException("A page must have a value array");
        }
        List<T> items = new ArrayList<>(value.size());
        value.forEach(node -> items.add(item.apply(node)));
        JsonNode next = page.get("nextLink");
        return new Page<>(items, next == null || next.isNull() ? null : next.asText(), null, result.status());
      });
    });
  }

  private <J> CompletableFuture<J> poll(Supplier<CompletableFuture<J>> read, Predicate<J> finished,
      Duration interval, Duration timeout, Consumer<J> progress, String what) {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(progress, "progress");
    Poll<J> poll = new Poll<>(read, finished, interval, System.nanoTime() + timeout.toNanos(), progress, what);
    // close() fails a poll that is waiting between two reads, whose next read would otherwise never run.
    pipeline.track(poll.done);
    poll.next();
    return poll.done;
  }

  /** One polling loop: read, report, and either finish or schedule the next read. */
  private final class Poll<J> {
    final Supplier<CompletableFuture<J>> read;
    final Predicate<J> finished;
    final Duration interval;
    final long deadline;
    final Consumer<J> progress;
    final String what;
    final CompletableFuture<J> done = new CompletableFuture<>();
    volatile CompletableFuture<J> current;
    volatile ScheduledFuture<?> nextRead;

    Poll(Supplier<CompletableFuture<J>> read, Predicate<J> finished, Duration interval, long deadline,
        Consumer<J> progress, String what) {
      this.read = read;
      this.finished = finished;
      this.interval = interval;
      this.deadline = deadline;
      this.progress = progress;
      this.what = what;
      done.whenComplete((ignored, error) -> {
        CompletableFuture<J> inFlight = current;
        if (done.isCancelled() && inFlight != null) {
          inFlight.cancel(true);
        }
        // Otherwise a cancelled poll's next read stays queued, holding this poll, until its time comes.
        ScheduledFuture<?> scheduled = nextRead;
        if (scheduled != null) {
          scheduled.cancel(false);
        }
      });
    }

    void next() {
      if (done.isDone()) {
        return;
      }
      current = read.get();
      current.whenComplete(this::onRead);
    }

    void onRead(J job, Throwable error) {
      if (error != null) {
        done.completeExceptionally(error);
        return;
      }
      try {
        progress.accept(job);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
        return;
      }
      if (finished.test(job)) {
        done.complete(job);
      } else if (System.nanoTime() + interval.toNanos() - deadline > 0) {
        done.completeExceptionally(new ServiceTimeoutException(what + " did not finish in time; last status "
            + job, null, null));
      } else {
        try {
          nextRead = pipeline.scheduler().schedule(this::next, interval.toNanos(), TimeUnit.NANOSECONDS);
          if (done.isDone()) {
            nextRead.cancel(false);
          }
        } catch (RejectedExecutionException closed) {
          done.completeExceptionally(new IllegalStateException("The client was closed while polling " + what));
        }
      }
    }
  }
}
