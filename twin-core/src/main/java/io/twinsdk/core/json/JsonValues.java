package io.twinsdk.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import java.util.Iterator;
import java.util.Map;

/** Comparisons of JSON values by their JSON meaning rather than their Java representation. */
public final class JsonValues {

  private static final int MAX_LENGTH_IN_MESSAGES = 60;

  private JsonValues() {}

  /**
   * Returns whether two JSON values are equal as JSON: numbers by numeric value ({@code 1} equals {@code 1.0}),
   * objects by members regardless of order, arrays element by element in order, and everything else by type and value.
   * A {@code null} reference equals only another {@code null} reference.
   */
  public static boolean equivalent(JsonNode a, JsonNode b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> members = a.fields();
      while (members.hasNext()) {
        Map.Entry<String, JsonNode> member = members.next();
        if (!equivalent(member.getValue(), b.get(member.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equivalent(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /**
   * Returns {@code value} as a JSON tree the caller owns: a {@link JsonNode} is copied, anything else is converted by
   * the shared mapper.
   *
   * @throws IllegalArgumentException if {@code value} is a {@code MissingNode} or Jackson cannot convert it
   */
  static JsonNode toTree(Object value) {
    if (value instanceof JsonNode) {
      JsonNode node = (JsonNode) value;
      if (node.isMissingNode()) {
        throw new IllegalArgumentException("value is a MissingNode, which is no JSON value");
      }
      return node.deepCopy();
    }
    try {
      return Json.mapper().valueToTree(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "value of type " + value.getClass().getName() + " cannot be converted to JSON: " + e.getMessage(), e);
    }
  }

  /** Returns {@code value} as compact JSON cut to a length that keeps an error message readable. */
  static String abbreviate(JsonNode value) {
    String json = Json.write(value);
    return json.length() <= MAX_LENGTH_IN_MESSAGES ? json : json.substring(0, MAX_LENGTH_IN_MESSAGES) + "...";
  }
}
