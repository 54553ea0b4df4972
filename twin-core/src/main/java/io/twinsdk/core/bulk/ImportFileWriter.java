package io.twinsdk.core.bulk;

import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.DIGITAL_TWIN_ID;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_ID;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_NAME;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_TARGET_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.digitaltwin.BasicDigitalTwin;
import io.twinsdk.core.digitaltwin.BasicRelationship;
import io.twinsdk.core.internal.Json;
import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An import file writer produces an Azure Digital Twins import file (NDJSON): the header first, then models, twins
 * and relationships, each section's marker line written before its first item, one compact JSON object per line.
 *
 * <pre>{@code
 * try (ImportFileWriter writer = ImportFileWriter.open(outputStream, header)) {
 *   writer.writeModel(model);
 *   writer.writeTwin(twin);
 *   writer.writeRelationship(relationship);
 * }
 * }</pre>
 *
 * <p>Items are checked with the same rules {@link ImportFileReader} applies, so what this writes reads back. Writing
 * an item of an earlier section after a later one has started (a model after a twin) is refused. The writer owns its
 * target and closes it; it is not thread-safe.
 */
public final class ImportFileWriter implements AutoCloseable, Flushable {

  private final Writer out;
  private ImportSection section;
  private boolean closed;

  private ImportFileWriter(Writer out) {
    this.out = out;
  }

  /**
   * Returns a writer to {@code target} that has written the Header section with {@code header}, such as
   * {@code {"fileVersion": "1.0.0", "author": "…", "organization": "…"}}.
   *
   * @throws IllegalArgumentException if {@code header} is not a JSON object
   */
  public static ImportFileWriter open(Writer target, JsonNode header) {
    ImportFileWriter writer = new ImportFileWriter(Objects.requireNonNull(target, "target"));
    writer.write(ImportSection.HEADER, Objects.requireNonNull(header, "header"));
    return writer;
  }

  /** Returns a writer of UTF-8 to {@code target}, without a byte-order mark; see {@link #open(Writer, JsonNode)}. */
  public static ImportFileWriter open(OutputStream target, JsonNode header) {
    Objects.requireNonNull(target, "target");
    return open(new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8)), header);
  }

  /**
   * Writes a DTDL model, an object with an {@code @id}.
   *
   * @throws IllegalArgumentException if the model is not such an object
   * @throws IllegalStateException if twins or relationships have been written
   */
  public void writeModel(JsonNode model) {
    write(ImportSection.MODELS, Objects.requireNonNull(model, "model"));
  }

  /**
   * Writes a twin, an object with {@code $dtId} and {@code $metadata.$model}.
   *
   * @throws IllegalArgumentException if the twin lacks either
   * @throws IllegalStateException if relationships have been written
   */
  public void writeTwin(JsonNode twin) {
    write(ImportSection.TWINS, Objects.requireNonNull(twin, "twin"));
  }

  /**
   * Writes {@code twin} as its JSON document; it needs an id and a model.
   *
   * @throws IllegalArgumentException if the twin lacks either
   * @throws IllegalStateException if relationships have been written
   */
  public void writeTwin(BasicDigitalTwin twin) {
    writeTwin((JsonNode) Json.mapper().valueToTree(Objects.requireNonNull(twin, "twin")));
  }

  /**
   * Writes a relationship in the import form: {@code $dtId} (the source twin), {@code $relationshipId},
   * {@code $targetId}, {@code $relationshipName}, then properties.
   *
   * @throws IllegalArgumentException if one of the four is missing
   */
  public void writeRelationship(JsonNode relationship) {
    write(ImportSection.RELATIONSHIPS, Objects.requireNonNull(relationship, "relationship"));
  }

  /**
   * Writes {@code relationship} in the import form, its source id as {@code $dtId}; it needs an id and a source id.
   * The ETag is left out, because the service assigns one on import.
   *
   * @throws IllegalArgumentException if the relationship has no id or no source id
   */
  public void writeRelationship(BasicRelationship relationship) {
    Objects.requireNonNull(relationship, "relationship");
    ObjectNode line = Json.mapper().createObjectNode();
    line.put(DIGITAL_TWIN_ID, relationship.sourceId().orElseThrow(() ->
        new IllegalArgumentException("an import file's relationship needs a source id")));
    line.put(RELATIONSHIP_ID, relationship.id().orElseThrow(() ->
        new IllegalArgumentException("an import file's relationship needs an id")));
    line.put(RELATIONSHIP_TARGET_ID, relationship.targetId());
    line.put(RELATIONSHIP_NAME, relationship.name());
    line.setAll(relationship.properties());
    writeRelationship(line);
  }

  private void write(ImportSection itemSection, JsonNode item) {
    if (closed) {
      throw new IllegalStateException("The writer is closed");
    }
    ImportLines.checkItem(itemSection, item);
    if (section != null && itemSection.compareTo(section) < 0) {
      throw new IllegalStateException("Cannot write to section " + itemSection.sectionName() + " after section "
          + section.sectionName() + " has started; " + ImportLines.ORDER);
    }
    try {
      if (itemSection != section) {
        writeLine("{\"" + ImportLines.SECTION + "\":\"" + itemSection.sectionName() + "\"}");
        section = itemSection;
      }
      writeLine(Json.write(item));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeLine(String line) throws IOException {
    out.write(line);
    out.write('\n');
  }

  /** Flushes written lines to the target. */
  @Override
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flushes and closes the target; closing again does nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
