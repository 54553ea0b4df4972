package io.twinsdk.hub.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations. Each script runs once, in order, in its own transaction, and the version reached is
 * recorded in {@code schema_version}; a database written by a newer hub is refused rather than misread.
 */
final class Migrations {

  /** The scripts in order; the number in each name is its version. Append, never edit a released one. */
  static final List<String> SCRIPTS = List.of(
      "V1__iothub.sql",
      "V2__digitaltwins.sql",
      "V3__digitaltwin_values.sql",
      "V4__digitaltwin_jobs.sql");

  private Migrations() {}

  static void migrate(SqliteConnection connection) throws SQLException {
    connection.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    int current = currentVersion(connection);
    if (current > SCRIPTS.size()) {
      throw new SQLException("The database has schema version " + current + " but this hub knows only up to "
          + SCRIPTS.size() + "; use a newer twin-hub");
    }
    for (int version = current + 1; version <= SCRIPTS.size(); version++) {
      for (String statement : statements(read(SCRIPTS.get(version - 1)))) {
        connection.execute(statement);
      }
      connection.execute("DELETE FROM schema_version");
      connection.execute("INSERT INTO schema_version (version) VALUES (" + version + ")");
      connection.jdbc().commit();
    }
    connection.jdbc().commit();
  }

  private static int currentVersion(SqliteConnection connection) throws SQLException {
    try (Statement statement = connection.jdbc().createStatement();
        ResultSet rows = statement.executeQuery("SELECT version FROM schema_version")) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }

  private static String read(String script) throws SQLException {
    try (InputStream in = Migrations.class.getResourceAsStream(script)) {
      if (in == null) {
        throw new SQLException("Missing migration script " + script);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SQLException("Could not read migration script " + script, e);
    }
  }

  /** Splits a script on semicolons that end a line; our scripts keep one statement per such line. */
  private static List<String> statements(String script) {
    StringBuilder withoutComments = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.startsWith("--")) {
        withoutComments.append(line).append('\n');
      }
    }
    return java.util.Arrays.stream(withoutComments.toString().split(";\\s*\n"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s)
        .toList();
  }
}
