package io.twinsdk.hub.store.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.hub.digitaltwins.query.AdtQuery;
import io.twinsdk.hub.store.DigitalTwinQueryRepository;
import io.twinsdk.hub.store.QueryRow;
import io.twinsdk.hub.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs Digital Twins queries compiled by {@link SqliteQueryCompiler}. Query statements are prepared per call and
 * closed, not cached with the repositories' fixed statements: their text varies with every query.
 */
final class SqliteDigitalTwinQueries implements DigitalTwinQueryRepository {

  /** The service's query time limit; a statement running longer is interrupted, freeing its reader thread. */
  private static final int TIMEOUT_SECONDS = 60;

  private final SqliteConnection connection;

  SqliteDigitalTwinQueries(SqliteConnection connection) {
    this.connection = connection;
  }

  @Override
  public List<QueryRow> find(AdtQuery query, List<String> afterKey, int limit) {
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
    } catch (SQLException e) {
      throw new StoreException("Query failed: " + e.getMessage(), e);
    }
  }

  @Override
  public long count(AdtQuery query) {
    SqliteQueryCompiler.Compiled compiled = SqliteQueryCompiler.count(query);
    try (PreparedStatement statement = prepare(compiled); ResultSet rows = statement.executeQuery()) {
      return rows.next() ? rows.getLong(1) : 0;
    } catch (SQLException e) {
      throw new StoreException("Query failed: " + e.getMessage(), e);
    }
  }

  private PreparedStatement prepare(SqliteQueryCompiler.Compiled compiled) throws SQLException {
    PreparedStatement statement = connection.jdbc().prepareStatement(compiled.sql());
    try {
      statement.setQueryTimeout(TIMEOUT_SECONDS);
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
