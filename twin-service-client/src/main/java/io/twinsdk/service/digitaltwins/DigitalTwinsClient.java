package io.twinsdk.service.digitaltwins;

import io.twinsdk.core.digitaltwin.IncomingRelationship;
import io.twinsdk.core.json.JsonPatch;
import io.twinsdk.service.MatchConditions;
import io.twinsdk.service.PagedIterable;
import io.twinsdk.service.Response;
import io.twinsdk.service.internal.Await;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The blocking Azure Digital Twins client: the operations of {@link DigitalTwinsAsyncClient}, each waiting for its
 * result at most the operation timeout ({@link io.twinsdk.service.HttpOptions#operationTimeout()}) and throwing the
 * service's {@link io.twinsdk.service.ServiceException} on failure. Lists and queries are {@link PagedIterable}s that
 * fetch pages as iteration reaches them. Thread-safe; {@link #close()} when done.
 */
public final class DigitalTwinsClient implements AutoCloseable {

  private final DigitalTwinsAsyncClient async;
  private final Duration timeout;

  DigitalTwinsClient(DigitalTwinsAsyncClient async) {
    this.async = async;
    this.timeout = async.pipeline().operationTimeout();
  }

  /** Returns the async client this one blocks on (closing either closes both). */
  public DigitalTwinsAsyncClient async() {
    return async;
  }

  /** Creates or replaces a twin; see {@link DigitalTwinsAsyncClient#createOrReplaceDigitalTwin}. */
  public <T> T createOrReplaceDigitalTwin(String twinId, T twin, Class<T> type) {
    return await(async.createOrReplaceDigitalTwin(twinId, twin, type));
  }

  /** Creates or replaces a twin with conditions, returning the response. */
  public <T> Response<T> createOrReplaceDigitalTwinWithResponse(String twinId, T twin, Class<T> type,
      MatchConditions conditions) {
    return await(async.createOrReplaceDigitalTwinWithResponse(twinId, twin, type, conditions));
  }

  /** Gets a twin as {@code type}. */
  public <T> T getDigitalTwin(String twinId, Class<T> type) {
    return await(async.getDigitalTwin(twinId, type));
  }

  /** Gets a twin with the response. */
  public <T> Response<T> getDigitalTwinWithResponse(String twinId, Class<T> type) {
    return await(async.getDigitalTwinWithResponse(twinId, type));
  }

  /** Applies a JSON Patch to a twin. */
  public void updateDigitalTwin(String twinId, JsonPatch patch) {
    await(async.updateDigitalTwin(twinId, patch));
  }

  /** Applies a JSON Patch to a twin, conditionally on its ETag. */
  public Response<Void> updateDigitalTwinWithResponse(String twinId, JsonPatch patch, MatchConditions conditions) {
    return await(async.updateDigitalTwinWithResponse(twinId, patch, conditions));
  }

  /** Deletes a twin. */
  public void deleteDigitalTwin(String twinId) {
    await(async.deleteDigitalTwin(twinId));
  }

  /** Deletes a twin, conditionally on its ETag. */
  public Response<Void> deleteDigitalTwinWithResponse(String twinId, MatchConditions conditions) {
    return await(async.deleteDigitalTwinWithResponse(twinId, conditions));
  }

  /** Gets a component as {@code type}. */
  public <T> T getComponent(String twinId, String componentName, Class<T> type) {
    return await(async.getComponent(twinId, componentName, type));
  }

  /** Gets a component with the response. */
  public <T> Response<T> getComponentWithResponse(String twinId, String componentName, Class<T> type) {
    return await(async.getComponentWithResponse(twinId, componentName, type));
  }

  /** Applies a JSON Patch to a component. */
  public void updateComponent(String twinId, String componentName, JsonPatch patch) {
    await(async.updateComponent(twinId, componentName, patch));
  }

  /** Applies a JSON Patch to a component, conditionally on the twin's ETag. */
  public Response<Void> updateComponentWithResponse(String twinId, String componentName, JsonPatch patch,
      MatchConditions conditions) {
    return await(async.updateComponentWithResponse(twinId, componentName, patch, conditions));
  }

  /** Creates or replaces a relationship. */
  public <T> T createOrReplaceRelationship(String twinId, String relationshipId, T relationship, Class<T> type) {
    return await(async.createOrReplaceRelationship(twinId, relationshipId, relationship, type));
  }

  /** Creates or replaces a relationship with conditions, returning the response. */
  public <T> Response<T> createOrReplaceRelationshipWithResponse(String twinId, String relationshipId,
      T relationship, Class<T> type, MatchConditions conditions) {
    return await(async.createOrReplaceRelationshipWithResponse(twinId, relationshipId, relationship, type,
        conditions));
  }

  /** Gets a relationship as {@code type}. */
  public <T> T getRelationship(String twinId, String relationshipId, Class<T> type) {
    return await(async.getRelationship(twinId, relationshipId, type));
  }

  /** Gets a relationship with the response. */
  public <T> Response<T> getRelationshipWithResponse(String twinId, String relationshipId, Class<T> type) {
    return await(async.getRelationshipWithResponse(twinId, relationshipId, type));
  }

  /** Applies a JSON Patch to a relationship. */
  public void updateRelationship(String twinId, String relationshipId, JsonPatch patch) {
    await(async.updateRelationship(twinId, relationshipId, patch));
  }

  /** Applies a JSON Patch to a relationship, conditionally on its ETag. */
  public Response<Void> updateRelationshipWithResponse(String twinId, String relationshipId, JsonPatch patch,
      MatchConditions conditions) {
    return await(async.updateRelationshipWithResponse(twinId, relationshipId, patch, conditions));
  }

  /** Deletes a relationship. */
  public void deleteRelationship(String twinId, String relationshipId) {
    await(async.deleteRelationship(twinId, relationshipId));
  }

  /** Deletes a relationship, conditionally on its ETag. */
  public Response<Void> deleteRelationshipWithResponse(String twinId, String relationshipId,
      MatchConditions conditions) {
    return await(async.deleteRelationshipWithResponse(twinId, relationshipId, conditions));
  }

  /** Lists the relationships going out of a twin. */
  public <T> PagedIterable<T> listRelationships(String twinId, Class<T> type) {
    return paged(async.listRelationships(twinId, type));
  }

  /** Lists the relationships going out of a twin with the given name. */
  public <T> PagedIterable<T> listRelationships(String twinId, String relationshipName, Class<T> type) {
    return paged(async.listRelationships(twinId, relationshipName, type));
  }

  /** Lists the relationships that point at a twin. */
  public PagedIterable<IncomingRelationship> listIncomingRelationships(String twinId) {
    return paged(async.listIncomingRelationships(twinId));
  }

  /** Uploads DTDL models; see {@link DigitalTwinsAsyncClient#createModels}. */
  public List<DigitalTwinsModelData> createModels(List<String> dtdlModels) {
    return await(async.createModels(dtdlModels));
  }

  /** Uploads DTDL models with the response. */
  public Response<List<DigitalTwinsModelData>> createModelsWithResponse(List<String> dtdlModels) {
    return await(async.createModelsWithResponse(dtdlModels));
  }

  /** Gets a model with its DTDL document. */
  public DigitalTwinsModelData getModel(String modelId) {
    return await(async.getModel(modelId));
  }

  /** Gets a model with the response. */
  public Response<DigitalTwinsModelData> getModelWithResponse(String modelId) {
    return await(async.getModelWithResponse(modelId));
  }

  /** Lists all models. */
  public PagedIterable<DigitalTwinsModelData> listModels() {
    return paged(async.listModels());
  }

  /** Lists models as {@code options} says. */
  public PagedIterable<DigitalTwinsModelData> listModels(ListModelsOptions options) {
    return paged(async.listModels(options));
  }

  /** Decommissions a model. */
  public void decommissionModel(String modelId) {
    await(async.decommissionModel(modelId));
  }

  /** Decommissions a model with the response. */
  public Response<Void> decommissionModelWithResponse(String modelId) {
    return await(async.decommissionModelWithResponse(modelId));
  }

  /** Deletes a model. */
  public void deleteModel(String modelId) {
    await(async.deleteModel(modelId));
  }

  /** Deletes a model with the response. */
  public Response<Void> deleteModelWithResponse(String modelId) {
    return await(async.deleteModelWithResponse(modelId));
  }

  /** Runs a query with the service's page size. */
  public <T> PagedIterable<T> query(String query, Class<T> type) {
    return paged(async.query(query, type));
  }

  /** Runs a query with pages of {@code pageSize} rows; see {@link DigitalTwinsAsyncClient#query(String, Class, int)}. */
  public <T> PagedIterable<T> query(String query, Class<T> type, int pageSize) {
    return paged(async.query(query, type, pageSize));
  }

  /** Starts an import job. */
  public ImportJob createImportJob(String jobId, URI input, URI output) {
    return await(async.createImportJob(jobId, input, output));
  }

  /** Starts an import job with the response. */
  public Response<ImportJob> createImportJobWithResponse(String jobId, URI input, URI output) {
    return await(async.createImportJobWithResponse(jobId, input, output));
  }

  /** Gets an import job. */
  public ImportJob getImportJob(String jobId) {
    return await(async.getImportJob(jobId));
  }

  /** Gets an import job with the response. */
  public Response<ImportJob> getImportJobWithResponse(String jobId) {
    return await(async.getImportJobWithResponse(jobId));
  }

  /** Lists import jobs. */
  public PagedIterable<ImportJob> listImportJobs() {
    return paged(async.listImportJobs());
  }

  /** Cancels an import job. */
  public ImportJob cancelImportJob(String jobId) {
    return await(async.cancelImportJob(jobId));
  }

  /** Cancels an import job with the response. */
  public Response<ImportJob> cancelImportJobWithResponse(String jobId) {
    return await(async.cancelImportJobWithResponse(jobId));
  }

  /** Deletes an import job's record. */
  public void deleteImportJob(String jobId) {
    await(async.deleteImportJob(jobId));
  }

  /** Deletes an import job's record with the response. */
  public Response<Void> deleteImportJobWithResponse(String jobId) {
    return await(async.deleteImportJobWithResponse(jobId));
  }

  /**
   * Waits until an import job has finished, polling every {@code interval} and handing each state to
   * {@code progress}; blocks at most {@code timeout}.
   */
  public ImportJob waitForImportJob(String jobId, Duration interval, Duration timeout, Consumer<ImportJob> progress) {
    return Await.result(async.pollImportJob(jobId, interval, timeout, progress), timeout.plus(this.timeout));
  }

  /** Starts a delete job. */
  public DeleteJob createDeleteJob() {
    return await(async.createDeleteJob());
  }

  /** Starts a delete job with the response. */
  public Response<DeleteJob> createDeleteJobWithResponse() {
    return await(async.createDeleteJobWithResponse());
  }

  /** Gets a delete job. */
  public DeleteJob getDeleteJob(String jobId) {
    return await(async.getDeleteJob(jobId));
  }

  /** Gets a delete job with the response. */
  public Response<DeleteJob> getDeleteJobWithResponse(String jobId) {
    return await(async.getDeleteJobWithResponse(jobId));
  }

  /** Lists delete jobs. */
  public PagedIterable<DeleteJob> listDeleteJobs() {
    return paged(async.listDeleteJobs());
  }

  /** Waits until a delete job has finished; see {@link #waitForImportJob}. */
  public DeleteJob waitForDeleteJob(String jobId, Duration interval, Duration timeout, Consumer<DeleteJob> progress) {
    return Await.result(async.pollDeleteJob(jobId, interval, timeout, progress), timeout.plus(this.timeout));
  }

  /** Publishes telemetry from a twin; see {@link DigitalTwinsAsyncClient#publishTelemetry}. */
  public void publishTelemetry(String twinId, String messageId, Object payload) {
    await(async.publishTelemetry(twinId, messageId, payload));
  }

  /** Publishes telemetry from a twin with a source time, returning the response. */
  public Response<Void> publishTelemetryWithResponse(String twinId, String messageId, Object payload,
      Instant sourceTime) {
    return await(async.publishTelemetryWithResponse(twinId, messageId, payload, sourceTime));
  }

  /** Publishes telemetry from a component. */
  public void publishComponentTelemetry(String twinId, String componentName, String messageId, Object payload) {
    await(async.publishComponentTelemetry(twinId, componentName, messageId, payload));
  }

  /** Publishes telemetry from a component with a source time, returning the response. */
  public Response<Void> publishComponentTelemetryWithResponse(String twinId, String componentName, String messageId,
      Object payload, Instant sourceTime) {
    return await(async.publishComponentTelemetryWithResponse(twinId, componentName, messageId, payload, sourceTime));
  }

  /** Releases the client's threads and connections. Idempotent. */
  @Override
  public void close() {
    async.close();
  }

  private <T> PagedIterable<T> paged(io.twinsdk.service.AsyncPages<T> pages) {
    return new PagedIterable<>(pages, timeout);
  }

  private <T> T await(CompletableFuture<T> future) {
    return Await.result(future, timeout);
  }
}
