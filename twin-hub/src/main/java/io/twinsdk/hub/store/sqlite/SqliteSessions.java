package io.twinsdk.hub.store.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.store.SessionRepository;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

final class SqliteSessions implements SessionRepository {

  private final SqliteConnection connection;

  SqliteSessions(SqliteConnection connection) {
    this.connection = connection;
  }

  @Override
  public Optional<Set<String>> find(String clientId) {
    return Sql.one(connection, "SELECT subscriptions FROM mqtt_sessions WHERE client_id = ?", row -> {
      Set<String> filters = new LinkedHashSet<>();
      for (JsonNode filter : Json.parse(row.getString(1))) {
        filters.add(filter.asText());
      }
      return Set.copyOf(filters);
    }, clientId);
  }

  @Override
  public void put(String clientId, Set<String> topicFilters) {
    Sql.update(connection, "INSERT INTO mqtt_sessions (client_id, subscriptions) VALUES (?, ?) "
        + "ON CONFLICT(client_id) DO UPDATE SET subscriptions = excluded.subscriptions",
        clientId, Sql.json(topicFilters));
  }

  @Override
  public boolean delete(String clientId) {
    return Sql.update(connection, "DELETE FROM mqtt_sessions WHERE client_id = ?", clientId) > 0;
  }
}
