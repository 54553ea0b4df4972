package io.twinsdk.hub.store.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.hub.digitaltwins.query.AdtQuery;
import io.twinsdk.hub.digitaltwins.query.QueryTimeoutException;
import io.twinsdk.hub.store.DigitalTwinQueryRepository;
import io.twinsdk.hub.store.QueryRow;
import io.twinsdk.hub.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Runs Digital Twins queries compiled by {@link SqliteQueryCompiler}. Query statements are prepared per call and
 * closed, not cached with the repositories' fixed statements: their text varies with every query.
 *
 * <p>The service's time limit is enforced with SQLite's progress handler, which checks the deadline every
 * {@value #PROGRESS_STEPS} virtual-machine steps on the reader thread itself and interrupts the statement once it has
 * passed. JDBC's {@code setQueryTimeout} does not do this with sqlite-jdbc: it only bounds waiting for locks.
 */
final class SqliteDigitalTwinQueries implements DigitalTwinQueryRepository {

  /** The service's query time limit; a statement running longer is interrupted, freeing its reader thread. */
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final int PROGRESS_STEPS = 10_000;

  private final SqliteConnection connection;
  private final Duration timeout;

  SqliteDigitalTwinQueries(SqliteConnection connection) {
    this(connection, TIMEOUT);
  }

  /** Creates the repository with another time limit (tests use zero to stop any query at its first check). */
  SqliteDigitalTwinQueries(SqliteConnection connection, Duration timeout) {
    this.connection = connection;
    this.timeout = timeout;
  }

  @Override
  public List<QueryRow> find(AdtQuery query, List<String> afterKey, int limit) {
    return timed(() -> page(query, afterKey, limit));
  }

  @Override
  public long count(AdtQuery query) {
    return timed(() -> countRows(query));
  }

  private List<QueryRow> page(AdtQuery query, List<String> afterKey, int limit) throws SQLException {
    SqliteQueryCompiler.Compiled compiled = SqliteQueryCompiler.page(query, afterKey, limit);
    try (PreparedStatement statement = prepare(compiled); ResultSet rows = statement.executeQuery()) {
      List<QueryRow> result = new ArrayList<>();
      while (rows.next()) {
        List<String> key = new ArrayList<>(compiled.keyColumns());
        for (int i = 1; i <= compiled.keyColumns(); i++) {
          key.add(rows.getString(i));
        }
        Map<String, ObjectNode> documents = new HashMap<>();
        List<String> aliases = compiled.documentAliases();
        for (int i = 0; i < aliases.size(); i++) {
          documents.put(aliases.get(i), Sql.object(rows, SqliteQueryCompiler.documentColumn(i)));
        }
        result.add(new QueryRow(key, documents));
      }
      return result;
    }
  }

  private long countRows(AdtQuery query) throws SQLException {
    SqliteQueryCompiler.Compiled compiled = SqliteQueryCompiler.count(query);
    try (PreparedStatement statement = prepare(compiled); ResultSet rows = statement.executeQuery()) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  /** A query's work, reading rows included, which SQLite computes as they are fetched. */
  private interface Work<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work} under the time limit.
   *
   * @throws QueryTimeoutException if SQLite was interrupted because the deadline passed
   */
  private <T> T timed(Work<T> work) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      ProgressHandler.setHandler(connection.jdbc(), PROGRESS_STEPS, new ProgressHandler() {
        @Override
        protected int progress() {
          return System.nanoTime() - deadline >= 0 ? 1 : 0;
        }
      });
      try {
        return work.run();
      } finally {
        ProgressHandler.clearHandler(connection.jdbc());
      }
    } catch (SQLiteException e) {
      if (e.getResultCode() == SQLiteErrorCode.SQLITE_INTERRUPT) {
        throw new QueryTimeoutException(timeout.toSeconds(), e);
      }
      throw new StoreException("Query failed: " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new StoreException("Query failed: " + e.getMessage(), e);
    }
  }

  private PreparedStatement prepare(SqliteQueryCompiler.Compiled compiled) throws SQLException {
    PreparedStatement statement = connection.jdbc().prepareStatement(compiled.sql());
    try {
      List<Object> parameters = compiled.parameters();
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }
}
