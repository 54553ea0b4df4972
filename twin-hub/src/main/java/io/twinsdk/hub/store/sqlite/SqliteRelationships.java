package io.twinsdk.hub.store.sqlite;

import io.twinsdk.hub.store.RelationshipRecord;
import io.twinsdk.hub.store.RelationshipRepository;
import java.util.List;
import java.util.Optional;

final class SqliteRelationships implements RelationshipRepository {

  private static final String COLUMNS = "source_id, relationship_id, target_id, name, etag, document";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM dt_relationships ";

  private final SqliteConnection connection;

  SqliteRelationships(SqliteConnection connection) {
    this.connection = connection;
  }

  @Override
  public Optional<RelationshipRecord> find(String sourceId, String relationshipId) {
    return Sql.one(connection, SELECT + "WHERE source_id = ? AND relationship_id = ?", SqliteRelationships::map,
        sourceId, relationshipId);
  }

  @Override
  public void put(RelationshipRecord relationship) {
    Sql.update(connection, "INSERT INTO dt_relationships (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT(source_id, relationship_id) DO UPDATE SET target_id = excluded.target_id, "
            + "name = excluded.name, etag = excluded.etag, document = excluded.document",
        relationship.sourceId(), relationship.id(), relationship.targetId(), relationship.name(),
        relationship.etag(), Sql.json(relationship.document()));
  }

  @Override
  public boolean delete(String sourceId, String relationshipId) {
    return Sql.update(connection, "DELETE FROM dt_relationships WHERE source_id = ? AND relationship_id = ?",
        sourceId, relationshipId) > 0;
  }

  @Override
  public List<RelationshipRecord> listOutgoing(String sourceId, String name, String afterId, int limit) {
    // Empty string sorts before every id, so "after nothing" needs no separate statement.
    String after = afterId == null ? "" : afterId;
    return name == null
        ? Sql.list(connection, SELECT + "WHERE source_id = ? AND relationship_id > ? ORDER BY relationship_id LIMIT ?",
            SqliteRelationships::map, sourceId, after, limit)
        : Sql.list(connection, SELECT + "WHERE source_id = ? AND name = ? AND relationship_id > ? "
            + "ORDER BY relationship_id LIMIT ?", SqliteRelationships::map, sourceId, name, after, limit);
  }

  @Override
  public List<RelationshipRecord> listIncoming(String targetId, String afterSourceId, String afterId, int limit) {
    return Sql.list(connection, SELECT + "WHERE target_id = ? AND (source_id, relationship_id) > (?, ?) "
            + "ORDER BY source_id, relationship_id LIMIT ?", SqliteRelationships::map,
        targetId, afterSourceId == null ? "" : afterSourceId, afterId == null ? "" : afterId, limit);
  }

  @Override
  public int countOutgoing(String sourceId) {
    return Sql.one(connection, "SELECT COUNT(*) FROM dt_relationships WHERE source_id = ?", row -> row.getInt(1),
        sourceId).orElse(0);
  }

  @Override
  public int countIncoming(String targetId) {
    return Sql.one(connection, "SELECT COUNT(*) FROM dt_relationships WHERE target_id = ?", row -> row.getInt(1),
        targetId).orElse(0);
  }

  @Override
  public boolean hasAny(String twinId) {
    return Sql.one(connection, "SELECT EXISTS (SELECT 1 FROM dt_relationships WHERE source_id = ?) "
        + "OR EXISTS (SELECT 1 FROM dt_relationships WHERE target_id = ?)", row -> row.getInt(1) != 0,
        twinId, twinId).orElse(false);
  }

  private static RelationshipRecord map(java.sql.ResultSet row) throws java.sql.SQLException {
    return new RelationshipRecord(row.getString("source_id"), row.getString("relationship_id"),
        row.getString("target_id"), row.getString("name"), row.getString("etag"), Sql.object(row, "document"));
  }
}
