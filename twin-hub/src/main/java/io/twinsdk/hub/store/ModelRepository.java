package io.twinsdk.hub.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Digital Twins models, with the references between them and each model's ancestors for model-type queries. */
public interface ModelRepository {

  /** Returns the model with exactly this id. */
  Optional<ModelRecord> find(String modelId);

  /**
   * Returns whether the model is decommissioned (empty when it does not exist), without reading its document: twin
   * writes ask this for every twin, and an import asks it a hundred thousand times.
   */
  Optional<Boolean> decommissioned(String modelId);

  /**
   * Adds a new model.
   *
   * @param references the models it references directly (bases and Component schemas)
   * @param ancestors every Interface it extends, directly or indirectly; the model itself is always added
   * @throws StoreException if a model with the same id exists
   */
  void insert(ModelRecord model, Collection<ModelReference> references, Collection<String> ancestors);

  /** Sets the decommissioned flag; returns whether the model exists. */
  boolean setDecommissioned(String modelId, boolean decommissioned);

  /** Deletes the model with its references and ancestors; returns whether it existed. */
  boolean delete(String modelId);

  /** Returns the ids of the models that reference {@code modelId} directly, ordered by id. */
  List<String> referencedBy(String modelId);

  /** Returns up to {@code limit} models ordered by id, starting after {@code afterModelId} (null: from the start). */
  List<ModelRecord> list(String afterModelId, int limit);

  /** Returns every model, for the hub's resolved model set at start-up. */
  List<ModelRecord> all();
}
