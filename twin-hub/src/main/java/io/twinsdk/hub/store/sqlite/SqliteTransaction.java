package io.twinsdk.hub.store.sqlite;

import io.twinsdk.hub.bus.ChangeEvent;
import io.twinsdk.hub.store.BulkJobRepository;
import io.twinsdk.hub.store.DeviceRepository;
import io.twinsdk.hub.store.DeviceTwinRepository;
import io.twinsdk.hub.store.DigitalTwinQueryRepository;
import io.twinsdk.hub.store.DigitalTwinRepository;
import io.twinsdk.hub.store.ModelRepository;
import io.twinsdk.hub.store.RelationshipRepository;
import io.twinsdk.hub.store.SessionRepository;
import io.twinsdk.hub.store.SettingsRepository;
import io.twinsdk.hub.store.StoreTransaction;
import io.twinsdk.hub.store.TelemetryRepository;
import java.util.ArrayList;
import java.util.List;

/** A {@link io.twinsdk.hub.store.StoreTransaction} over one SQLite connection. */
final class SqliteTransaction implements StoreTransaction {

  private final SqliteConnection connection;
  private final List<ChangeEvent> events = new ArrayList<>();
  private final List<Runnable> actions = new ArrayList<>();

  SqliteTransaction(SqliteConnection connection) {
    this.connection = connection;
  }

  @Override
  public SettingsRepository settings() {
    return new SqliteSettings(connection);
  }

  @Override
  public DeviceRepository devices() {
    return new SqliteDevices(connection);
  }

  @Override
  public DeviceTwinRepository deviceTwins() {
    return new SqliteDeviceTwins(connection);
  }

  @Override
  public SessionRepository sessions() {
    return new SqliteSessions(connection);
  }

  @Override
  public TelemetryRepository telemetry() {
    return new SqliteTelemetry(connection);
  }

  @Override
  public ModelRepository models() {
    return new SqliteModels(connection);
  }

  @Override
  public DigitalTwinRepository digitalTwins() {
    return new SqliteDigitalTwins(connection);
  }

  @Override
  public RelationshipRepository relationships() {
    return new SqliteRelationships(connection);
  }

  @Override
  public DigitalTwinQueryRepository digitalTwinQueries() {
    return new SqliteDigitalTwinQueries(connection);
  }

  @Override
  public BulkJobRepository bulkJobs() {
    return new SqliteBulkJobs(connection);
  }

  @Override
  public void emitAfterCommit(ChangeEvent event) {
    if (connection.isReadOnly()) {
      throw new IllegalStateException("Read transactions cannot emit change events");
    }
    events.add(event);
  }

  @Override
  public void afterCommit(Runnable action) {
    if (connection.isReadOnly()) {
      throw new IllegalStateException("Read transactions cannot run actions after commit");
    }
    actions.add(action);
  }

  List<Runnable> takeActions() {
    return take(actions);
  }

  List<ChangeEvent> takeEvents() {
    return take(events);
  }

  private static <T> List<T> take(List<T> pending) {
    if (pending.isEmpty()) {
      return List.of();
    }
    List<T> taken = List.copyOf(pending);
    pending.clear();
    return taken;
  }
}
