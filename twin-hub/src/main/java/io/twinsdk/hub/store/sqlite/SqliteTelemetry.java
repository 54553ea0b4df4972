package io.twinsdk.hub.store.sqlite;

import com.fasterxml.jackson.core.type.TypeReference;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.store.StoreException;
import io.twinsdk.hub.store.TelemetryRecord;
import io.twinsdk.hub.store.TelemetryRepository;
import java.util.List;
import java.util.Map;

final class SqliteTelemetry implements TelemetryRepository {

  private static final TypeReference<Map<String, String>> PROPERTIES = new TypeReference<>() {};

  private final SqliteConnection connection;

  SqliteTelemetry(SqliteConnection connection) {
    this.connection = connection;
  }

  @Override
  public void append(TelemetryRecord message, int retain) {
    Sql.update(connection, "INSERT INTO telemetry (device_id, received, properties, body) VALUES (?, ?, ?, ?)",
        message.deviceId(), message.receivedTime(), Sql.json(message.properties()), message.body());
    Sql.update(connection, "DELETE FROM telemetry WHERE device_id = ? AND seq <= "
        + "(SELECT seq FROM telemetry WHERE device_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)",
        message.deviceId(), message.deviceId(), retain);
  }

  @Override
  public List<TelemetryRecord> recent(String deviceId, int limit) {
    return Sql.list(connection,
        "SELECT device_id, received, properties, body FROM "
            + "(SELECT * FROM telemetry WHERE device_id = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq",
        row -> {
          try {
            return new TelemetryRecord(row.getString("device_id"), Sql.instant(row, "received"),
                Json.mapper().readValue(row.getString("properties"), PROPERTIES), row.getBytes("body"));
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StoreException("Corrupt telemetry properties", e);
          }
        },
        deviceId, limit);
  }
}
