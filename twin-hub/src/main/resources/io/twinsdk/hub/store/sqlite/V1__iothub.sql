-- IoT Hub: settings, device registry, device twins, MQTT sessions, telemetry.
CREATE TABLE settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE devices (
  device_id                  TEXT PRIMARY KEY,
  generation_id              TEXT NOT NULL,
  etag                       TEXT NOT NULL,
  enabled                    INTEGER NOT NULL,
  status_reason              TEXT,
  status_updated             TEXT,
  primary_key                TEXT NOT NULL,
  secondary_key              TEXT NOT NULL,
  connected                  INTEGER NOT NULL DEFAULT 0,
  connection_state_updated   TEXT,
  last_activity              TEXT,
  c2d_count                  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE device_twins (
  device_id TEXT PRIMARY KEY REFERENCES devices(device_id) ON DELETE CASCADE,
  etag      TEXT NOT NULL,
  version   INTEGER NOT NULL,
  tags      TEXT NOT NULL,
  desired   TEXT NOT NULL,
  reported  TEXT NOT NULL
);

CREATE TABLE mqtt_sessions (
  client_id     TEXT PRIMARY KEY,
  subscriptions TEXT NOT NULL
);

CREATE TABLE telemetry (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  device_id  TEXT NOT NULL,
  received   TEXT NOT NULL,
  properties TEXT NOT NULL,
  body       BLOB NOT NULL
);
CREATE INDEX telemetry_by_device ON telemetry(device_id, seq);
