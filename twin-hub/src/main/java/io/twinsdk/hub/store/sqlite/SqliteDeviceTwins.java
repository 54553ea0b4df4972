package io.twinsdk.hub.store.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.hub.store.DeviceTwinRecord;
import io.twinsdk.hub.store.DeviceTwinRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class SqliteDeviceTwins implements DeviceTwinRepository {

  private final SqliteConnection connection;

  SqliteDeviceTwins(SqliteConnection connection) {
    this.connection = connection;
  }

  private static final String COLUMNS = "device_id, etag, version, tags, desired, reported";

  @Override
  public Optional<DeviceTwinRecord> find(String deviceId) {
    return Sql.one(connection, "SELECT " + COLUMNS + " FROM device_twins WHERE device_id = ?",
        SqliteDeviceTwins::map, deviceId);
  }

  @Override
  public Optional<ObjectNode> findReported(String deviceId) {
    return Sql.one(connection, "SELECT reported FROM device_twins WHERE device_id = ?",
        row -> Sql.object(row, "reported"), deviceId);
  }

  @Override
  public boolean putReported(String deviceId, ObjectNode reported) {
    return Sql.update(connection, "UPDATE device_twins SET reported = ? WHERE device_id = ?", Sql.json(reported),
        deviceId) > 0;
  }

  @Override
  public List<DeviceTwinRecord> all() {
    return Sql.list(connection, "SELECT " + COLUMNS + " FROM device_twins ORDER BY device_id",
        SqliteDeviceTwins::map);
  }

  private static DeviceTwinRecord map(ResultSet row) throws SQLException {
    return new DeviceTwinRecord(row.getString("device_id"), row.getString("etag"), row.getLong("version"),
        Sql.object(row, "tags"), Sql.object(row, "desired"), Sql.object(row, "reported"));
  }

  @Override
  public void put(DeviceTwinRecord twin) {
    Sql.update(connection,
        "INSERT INTO device_twins (device_id, etag, version, tags, desired, reported) VALUES (?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT(device_id) DO UPDATE SET etag = excluded.etag, version = excluded.version, "
            + "tags = excluded.tags, desired = excluded.desired, reported = excluded.reported",
        twin.deviceId(), twin.etag(), twin.version(), Sql.json(twin.tags()), Sql.json(twin.desired()),
        Sql.json(twin.reported()));
  }

  @Override
  public boolean delete(String deviceId) {
    return Sql.update(connection, "DELETE FROM device_twins WHERE device_id = ?", deviceId) > 0;
  }
}
