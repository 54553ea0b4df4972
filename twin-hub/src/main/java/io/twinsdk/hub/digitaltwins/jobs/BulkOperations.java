package io.twinsdk.hub.digitaltwins.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.hub.store.StoreTransaction;
import java.util.List;

/**
 * What import and delete jobs need from the Digital Twins API: the same validation and bookkeeping as the models,
 * twins and relationships endpoints, run inside a store write task the job owns. Every method throws
 * {@link io.twinsdk.hub.http.ApiError} with the endpoint's own status and code for an entity it refuses, before
 * writing anything for that entity. The JSON handed in belongs to the callee, which may change it.
 */
public interface BulkOperations {

  /** Adds a batch of DTDL models, all or nothing, as {@code POST /models} does. */
  void addModels(StoreTransaction transaction, List<JsonNode> models);

  /** Creates or replaces the twin {@code twin.$dtId}, validated against its model, as {@code PUT} of a twin does. */
  void putTwin(StoreTransaction transaction, JsonNode twin);

  /**
   * Creates or replaces a relationship given in import-file form ({@code $dtId} names the source), as {@code PUT} of a
   * relationship does.
   */
  void putRelationship(StoreTransaction transaction, JsonNode relationship);

  /** Told after a delete job removed every model in {@code transaction}, so that cached models follow. */
  void modelsDeleted(StoreTransaction transaction);
}
