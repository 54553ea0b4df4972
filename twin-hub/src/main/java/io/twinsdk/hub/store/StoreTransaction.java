package io.twinsdk.hub.store;

import io.twinsdk.hub.bus.ChangeEvent;

/**
 * One store transaction, seen through the repositories of each feature. Valid only during the task it was given to.
 * The write tasks that share one commit (group commit) share one transaction object, in the order they were queued.
 */
public interface StoreTransaction {

  /** Hub-wide settings: access-policy keys, signing keys. */
  SettingsRepository settings();

  /** IoT Hub device identities. */
  DeviceRepository devices();

  /** IoT Hub device twins. */
  DeviceTwinRepository deviceTwins();

  /** Persistent MQTT sessions (subscriptions per client id). */
  SessionRepository sessions();

  /** Device-to-cloud messages, the last few per device. */
  TelemetryRepository telemetry();

  /** Digital Twins models. */
  ModelRepository models();

  /** Digital twins. */
  DigitalTwinRepository digitalTwins();

  /** Relationships between digital twins. */
  RelationshipRepository relationships();

  /** Queries over digital twins and relationships. */
  DigitalTwinQueryRepository digitalTwinQueries();

  /** Digital Twins import and delete jobs. */
  BulkJobRepository bulkJobs();

  /**
   * Publishes {@code event} on the change bus once this transaction has committed; dropped if it rolls back.
   * Only meaningful in write transactions.
   */
  void emitAfterCommit(ChangeEvent event);

  /**
   * Runs {@code action} on the store's writer thread once this transaction has committed, before any of its writes is
   * answered and before the next transaction starts; dropped if the task or the commit fails. For in-memory state that
   * must change exactly when the rows it mirrors are committed. Only meaningful in write transactions.
   */
  void afterCommit(Runnable action);
}
