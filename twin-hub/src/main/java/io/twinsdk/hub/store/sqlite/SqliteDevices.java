package io.twinsdk.hub.store.sqlite;

import io.twinsdk.hub.store.DeviceRecord;
import io.twinsdk.hub.store.DeviceRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class SqliteDevices implements DeviceRepository {

  private static final String COLUMNS = "device_id, generation_id, etag, enabled, status_reason, status_updated, "
      + "primary_key, secondary_key, connected, connection_state_updated, last_activity, c2d_count";

  private final SqliteConnection connection;

  SqliteDevices(SqliteConnection connection) {
    this.connection = connection;
  }

  @Override
  public Optional<DeviceRecord> find(String deviceId) {
    return Sql.one(connection, "SELECT " + COLUMNS + " FROM devices WHERE device_id = ?", SqliteDevices::map,
        deviceId);
  }

  @Override
  public void put(DeviceRecord d) {
    Sql.update(connection, "INSERT INTO devices (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT(device_id) DO UPDATE SET generation_id = excluded.generation_id, etag = excluded.etag, "
            + "enabled = excluded.enabled, status_reason = excluded.status_reason, "
            + "status_updated = excluded.status_updated, primary_key = excluded.primary_key, "
            + "secondary_key = excluded.secondary_key, connected = excluded.connected, "
            + "connection_state_updated = excluded.connection_state_updated, "
            + "last_activity = excluded.last_activity, c2d_count = excluded.c2d_count",
        d.deviceId(), d.generationId(), d.etag(), d.enabled(), d.statusReason(), d.statusUpdatedTime(),
        d.primaryKey(), d.secondaryKey(), d.connected(), d.connectionStateUpdatedTime(), d.lastActivityTime(),
        d.cloudToDeviceMessageCount());
  }

  @Override
  public boolean delete(String deviceId) {
    return Sql.update(connection, "DELETE FROM devices WHERE device_id = ?", deviceId) > 0;
  }

  @Override
  public List<DeviceRecord> list(String afterDeviceId, int limit) {
    return Sql.list(connection,
        "SELECT " + COLUMNS + " FROM devices WHERE device_id > ? ORDER BY device_id LIMIT ?", SqliteDevices::map,
        afterDeviceId == null ? "" : afterDeviceId, limit);
  }

  @Override
  public List<DeviceRecord> all() {
    return Sql.list(connection, "SELECT " + COLUMNS + " FROM devices ORDER BY device_id", SqliteDevices::map);
  }

  private static DeviceRecord map(ResultSet row) throws SQLException {
    return new DeviceRecord(
        row.getString("device_id"),
        row.getString("generation_id"),
        row.getString("etag"),
        row.getInt("enabled") != 0,
        row.getString("status_reason"),
        Sql.instant(row, "status_updated"),
        row.getString("primary_key"),
        row.getString("secondary_key"),
        row.getInt("connected") != 0,
        Sql.instant(row, "connection_state_updated"),
        Sql.instant(row, "last_activity"),
        row.getInt("c2d_count"));
  }
}
