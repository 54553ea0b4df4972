package io.twinsdk.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Comparisons of JSON values by their JSON meaning rather than their Java representation. */
public final class JsonValues {

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
}
