package io.twinsdk.hub.store.sqlite;

import io.twinsdk.hub.store.DigitalTwinRecord;
import io.twinsdk.hub.store.DigitalTwinRepository;
import java.util.List;
import java.util.Optional;

final class SqliteDigitalTwins implements DigitalTwinRepository {

  private static final String COLUMNS = "twin_id, model_id, etag, document, last_update";

  private final SqliteConnection connection;

  SqliteDigitalTwins(SqliteConnection connection) {
    this.connection = connection;
  }

  @Override
  public Optional<DigitalTwinRecord> find(String twinId) {
    return Sql.one(connection, "SELECT " + COLUMNS + " FROM dt_twins WHERE twin_id = ?", SqliteDigitalTwins::map,
        twinId);
  }

  @Override
  public void put(DigitalTwinRecord twin) {
    Sql.update(connection, "INSERT INTO dt_twins (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?) "
            + "ON CONFLICT(twin_id) DO UPDATE SET model_id = excluded.model_id, etag = excluded.etag, "
            + "document = excluded.document, last_update = excluded.last_update",
        twin.id(), twin.modelId(), twin.etag(), Sql.json(twin.document()), twin.lastUpdateTime());
    SqliteTwinValues.replace(connection, twin.id(), twin.document());
  }

  @Override
  public boolean delete(String twinId) {
    return Sql.update(connection, "DELETE FROM dt_twins WHERE twin_id = ?", twinId) > 0;
  }

  @Override
  public List<DigitalTwinRecord> list(String afterTwinId, int limit) {
    return afterTwinId == null
        ? Sql.list(connection, "SELECT " + COLUMNS + " FROM dt_twins ORDER BY twin_id LIMIT ?",
            SqliteDigitalTwins::map, limit)
        : Sql.list(connection, "SELECT " + COLUMNS + " FROM dt_twins WHERE twin_id > ? ORDER BY twin_id LIMIT ?",
            SqliteDigitalTwins::map, afterTwinId, limit);
  }

  @Override
  public long count() {
    return Sql.one(connection, "SELECT COUNT(*) FROM dt_twins", row -> row.getLong(1)).orElse(0L);
  }

  private static DigitalTwinRecord map(java.sql.ResultSet row) throws java.sql.SQLException {
    return new DigitalTwinRecord(row.getString("twin_id"), row.getString("model_id"), row.getString("etag"),
        Sql.object(row, "document"), Sql.instant(row, "last_update"));
  }
}
