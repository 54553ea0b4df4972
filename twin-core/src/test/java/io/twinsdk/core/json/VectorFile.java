package io.twinsdk.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A vector file is a JSON array of test cases, bundled as a test resource or named by a system property. */
record VectorFile(String source, List<JsonNode> cases) {

  /**
   * Reads the file named by system property {@code property}, or the bundled resource when the property is unset.
   *
   * <p>Duplicate-key detection is off here: suites such as json-patch-tests hold deliberately invalid patches with a
   * member written twice, and one such case must not make the whole file unreadable.
   */
  static VectorFile load(String property, String resource) {
    String file = System.getProperty(property);
    try (InputStream in = file == null || file.isBlank()
        ? VectorFile.class.getResourceAsStream(resource)
        : Files.newInputStream(Path.of(file))) {
      if (in == null) {
        throw new IllegalStateException("Test resource " + resource + " is missing");
      }
      JsonNode root = Json.mapper().copy().configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, false).readTree(in);
      if (!root.isArray()) {
        throw new IllegalStateException((file == null ? resource : file) + " is not a JSON array of cases");
      }
      List<JsonNode> cases = new ArrayList<>();
      root.forEach(cases::add);
      return new VectorFile(file == null || file.isBlank() ? resource : file, cases);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the display name of case {@code index}: its {@code comment}, or its index when it has none. */
  String name(int index) {
    JsonNode comment = cases.get(index).get("comment");
    return comment != null && comment.isTextual() ? comment.textValue() : "case " + index;
  }

  /** Returns whether case {@code index} is marked {@code "disabled": true}. */
  boolean disabled(int index) {
    return cases.get(index).path("disabled").asBoolean(false);
  }
}
