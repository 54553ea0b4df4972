package io.twinsdk.hub.digitaltwins.models;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.dtdl.DtdlParser;
import io.twinsdk.core.dtdl.ModelSet;
import io.twinsdk.hub.store.ModelRecord;
import io.twinsdk.hub.store.StoreTransaction;
import java.util.List;

/**
 * The resolved set of every stored model, which twins and relationships are validated against.
 *
 * <p>The set changes only inside store write tasks (on the store's single writer thread), right after the model rows
 * are written, so a twin write queued after a model write always validates against that model. Any thread may read
 * {@link #current()}; the set itself is immutable.
 */
public final class ModelCatalog {

  private volatile ModelSet models;

  private ModelCatalog(ModelSet models) {
    this.models = models;
  }

  /** Loads and resolves every stored model; call inside a store task. */
  public static ModelCatalog load(StoreTransaction transaction) {
    return new ModelCatalog(resolve(transaction));
  }

  /** The models as of the last committed or in-progress model write. */
  public ModelSet current() {
    return models;
  }

  /** Replaces the set; only from a store write task that has just written the matching rows. */
  void replace(ModelSet updated) {
    models = updated;
  }

  /** Re-reads the set from the store: after a model write whose transaction did not commit, or a delete job. */
  public void reload(StoreTransaction transaction) {
    models = resolve(transaction);
  }

  private static ModelSet resolve(StoreTransaction transaction) {
    List<JsonNode> documents = transaction.models().all().stream().map(ModelRecord::document)
        .map(JsonNode.class::cast).toList();
    return documents.isEmpty() ? ModelSet.empty() : DtdlParser.create().parse(documents);
  }
}
