package io.twinsdk.core.bulk;

import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.DIGITAL_TWIN_ID;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_SOURCE_ID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.digitaltwin.BasicDigitalTwin;
import io.twinsdk.core.digitaltwin.BasicRelationship;
import io.twinsdk.core.internal.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * An import entry is one model, twin or relationship line of an import file, with the section it appeared in and its
 * line number, so that whoever processes it can report problems against the file.
 */
public final class ImportEntry {

  private final ImportSection section;
  private final long lineNumber;
  private final JsonNode value;

  ImportEntry(ImportSection section, long lineNumber, JsonNode value) {
    this.section = section;
    this.lineNumber = lineNumber;
    this.value = value;
  }

  /** Returns the section the line appeared in: {@code MODELS}, {@code TWINS} or {@code RELATIONSHIPS}. */
  public ImportSection section() {
    return section;
  }

  /** Returns the line's number in the file, counting from 1. */
  public long lineNumber() {
    return lineNumber;
  }

  /** Returns a copy of the line's JSON object. */
  public JsonNode value() {
    return value.deepCopy();
  }

  /**
   * Returns the twin on this line.
   *
   * @throws IllegalStateException if the line is not in the Twins section
   * @throws ImportFormatException if the line is not a valid twin document (say, a {@code $etag} that is a number)
   */
  public BasicDigitalTwin toTwin() {
    requireSection(ImportSection.TWINS);
    return bind(value, BasicDigitalTwin.class, "twin");
  }

  /**
   * Returns the relationship on this line, with the line's {@code $dtId} as the source twin ({@code $sourceId}).
   *
   * @throws IllegalStateException if the line is not in the Relationships section
   * @throws ImportFormatException if the line is not a valid relationship document
   */
  public BasicRelationship toRelationship() {
    requireSection(ImportSection.RELATIONSHIPS);
    ObjectNode renamed = Json.mapper().createObjectNode();
    Iterator<Map.Entry<String, JsonNode>> members = value.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      String name = member.getKey().equals(DIGITAL_TWIN_ID) ? RELATIONSHIP_SOURCE_ID : member.getKey();
      renamed.set(name, member.getValue());
    }
    return bind(renamed, BasicRelationship.class, "relationship");
  }

  private void requireSection(ImportSection wanted) {
    if (section != wanted) {
      throw new IllegalStateException("Line " + lineNumber + " is in the " + section.sectionName()
          + " section, not " + wanted.sectionName());
    }
  }

  private <T> T bind(JsonNode json, Class<T> type, String what) {
    try {
      return Json.mapper().treeToValue(json, type);
    } catch (JsonProcessingException e) {
      throw new ImportFormatException(lineNumber, "not a valid " + what + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Two entries are equal when their section, line number and JSON value are. */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof ImportEntry)) {
      return false;
    }
    ImportEntry that = (ImportEntry) other;
    return section == that.section && lineNumber == that.lineNumber && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(section, lineNumber, value);
  }

  /** Returns the line number, section and JSON, for diagnostics. */
  @Override
  public String toString() {
    return "Line " + lineNumber + " (" + section.sectionName() + "): " + Json.write(value);
  }
}
