package io.twinsdk.hub.store.sqlite;

import io.twinsdk.hub.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * One JDBC connection to the hub database with its prepared statements cached, because preparing a statement costs
 * more than running most of ours. Owned by exactly one thread.
 */
final class SqliteConnection implements AutoCloseable {

  /** The writer's page cache: 32 MiB (SQLite reads a negative cache size as KiB, a positive one as pages). */
  private static final int WRITER_CACHE_SIZE = -32 * 1024;

  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final boolean readOnly;

  private SqliteConnection(Connection connection, boolean readOnly) {
    this.connection = connection;
    this.readOnly = readOnly;
  }

  static SqliteConnection open(Path database, boolean readOnly) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL: a commit is on disk (WAL fsync) before we answer; group commit amortises the fsync.
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(10_000);
    config.setReadOnly(readOnly);
    // The store never reads generated keys; with them on, every INSERT also prepares and runs a
    // "SELECT last_insert_rowid()" statement, which was a tenth of the writer's time in an import.
    config.setGetGeneratedKeys(false);
    if (!readOnly) {
      // The writer's page cache (the default is 2 MB): imports insert into several indexes at once, and pages
      // evicted between batches are read back from the file at the next one.
      config.setCacheSize(WRITER_CACHE_SIZE);
    }
    Connection connection = config.createConnection("jdbc:sqlite:" + database.toAbsolutePath());
    connection.setAutoCommit(false);
    return new SqliteConnection(connection, readOnly);
  }

  Connection jdbc() {
    return connection;
  }

  boolean isReadOnly() {
    return readOnly;
  }

  /** Returns the cached prepared statement for {@code sql}, preparing it on first use. */
  PreparedStatement prepare(String sql) {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      try {
        statement = connection.prepareStatement(sql);
      } catch (SQLException e) {
        throw new StoreException("Could not prepare: " + sql, e);
      }
      statements.put(sql, statement);
    }
    return statement;
  }

  void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void close() {
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    statements.clear();
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing anyway
    }
  }
}
