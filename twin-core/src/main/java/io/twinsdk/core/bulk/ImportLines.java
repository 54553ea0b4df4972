package io.twinsdk.core.bulk;

import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.DIGITAL_TWIN_ID;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.METADATA;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.METADATA_MODEL;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_ID;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_NAME;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_TARGET_ID;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/** The rules for the lines of an import file, shared by the reader and the writer so that they agree. */
final class ImportLines {

  static final String SECTION = "Section";

  static final String ORDER = "sections must come in the order Header, Models, Twins, Relationships";

  private ImportLines() {}

  /**
   * Returns the section name of a marker line such as {@code {"Section": "Twins"}}, or {@code null} if {@code line}
   * is not a marker. A marker is an object whose only member is {@code Section}, in any case.
   *
   * @throws IllegalArgumentException if the marker's value is not a string
   */
  static String markerName(JsonNode line) {
    if (line.size() != 1) {
      return null;
    }
    Map.Entry<String, JsonNode> only = line.fields().next();
    if (!only.getKey().equalsIgnoreCase(SECTION)) {
      return null;
    }
    if (!only.getValue().isTextual()) {
      throw new IllegalArgumentException("the section name must be a string, found " + typeOf(only.getValue()));
    }
    return only.getValue().textValue();
  }

  /**
   * Checks that {@code item} may appear in {@code section}: the header is an object; a model is an object with an
   * {@code @id}; a twin has {@code $dtId} and {@code $metadata.$model}; a relationship has {@code $dtId} (its source),
   * {@code $relationshipId}, {@code $targetId} and {@code $relationshipName}.
   *
   * @throws IllegalArgumentException naming what is missing
   */
  static void checkItem(ImportSection section, JsonNode item) {
    switch (section) {
      case HEADER:
        requireObject(item, "the header");
        break;
      case MODELS:
        requireText(requireObject(item, "a model"), "@id", "a model");
        break;
      case TWINS:
        requireText(requireObject(item, "a twin"), DIGITAL_TWIN_ID, "a twin");
        JsonNode metadata = item.get(METADATA);
        if (metadata == null || !metadata.isObject()) {
          throw new IllegalArgumentException("a twin needs a \"$metadata\" object"
              + (metadata == null ? "" : ", found " + typeOf(metadata)));
        }
        requireText(metadata, METADATA_MODEL, "a twin's $metadata");
        break;
      default:
        JsonNode relationship = requireObject(item, "a relationship");
        requireText(relationship, DIGITAL_TWIN_ID, "a relationship");
        requireText(relationship, RELATIONSHIP_ID, "a relationship");
        requireText(relationship, RELATIONSHIP_TARGET_ID, "a relationship");
        requireText(relationship, RELATIONSHIP_NAME, "a relationship");
        break;
    }
  }

  static String typeOf(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static JsonNode requireObject(JsonNode item, String what) {
    if (!item.isObject()) {
      throw new IllegalArgumentException(what + " must be a JSON object, found " + typeOf(item));
    }
    return item;
  }

  private static void requireText(JsonNode object, String member, String what) {
    JsonNode value = object.get(member);
    if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
      throw new IllegalArgumentException(what + " needs a non-empty string \"" + member + "\""
          + (value == null ? "" : ", found " + (value.isTextual() ? "\"\"" : typeOf(value))));
    }
  }
}
