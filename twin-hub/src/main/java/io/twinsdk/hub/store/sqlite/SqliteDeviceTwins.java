package io.twinsdk.hub.store.sqlite;

import io.twinsdk.hub.store.DeviceTwinRecord;
import io.twinsdk.hub.store.DeviceTwinRepository;
import java.util.Optional;

final class SqliteDeviceTwins implements DeviceTwinRepository {

  private final SqliteConnection connection;

  SqliteDeviceTwins(SqliteConnection connection) {
    this.connection = connection;
  }

  @Override
  public Optional<DeviceTwinRecord> find(String deviceId) {
    return Sql.one(connection,
        "SELECT device_id, etag, version, tags, desired, reported FROM device_twins WHERE device_id = ?",
        row -> new DeviceTwinRecord(row.getString("device_id"), row.getString("etag"), row.getLong("version"),
            Sql.object(row, "tags"), Sql.object(row, "desired"), Sql.object(row, "reported")),
        deviceId);
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
