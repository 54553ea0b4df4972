package io.twinsdk.hub.store;

import io.twinsdk.hub.digitaltwins.query.AdtQuery;
import java.util.List;

/**
 * Runs Digital Twins queries against the stored twins and relationships, using the store's indexes: rows come back
 * in key order, a page at a time, and never by loading every twin into memory.
 */
public interface DigitalTwinQueryRepository {

  /**
   * Returns up to {@code limit} rows matching {@code query}, in key order, after the row with key {@code afterKey}
   * (null: from the first row). Each row holds the document of every collection the query declares.
   *
   * @throws IllegalArgumentException if {@code afterKey} does not have the shape of this query's keys
   */
  List<QueryRow> find(AdtQuery query, List<String> afterKey, int limit);

  /** Returns how many rows match {@code query}. */
  long count(AdtQuery query);
}
