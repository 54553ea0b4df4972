package io.twinsdk.core.devicetwin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** JSON reading and writing shared by the device-twin value types. */
final class TwinJson {

  private static final DateTimeFormatter HUB_TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private TwinJson() {}

  static JsonNode parse(String json) {
    Objects.requireNonNull(json, "json");
    return Json.parse(json);
  }

  static ObjectNode requireObject(JsonNode node, String what) {
    Objects.requireNonNull(node, what);
    if (!node.isObject()) {
      throw new IllegalArgumentException(what + " must be a JSON object, but was " + describe(node));
    }
    return (ObjectNode) node;
  }

  static String requireText(JsonNode node, String what) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException(what + " must be a string, but was " + describe(node));
    }
    return node.textValue();
  }

  static long requireLong(JsonNode node, String what) {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new IllegalArgumentException(what + " must be an integer, but was " + describe(node));
    }
    return node.longValue();
  }

  static String describe(JsonNode node) {
    String text = node.toString();
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  static List<String> keysOf(ObjectNode node) {
    List<String> keys = new ArrayList<>(node.size());
    node.fieldNames().forEachRemaining(keys::add);
    return Collections.unmodifiableList(keys);
  }

  /**
   * Writes an object that reproduces a parsed document exactly.
   *
   * <p>{@code layout} is the member order of the document the value was parsed from, or {@code null} for a value built
   * in code. A layout member that has no value any more was {@code null} in the input and is written as {@code null}, so
   * that a document survives parse and write unchanged; members without a layout position follow in the order of
   * {@code present}, which callers give in the order IoT Hub writes.
   */
  static ObjectNode write(List<String> layout, Map<String, JsonNode> present) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (layout != null) {
      for (String key : layout) {
        JsonNode value = present.get(key);
        if (value == null) {
          out.putNull(key);
        } else {
          out.set(key, value);
        }
      }
    }
    for (Map.Entry<String, JsonNode> member : present.entrySet()) {
      if (!out.has(member.getKey())) {
        out.set(member.getKey(), member.getValue());
      }
    }
    return out;
  }

  /**
   * Parses an IoT Hub timestamp: ISO 8601 with an offset ({@code 2019-01-14T08:54:15.599Z}, up to nanoseconds), or
   * without one ({@code 0001-01-01T00:00:00}), which the service means as UTC.
   */
  static Instant parseTimestamp(String text, String what) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            what + " must be an ISO 8601 timestamp such as 2019-01-14T08:54:15.599Z, but was \"" + text + "\"", e);
      }
    }
  }

  /** Formats {@code instant} the way IoT Hub writes {@code $lastUpdated}: UTC with exactly three fraction digits. */
  static String formatTimestamp(Instant instant) {
    return HUB_TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }
}
