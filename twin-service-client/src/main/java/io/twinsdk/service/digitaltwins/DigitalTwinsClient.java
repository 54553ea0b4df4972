package io.twinsdk.service.digitaltwins;

import io.twinsdk.core.digitaltwin.IncomingRelationship;
import io.twinsdk.core.json.JsonPatch;
import io.twinsdk.service.AsyncPages;
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
  /** The same client completing on the I/O thread, which is safe because only the waiting caller depends on it. */
  private final DigitalTwinsAsyncClient blocking;
  private final Duration timeout;

  DigitalTwinsClient(DigitalTwinsAsyncClient async) {
    this.async = async;
    this.blocking = new DigitalTwinsAsyncClient(async.pipeline().forBlockingCallers(), async.endpoint());
    this.timeout = async.pipeline().operationTimeout();
  }

  /** Returns the async client this one blocks on (closing either closes both). */
  public DigitalTwinsAsyncClient async() {
    return async;
  }

  /** Creates or replaces a twin; see {@link DigitalTwinsAsyncClient#createOrReplaceDigitalTwin}. */
  public <T> T createOrReplaceDigitalTwin(String twinId, T twin, Class<T> type) {
    return await(blocking.createOrReplaceDigitalTwin(twinId, twin, type));
  }

  /** Creates or replaces a twin with conditions, returning the response. */
  public <T> Response<T> createOrReplaceDigitalTwinWithResponse(String twinId, T twin, Class<T> type,
      MatchConditions conditions) {
    return await(blocking.createOrReplaceDigitalTwinWithResponse(twinId, twin, type, conditions));
  }

  /** Gets a twin as {@code type}. */
  public <T> T getDigitalTwin(String twinId, Class<T> type) {
    return await(blocking.getDigitalTwin(twinId, type));
  }

  /** Gets a twin with the response. */
  public <T> Response<T> getDigitalTwinWithResponse(String twinId, Class<T> type) {
    return await(blocking.getDigitalTwinWithResponse(twinId, type));
  }

  /** Applies a JSON Patch to a twin. */
  public void updateDigitalTwin(String twinId, JsonPatch patch) {
    await(blocking.updateDigitalTwin(twinId, patch));
  }

  /** Applies a JSON Patch to a twin, conditionally on its ETag. */
  public Response<Void> updateDigitalTwinWithResponse(String twinId, JsonPatch patch, MatchConditions conditions) {
    return await(blocking.updateDigitalTwinWithResponse(twinId, patch, conditions));
  }

  /** Deletes a twin. */
  public void deleteDigitalTwin(String twinId) {
    await(blocking.deleteDigitalTwin(twinId));
  }

  /** Deletes a twin, conditionally on its ETag. */
  public Response<Void> deleteDigitalTwinWithResponse(String twinId, MatchConditions conditions) {
    return await(blocking.deleteDigitalTwinWithResponse(twinId, conditions));
  }

  /** Gets a component as {@code type}. */
  public <T> T getComponent(String twinId, String componentName, Class<T> type) {
    return await(blocking.getComponent(twinId, componentName, type));
  }

  /** Gets a component with the response. */
  public <T> Response<T> getComponentWithResponse(String twinId, String componentName, Class<T> type) {
    return await(blocking.getComponentWithResponse(twinId, componentName, type));
  }

  /** Applies a JSON Patch to a component. */
  public void updateComponent(String twinId, String componentName, JsonPatch patch) {
    await(blocking.updateComponent(twinId, componentName, patch));
  }

  /** Applies a JSON Patch to a component, conditionally on the twin's ETag. */
  public Response<Void> updateComponentWithResponse(String twinId, String componentName, JsonPatch patch,
      MatchConditions conditions) {
    return await(blocking.updateComponentWithResponse(twinId, componentName, patch, conditions));
  }

  /** Creates or replaces a relationship. */
  public <T> T createOrReplaceRelationship(String twinId, String relationshipId, T relationship, Class<T> type) {
    return await(blocking.createOrReplaceRelationship(twinId, relationshipId, relationship, type));
  }

  /** Creates or replaces a relationship with conditions, returning the response. */
  public <T> Response<T> createOrReplaceRelationshipWithResponse(String twinId, String relationshipId,
      T relationship, Class<T> type, MatchConditions conditions) {
    return await(blocking.createOrReplaceRelationshipWithResponse(twinId, relationshipId, relationship, type,
        conditions));
  }

  /** Gets a relationship as {@code type}. */
  public <T> T getRelationship(String twinId, String relationshipId, Class<T> type) {
    return await(blocking.getRelationship(twinId, relationshipId, type));
  }

  /** Gets a relationship with the response. */
  public <T> Response<T> getRelationshipWithResponse(String twinId, String relationshipId, Class<T> type) {
    return await(blocking.getRelationshipWithResponse(twinId, relationshipId, type));
  }

  /** Applies a JSON Patch to a relationship. */
  public void updateRelationship(String twinId, String relationshipId, JsonPatch patch) {
    await(blocking.updateRelationship(twinId, relationshipId, patch));
  }

  /** Applies a JSON Patch to a relationship, conditionally on its ETag. */
  public Response<Void> updateRelationshipWithResponse(String twinId, String relationshipId, JsonPatch patch,
      MatchConditions conditions) {
    return await(blocking.updateRelationshipWithResponse(twinId, relationshipId, patch, conditions));
  }

  /** Deletes a relationship. */
  public void deleteRelationship(String twinId, String relationshipId) {
    await(blocking.deleteRelationship(twinId, relationshipId));
  }

  /** Deletes a relationship, conditionally on its ETag. */
  public Response<Void> deleteRelationshipWithResponse(String twinId, String relationshipId,
      MatchConditions conditions) {
    return await(blocking.deleteRelationshipWithResponse(twinId, relationshipId, conditions));
  }

  /** Lists the relationships going out of a twin. */
  public <T> PagedIterable<T> listRelationships(String twinId, Class<T> type) {
    return paged(blocking.listRelationships(twinId, type));
  }

  /** Lists the relationships going out of a twin with the given name. */
  public <T> PagedIterable<T> listRelationships(String twinId, String relationshipName, Class<T> type) {
    return paged(blocking.listRelationships(twinId, relationshipName, type));
  }

  /** Lists the relationships that point at a twin. */
  public PagedIterable<IncomingRelationship> listIncomingRelationships(String twinId) {
    return paged(blocking.listIncomingRelationships(twinId));
  }

  /** Uploads DTDL models; see {@link DigitalTwinsAsyncClient#createModels}. */
  public List<DigitalTwinsModelData> createModels(List<String> dtdlModels) {
    return await(blocking.createModels(dtdlModels));
  }

  /** Uploads DTDL models with the response. */
  public Response<List<DigitalTwinsModelData>> createModelsWithResponse(List<String> dtdlModels) {
    return await(blocking.createModelsWithResponse(dtdlModels));
  }

  /** Gets a model with its DTDL document. */
  public DigitalTwinsModelData getModel(String modelId) {
    return await(blocking.getModel(modelId));
  }

  /** Gets a model with the response. */
  public Response<DigitalTwinsModelData> getModelWithResponse(String modelId) {
    return await(blocking.getModelWithResponse(modelId));
  }

  /** Lists all models. */
  public PagedIterable<DigitalTwinsModelData> listModels() {
    return paged(blocking.listModels());
  }

  /** Lists models as {@code options} says. */
  public PagedIterable<DigitalTwinsModelData> listModels(ListModelsOptions options) {
    return paged(blocking.listModels(options));
  }

  /** Decommissions a model. */
  public void decommissionModel(String modelId) {
    await(blocking.decommissionModel(modelId));
  }

  /** Decommissions a model with the response. */
  public Response<Void> decommissionModelWithResponse(String modelId) {
    return await(blocking.decommissionModelWithResponse(modelId));
  }

  /** Deletes a model. */
  public void deleteModel(String modelId) {
    await(blocking.deleteModel(modelId));
  }

  /** Deletes a model with the response. */
  public Response<Void> deleteModelWithResponse(String modelId) {
    return await(blocking.deleteModelWithResponse(modelId));
  }

  /** Runs a query with the service's page size. */
  public <T> PagedIterable<T> query(String query, Class<T> type) {
    return paged(blocking.query(query, type));
  }

  /** Runs a query with pages of {@code pageSize} rows; see {@link DigitalTwinsAsyncClient#query(String, Class, int)}. */
  public <T> PagedIterable<T> query(String query, Class<T> type, int pageSize) {
    return paged(blocking.query(query, type, pageSize));
  }

  /** Starts an import job. */
  public ImportJob createImportJob(String jobId, URI input, URI output) {
    return await(blocking.createImportJob(jobId, input, output));
  }

  /** Starts an import job with the response. */
  public Response<ImportJob> createImportJobWithResponse(String jobId, URI input, URI output) {
    return await(blocking.createImportJobWithResponse(jobId, input, output));
  }

  /** Gets an import job. */
  public ImportJob getImportJob(String jobId) {
    return await(blocking.getImportJob(jobId));
  }

  /** Gets an import job with the response. */
  public Response<ImportJob> getImportJobWithResponse(String jobId) {
    return await(blocking.getImportJobWithResponse(jobId));
  }

  /** Lists import jobs. */
  public PagedIterable<ImportJob> listImportJobs() {
    return paged(blocking.listImportJobs());
  }

  /** Cancels an import job. */
  public ImportJob cancelImportJob(String jobId) {
    return await(blocking.cancelImportJob(jobId));
  }

  /** Cancels an import job with the response. */
  public Response<ImportJob> cancelImportJobWithResponse(String jobId) {
    return await(blocking.cancelImportJobWithResponse(jobId));
  }

  /** Deletes an import job's record. */
  public void deleteImportJob(String jobId) {
    await(blocking.deleteImportJob(jobId));
  }

  /** Deletes an import job's record with the response. */
  public Response<Void> deleteImportJobWithResponse(String jobId) {
    return await(blocking.deleteImportJobWithResponse(jobId));
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
    return await(blocking.createDeleteJob());
  }

  /** Starts a delete job with the response. */
  public Response<DeleteJob> createDeleteJobWithResponse() {
    return await(blocking.createDeleteJobWithResponse());
  }

  /** Gets a delete job. */
  public DeleteJob getDeleteJob(String jobId) {
    return await(blocking.getDeleteJob(jobId));
  }

  /** Gets a delete job with the response. */
  public Response<DeleteJob> getDeleteJobWithResponse(String jobId) {
    return await(blocking.getDeleteJobWithResponse(jobId));
  }

  /** Lists delete jobs. */
  public PagedIterable<DeleteJob> listDeleteJobs() {
    return paged(blocking.listDeleteJobs());
  }

  /** Waits until a delete job has finished; see {@link #waitForImportJob}. */
  public DeleteJob waitForDeleteJob(String jobId, Duration interval, Duration timeout, Consumer<DeleteJob> progress) {
    return Await.result(async.pollDeleteJob(jobId, interval, timeout, progress), timeout.plus(this.timeout));
  }

  /** Publishes telemetry from a twin; see {@link DigitalTwinsAsyncClient#publishTelemetry}. */
  public void publishTelemetry(String twinId, String messageId, Object payload) {
    await(blocking.publishTelemetry(twinId, messageId, payload));
  }

  /** Publishes telemetry from a twin with a source time, returning the response. */
  public Response<Void> publishTelemetryWithResponse(String twinId, String messageId, Object payload,
      Instant sourceTime) {
    return await(blocking.publishTelemetryWithResponse(twinId, messageId, payload, sourceTime));
  }

  /** Publishes telemetry from a component. */
  public void publishComponentTelemetry(String twinId, String componentName, String messageId, Object payload) {
    await(blocking.publishComponentTelemetry(twinId, componentName, messageId, payload));
  }

  /** Publishes telemetry from a component with a source time, returning the response. */
  public Response<Void> publishComponentTelemetryWithResponse(String twinId, String componentName, String messageId,
      Object payload, Instant sourceTime) {
    return await(blocking.publishComponentTelemetryWithResponse(twinId, componentName, messageId, payload, sourceTime));
  }

  /**
   * Releases the client's threads and connections; calls waiting in other threads, and calls made afterwards,
   * fail with an {@link IllegalStateException}. Idempotent.
   */
  @Override
  public void close() {
    async.close();
  }

  private <T> PagedIterable<T> paged(AsyncPages<T> pages) {
    return new PagedIterable<>(pages, timeout);
  }

  private <T> T await(CompletableFuture<T> future) {
    return Await.result(future, timeout);
  }
}
