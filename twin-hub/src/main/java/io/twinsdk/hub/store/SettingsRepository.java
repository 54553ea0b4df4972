package io.twinsdk.hub.store;

import java.util.Optional;

/** Small named values the hub keeps across restarts (policy keys, signing keys). */
public interface SettingsRepository {

  /** Returns the value stored under {@code name}. */
  Optional<String> get(String name);

  /** Stores {@code value} under {@code name}, replacing any previous value. */
  void put(String name, String value);
}
