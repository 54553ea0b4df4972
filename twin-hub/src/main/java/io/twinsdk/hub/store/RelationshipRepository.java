package io.twinsdk.hub.store;

import java.util.List;
import java.util.Optional;

/** Relationships between digital twins, keyed by source twin and relationship id. */
public interface RelationshipRepository {

  /** Returns the relationship {@code relationshipId} of source twin {@code sourceId}. */
  Optional<RelationshipRecord> find(String sourceId, String relationshipId);

  /**
   * Stores the relationship, replacing the stored one with the same source and id.
   *
   * @throws StoreException if the source or target twin does not exist
   */
  void put(RelationshipRecord relationship);

  /** Deletes the relationship; returns whether it existed. */
  boolean delete(String sourceId, String relationshipId);

  /**
   * Returns up to {@code limit} relationships of {@code sourceId} ordered by id, after {@code afterId} (null: from the
   * start), only those named {@code name} unless it is null.
   */
  List<RelationshipRecord> listOutgoing(String sourceId, String name, String afterId, int limit);

  /**
   * Returns up to {@code limit} relationships targeting {@code targetId}, ordered by source and id, after the
   * relationship ({@code afterSourceId}, {@code afterId}) (both null: from the start).
   */
  List<RelationshipRecord> listIncoming(String targetId, String afterSourceId, String afterId, int limit);

  /** Returns how many relationships have {@code sourceId} as their source. */
  int countOutgoing(String sourceId);

  /** Returns how many relationships have {@code targetId} as their target. */
  int countIncoming(String targetId);

  /** Returns whether any relationship has {@code twinId} as its source or target. */
  boolean hasAny(String twinId);
}
