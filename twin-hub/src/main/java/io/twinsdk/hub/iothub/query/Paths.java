package io.twinsdk.hub.iothub.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;

/** Dotted paths such as {@code properties.reported.fw} resolved in twin JSON. */
final class Paths {

  private Paths() {}

  /** Returns the value at {@code path}, or a missing node when any step is absent. */
  static JsonNode resolve(JsonNode twin, List<String> path) {
    JsonNode node = twin;
    for (String segment : path) {
      if (node == null || !node.isObject()) {
        return MissingNode.getInstance();
      }
      node = node.get(segment);
    }
    return node == null ? MissingNode.getInstance() : node;
  }
}
