package io.twinsdk.hub.store.sqlite;

import io.twinsdk.hub.store.SettingsRepository;
import java.util.Optional;

final class SqliteSettings implements SettingsRepository {

  private final SqliteConnection connection;

  SqliteSettings(SqliteConnection connection) {
    this.connection = connection;
  }

  @Override
  public Optional<String> get(String name) {
    return Sql.one(connection, "SELECT value FROM settings WHERE name = ?", row -> row.getString(1), name);
  }

  @Override
  public void put(String name, String value) {
    Sql.update(connection,
        "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
        name, value);
  }
}
