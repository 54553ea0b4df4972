package io.twinsdk.service.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads response bodies into the caller's types and writes request bodies, with the SDK's one Jackson mapper. */
public final class JsonBodies {

  private JsonBodies() {}

  /** Serializes {@code value} (a tree, a core document or the caller's object) to UTF-8 JSON. */
  public static byte[] write(Object value) {
    try {
      return Json.mapper().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write the value as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Parses the body of {@code result} as a tree. */
  public static JsonNode tree(HttpResult result) {
    if (result.body().length == 0) {
      throw new IllegalArgumentException("Empty body where JSON was expected");
    }
    return Json.parse(result.bodyText());
  }

  /** Converts {@code node} to {@code type} ({@code JsonNode}, a core document type or the caller's class). */
  public static <T> T convert(JsonNode node, Class<T> type) {
    Objects.requireNonNull(type, "type");
    if (type.isInstance(node)) {
      return type.cast(node);
    }
    try {
      return Json.mapper().treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Parses the body of {@code result} into {@code type}. */
  public static <T> T read(HttpResult result, Class<T> type) {
    if (type == JsonNode.class) {
      return type.cast(tree(result));
    }
    try {
      return Json.mapper().readValue(result.body(), type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Converts each element of the array {@code array} to {@code type}. */
  public static <T> List<T> list(JsonNode array, Class<T> type) {
    if (array == null || !array.isArray()) {
      throw new IllegalArgumentException("Expected a JSON array, got " + (array == null ? "nothing" : array.getNodeType()));
    }
    List<T> items = new ArrayList<>(array.size());
    for (JsonNode element : array) {
      items.add(convert(element, type));
    }
    return items;
  }
}
