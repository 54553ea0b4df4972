package io.twinsdk.hub.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC helpers shared by the SQLite repositories: binding, row mapping, and turning SQLException unchecked. */
final class Sql {

  private Sql() {}

  /** Maps one row of a result set. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  static PreparedStatement bind(SqliteConnection connection, String sql, Object... parameters) throws SQLException {
    PreparedStatement statement = connection.prepare(sql);
    statement.clearParameters();
    for (int i = 0; i < parameters.length; i++) {
      Object value = parameters[i];
      if (value instanceof Instant instant) {
        statement.setString(i + 1, instant.toString());
      } else if (value instanceof Boolean bool) {
        statement.setInt(i + 1, bool ? 1 : 0);
      } else {
        statement.setObject(i + 1, value);
      }
    }
    return statement;
  }

  static int update(SqliteConnection connection, String sql, Object... parameters) {
    try {
      return bind(connection, sql, parameters).executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("Store update failed: " + e.getMessage(), e);
    }
  }

  static <T> List<T> list(SqliteConnection connection, String sql, RowMapper<T> mapper, Object... parameters) {
    try (ResultSet rows = bind(connection, sql, parameters).executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    } catch (SQLException e) {
      throw new StoreException("Store query failed: " + e.getMessage(), e);
    }
  }

  static <T> Optional<T> one(SqliteConnection connection, String sql, RowMapper<T> mapper, Object... parameters) {
    try (ResultSet rows = bind(connection, sql, parameters).executeQuery()) {
      return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
    } catch (SQLException e) {
      throw new StoreException("Store query failed: " + e.getMessage(), e);
    }
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    String text = row.getString(column);
    return text == null ? null : Instant.parse(text);
  }

  static ObjectNode object(ResultSet row, String column) throws SQLException {
    try {
      return (ObjectNode) Json.mapper().readTree(row.getString(column));
    } catch (JsonProcessingException | ClassCastException e) {
      throw new SQLException("Column " + column + " does not hold a JSON object", e);
    }
  }

  static String json(Object value) {
    return Json.write(value);
  }
}
