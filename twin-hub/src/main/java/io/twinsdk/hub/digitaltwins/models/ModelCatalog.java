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
 * <p>Model writes stage a new set inside their store write task ({@link #current(StoreTransaction)} sees it at once,
 * so a twin write queued after a model write in the same commit validates against it) and publish it to
 * {@link #current()} only once the transaction has committed, on the store's writer thread before any write is
 * answered. A transaction that fails never publishes, so readers never see models that are not stored. Any thread may
 * read {@link #current()}; the sets themselves are immutable.
 */
public final class ModelCatalog {

  private volatile ModelSet committed;
  /** The set staged by the transaction {@link #stagedIn}; both only touched on the store's writer thread. */
  private ModelSet staged;
  private StoreTransaction stagedIn;

  private ModelCatalog(ModelSet models) {
    this.committed = models;
  }

  /** Loads and resolves every stored model; call inside a store task. */
  public static ModelCatalog load(StoreTransaction transaction) {
    return new ModelCatalog(resolve(transaction));
  }

  /** The models as of the last committed model write; for readers on any thread. */
  public ModelSet current() {
    return committed;
  }

  /**
   * The models as the write transaction {@code transaction} sees them: with the model writes made earlier in it, not
   * committed yet. Only from store write tasks.
   */
  public ModelSet current(StoreTransaction transaction) {
    return transaction == stagedIn ? staged : committed;
  }

  /** Stages {@code updated} in {@code transaction}, which has just written the matching rows, until it commits. */
  void replace(StoreTransaction transaction, ModelSet updated) {
    staged = updated;
    stagedIn = transaction;
    transaction.afterCommit(() -> {
      committed = updated;
      if (staged == updated) {
        staged = null;
        stagedIn = null;
      }
    });
  }

  /** Re-reads the set from the store inside the write transaction {@code transaction}: after a delete job. */
  public void reload(StoreTransaction transaction) {
    replace(transaction, resolve(transaction));
  }

  private static ModelSet resolve(StoreTransaction transaction) {
    List<JsonNode> documents = transaction.models().all().stream().map(ModelRecord::document)
        .map(JsonNode.class::cast).toList();
    return documents.isEmpty() ? ModelSet.empty() : DtdlParser.create().parse(documents);
  }
}
