package io.twinsdk.hub.store;

import java.util.List;
import java.util.Optional;

/** Digital twins, keyed by twin id. */
public interface DigitalTwinRepository {

  /** Returns the twin with exactly this id. */
  Optional<DigitalTwinRecord> find(String twinId);

  /** Stores the twin, replacing the stored one with the same id. The caller must treat the record as immutable. */
  void put(DigitalTwinRecord twin);

  /**
   * Deletes the twin; returns whether it existed.
   *
   * @throws StoreException if relationships still name the twin as source or target
   */
  boolean delete(String twinId);

  /** Returns up to {@code limit} twins ordered by id, starting after {@code afterTwinId} (null: from the start). */
  List<DigitalTwinRecord> list(String afterTwinId, int limit);

  /** Returns how many twins there are. */
  long count();
}
