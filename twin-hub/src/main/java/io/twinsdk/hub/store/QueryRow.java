package io.twinsdk.hub.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One row of a Digital Twins query result.
 *
 * @param key the row's position in key order, for continuing after it
 * @param documents the document of each collection of the query, by alias (the twin or relationship as the API
 *     returns it)
 */
public record QueryRow(List<String> key, Map<String, ObjectNode> documents) {

  /** Copies the arguments. */
  public QueryRow {
    key = List.copyOf(key);
    documents = Map.copyOf(documents);
  }
}
