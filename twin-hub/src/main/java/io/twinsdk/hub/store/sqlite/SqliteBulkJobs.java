package io.twinsdk.hub.store.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.hub.store.BulkJobRepository;
import java.util.List;

final class SqliteBulkJobs implements BulkJobRepository {

  private final SqliteConnection connection;

  SqliteBulkJobs(SqliteConnection connection) {
    this.connection = connection;
  }

  @Override
  public void put(String kind, String jobId, ObjectNode job) {
    Sql.update(connection, "INSERT INTO dt_jobs (kind, job_id, document) VALUES (?, ?, ?) "
        + "ON CONFLICT(kind, job_id) DO UPDATE SET document = excluded.document", kind, jobId, Sql.json(job));
  }

  @Override
  public boolean delete(String kind, String jobId) {
    return Sql.update(connection, "DELETE FROM dt_jobs WHERE kind = ? AND job_id = ?", kind, jobId) > 0;
  }

  @Override
  public List<ObjectNode> all(String kind) {
    return Sql.list(connection, "SELECT document FROM dt_jobs WHERE kind = ? ORDER BY job_id",
        row -> Sql.object(row, "document"), kind);
  }
}
