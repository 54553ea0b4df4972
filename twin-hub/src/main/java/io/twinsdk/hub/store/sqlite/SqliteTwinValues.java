package io.twinsdk.hub.store.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Keeps {@code dt_twin_values}, the query index of twins' string and number property values, in step with
 * {@code dt_twins}: top-level properties and, one level down, component properties and object fields. Members whose
 * names start with {@code $} ({@code $dtId}, {@code $etag}, {@code $metadata}) are not indexed: the query compiler
 * maps them to columns.
 */
final class SqliteTwinValues {

  private SqliteTwinValues() {}

  /** The JSON path of {@code names}, exactly as {@link SqliteQueryCompiler} writes it: {@code $."a"."b"}. */
  static String path(List<String> names) {
    StringBuilder path = new StringBuilder("$");
    for (String name : names) {
      path.append(".\"").append(name).append('"');
    }
    return path.toString();
  }

  /** Replaces the indexed values of twin {@code twinId} with those of {@code document}. */
  static void replace(SqliteConnection connection, String twinId, ObjectNode document) {
    Sql.update(connection, "DELETE FROM dt_twin_values WHERE twin_id = ?", twinId);
    for (Iterator<Map.Entry<String, JsonNode>> top = document.fields(); top.hasNext(); ) {
      Map.Entry<String, JsonNode> property = top.next();
      if (property.getKey().startsWith("$")) {
        continue;
      }
      if (property.getValue().isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> inner = property.getValue().fields(); inner.hasNext(); ) {
          Map.Entry<String, JsonNode> field = inner.next();
          if (!field.getKey().startsWith("$")) {
            insert(connection, twinId, path(List.of(property.getKey(), field.getKey())), field.getValue());
          }
        }
      } else {
        insert(connection, twinId, path(List.of(property.getKey())), property.getValue());
      }
    }
  }

  private static void insert(SqliteConnection connection, String twinId, String path, JsonNode value) {
    Object indexed;
    if (value.isTextual()) {
      indexed = value.textValue();
    } else if (value.isIntegralNumber() && value.canConvertToLong()) {
      indexed = value.longValue();
    } else if (value.isNumber()) {
      indexed = value.doubleValue();
    } else {
      return;
    }
    Sql.update(connection, "INSERT INTO dt_twin_values (twin_id, path, value) VALUES (?, ?, ?)", twinId, path,
        indexed);
  }
}
