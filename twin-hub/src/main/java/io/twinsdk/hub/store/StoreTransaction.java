package io.twinsdk.hub.store;

import io.twinsdk.hub.bus.ChangeEvent;

/**
 * One store transaction, seen through the repositories of each feature. Valid only during the task it was given to.
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
}
