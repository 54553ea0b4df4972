package io.twinsdk.core.digitaltwin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/** Reading, checking and copying the members of the service's documents, with errors that name a JSON pointer. */
final class JsonMembers {

  private JsonMembers() {}

  /**
   * Reads the value at the parser's position and converts it with {@code reader}.
   *
   * <p>The tree is read through the shared mapper, whatever mapper the caller binds with, so that floating-point
   * numbers become exact decimals and keep their written form ({@code 75.0}, {@code 1.10}).
   */
  static <T> T read(JsonParser parser, BiFunction<JsonNode, String, T> reader) throws IOException {
    JsonNode tree = Json.mapper().readTree(parser);
    try {
      return reader.apply(tree, "");
    } catch (IllegalArgumentException e) {
      throw JsonMappingException.from(parser, e.getMessage(), e);
    }
  }

  /** Returns the JSON pointer of member {@code name} of the value at {@code parent}. */
  static String pointer(String parent, String name) {
    return parent + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  static ObjectNode object(JsonNode node, String pointer) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(where(pointer) + " must be a JSON object, found " + typeOf(node));
    }
    return (ObjectNode) node;
  }

  static String text(JsonNode node, String pointer) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException(where(pointer) + " must be a string, found " + typeOf(node));
    }
    return node.textValue();
  }

  static String timestamp(JsonNode node, String pointer) {
    String text = text(node, pointer);
    try {
      DigitalTwinsTimestamps.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where(pointer) + " must be an RFC 3339 timestamp, found \"" + text + "\"", e);
    }
    return text;
  }

  /** Returns the member names of {@code object} in document order. */
  static List<String> names(ObjectNode object) {
    List<String> names = new ArrayList<>(object.size());
    object.fieldNames().forEachRemaining(names::add);
    return Collections.unmodifiableList(names);
  }

  /** Checks a member name given to a builder: not null, not empty, and not one the document type reserves. */
  static String checkName(String name, String argument, List<String> reserved) {
    Objects.requireNonNull(name, argument);
    if (name.isEmpty()) {
      throw new IllegalArgumentException(argument + " must not be empty");
    }
    if (reserved.contains(name)) {
      throw new IllegalArgumentException(argument + " \"" + name + "\" is reserved; use the builder's own method");
    }
    return name;
  }

  static String checkText(String value, String argument) {
    Objects.requireNonNull(value, argument);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(argument + " must not be empty");
    }
    return value;
  }

  static String checkTimestamp(String text, String argument) {
    Objects.requireNonNull(text, argument);
    try {
      DigitalTwinsTimestamps.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(argument + ": " + e.getMessage(), e);
    }
    return text;
  }

  /** Converts a Java value to a private JSON tree; a {@link JsonNode} is copied so the caller cannot change it later. */
  static JsonNode toNode(Object value, String argument) {
    Objects.requireNonNull(value, argument);
    if (value instanceof JsonNode) {
      return ((JsonNode) value).deepCopy();
    }
    try {
      return Json.mapper().valueToTree(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(argument + " cannot be converted to JSON: " + e.getMessage(), e);
    }
  }

  /** Binds a property's JSON value to {@code type}; JSON {@code null} gives an empty result. */
  static <T> Optional<T> convert(String name, JsonNode value, Class<T> type) {
    Objects.requireNonNull(type, "type");
    try {
      return Optional.ofNullable(Json.mapper().treeToValue(value, type));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Property \"" + name + "\" cannot be read as " + type.getName() + ": " + e.getMessage(), e);
    }
  }

  /** Returns an unmodifiable copy of {@code values} in which the caller owns every node. */
  static Map<String, JsonNode> copyOf(Map<String, JsonNode> values) {
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    values.forEach((name, value) -> copy.put(name, value.deepCopy()));
    return Collections.unmodifiableMap(copy);
  }

  private static String where(String pointer) {
    return pointer.isEmpty() ? "The document" : "Member " + pointer;
  }

  private static String typeOf(JsonNode node) {
    return node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
