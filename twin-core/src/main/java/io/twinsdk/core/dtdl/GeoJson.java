package io.twinsdk.core.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.json.JsonValues;
import java.util.Iterator;
import java.util.function.Predicate;

/** Checks values of the DTDL geospatial schemas against the GeoJSON geometry shapes (RFC 7946). */
final class GeoJson {

  private static final int MIN_POSITION = 2;
  private static final int MAX_POSITION = 3;
  private static final int MIN_LINE = 2;
  private static final int MIN_RING = 4;

  private GeoJson() {}

  /**
   * Returns {@code null} when {@code value} is a geometry of the given schema; otherwise the detail to append to
   * "expected a GeoJSON X but got Y": empty, or {@code ": ..."} saying what is wrong.
   */
  static String check(JsonNode value, PrimitiveSchema schema) {
    if (!value.isObject()) {
      return "";
    }
    String type = geometryType(schema);
    if (!type.equals(value.path("type").asText(null))) {
      return ": its \"type\" must be \"" + type + "\"";
    }
    Iterator<String> names = value.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!name.equals("type") && !name.equals("coordinates") && !name.equals("bbox")) {
        return ": \"" + name + "\" is not a member of a GeoJSON geometry";
      }
    }
    JsonNode coordinates = value.get("coordinates");
    boolean valid;
    if (coordinates == null) {
      valid = false;
    } else if (schema == PrimitiveSchema.POINT) {
      valid = isPosition(coordinates);
    } else if (schema == PrimitiveSchema.MULTI_POINT) {
      valid = isArrayOf(coordinates, 0, GeoJson::isPosition);
    } else if (schema == PrimitiveSchema.LINE_STRING) {
      valid = isLine(coordinates);
    } else if (schema == PrimitiveSchema.MULTI_LINE_STRING) {
      valid = isArrayOf(coordinates, 0, GeoJson::isLine);
    } else if (schema == PrimitiveSchema.POLYGON) {
      valid = isPolygon(coordinates);
    } else {
      valid = isArrayOf(coordinates, 0, GeoJson::isPolygon);
    }
    return valid ? null : ": its \"coordinates\" do not form a " + type;
  }

  private static String geometryType(PrimitiveSchema schema) {
    String term = schema.term();
    return Character.toUpperCase(term.charAt(0)) + term.substring(1);
  }

  private static boolean isArrayOf(JsonNode node, int minSize, Predicate<JsonNode> shape) {
    if (!node.isArray() || node.size() < minSize) {
      return false;
    }
    for (JsonNode item : node) {
      if (!shape.test(item)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPosition(JsonNode node) {
    return node.isArray() && node.size() >= MIN_POSITION && node.size() <= MAX_POSITION
        && isArrayOf(node, MIN_POSITION, JsonNode::isNumber);
  }

  private static boolean isLine(JsonNode node) {
    return isArrayOf(node, MIN_LINE, GeoJson::isPosition);
  }

  private static boolean isRing(JsonNode node) {
    return isArrayOf(node, MIN_RING, GeoJson::isPosition)
        && JsonValues.equivalent(node.get(0), node.get(node.size() - 1));
  }

  private static boolean isPolygon(JsonNode node) {
    return isArrayOf(node, 1, GeoJson::isRing);
  }
}
