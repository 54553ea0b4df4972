package io.twinsdk.hub.store.sqlite;

import io.twinsdk.hub.store.ModelRecord;
import io.twinsdk.hub.store.ModelReference;
import io.twinsdk.hub.store.ModelRepository;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

final class SqliteModels implements ModelRepository {

  private static final String COLUMNS = "model_id, document, decommissioned, upload_time";

  private final SqliteConnection connection;

  SqliteModels(SqliteConnection connection) {
    this.connection = connection;
  }

  @Override
  public Optional<ModelRecord> find(String modelId) {
    return Sql.one(connection, "SELECT " + COLUMNS + " FROM dt_models WHERE model_id = ?", SqliteModels::map,
        modelId);
  }

  @Override
  public Optional<Boolean> decommissioned(String modelId) {
    return Sql.one(connection, "SELECT decommissioned FROM dt_models WHERE model_id = ?",
        row -> row.getBoolean("decommissioned"), modelId);
  }

  @Override
  public void insert(ModelRecord model, Collection<ModelReference> references, Collection<String> ancestors) {
    Sql.update(connection, "INSERT INTO dt_models (" + COLUMNS + ") VALUES (?, ?, ?, ?)",
        model.id(), Sql.json(model.document()), model.decommissioned(), model.uploadTime());
    for (ModelReference reference : new LinkedHashSet<>(references)) {
      Sql.update(connection, "INSERT INTO dt_model_references (model_id, referenced_id, kind) VALUES (?, ?, ?)",
          model.id(), reference.referencedId(), reference.kind().name().toLowerCase(Locale.ROOT));
    }
    Set<String> lineage = new LinkedHashSet<>();
    lineage.add(model.id());
    lineage.addAll(ancestors);
    for (String ancestor : lineage) {
      Sql.update(connection, "INSERT INTO dt_model_ancestors (model_id, ancestor_id) VALUES (?, ?)",
          model.id(), ancestor);
    }
  }

  @Override
  public boolean setDecommissioned(String modelId, boolean decommissioned) {
    return Sql.update(connection, "UPDATE dt_models SET decommissioned = ? WHERE model_id = ?",
        decommissioned, modelId) > 0;
  }

  @Override
  public boolean delete(String modelId) {
    return Sql.update(connection, "DELETE FROM dt_models WHERE model_id = ?", modelId) > 0;
  }

  @Override
  public List<String> referencedBy(String modelId) {
    return Sql.list(connection,
        "SELECT DISTINCT model_id FROM dt_model_references WHERE referenced_id = ? ORDER BY model_id",
        row -> row.getString(1), modelId);
  }

  @Override
  public List<ModelRecord> list(String afterModelId, int limit) {
    return afterModelId == null
        ? Sql.list(connection, "SELECT " + COLUMNS + " FROM dt_models ORDER BY model_id LIMIT ?",
            SqliteModels::map, limit)
        : Sql.list(connection, "SELECT " + COLUMNS + " FROM dt_models WHERE model_id > ? ORDER BY model_id LIMIT ?",
            SqliteModels::map, afterModelId, limit);
  }

  @Override
  public List<ModelRecord> all() {
    return Sql.list(connection, "SELECT " + COLUMNS + " FROM dt_models ORDER BY upload_time, model_id",
        SqliteModels::map);
  }

  private static ModelRecord map(java.sql.ResultSet row) throws java.sql.SQLException {
    return new ModelRecord(row.getString("model_id"), Sql.object(row, "document"), row.getInt("decommissioned") != 0,
        Sql.instant(row, "upload_time"));
  }
}
