package io.twinsdk.core.bulk;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * An import file reader streams the entries of an Azure Digital Twins import file (NDJSON) one line at a time, so a
 * file of any length is read in memory proportional to its longest line.
 *
 * <pre>{@code
 * try (ImportFileReader reader = ImportFileReader.open(inputStream)) {
 *   JsonNode header = reader.header();
 *   while (reader.hasNext()) {
 *     ImportEntry entry = reader.next();
 *     switch (entry.section()) { ... entry.toTwin() ... }
 *   }
 * }
 * }</pre>
 *
 * <p>The file is a {@code {"Section": "Header"}} line and one header object, then the optional sections
 * {@code Models}, {@code Twins} and {@code Relationships}, in that order, each introduced by its marker line and
 * holding one JSON object per line: a model needs an {@code @id}; a twin needs {@code $dtId} and
 * {@code $metadata.$model}; a relationship needs {@code $dtId} (its source twin), {@code $relationshipId},
 * {@code $targetId} and {@code $relationshipName}. Blank lines, {@code \r\n} line endings and a byte-order mark at the start are
 * accepted. Section names, and the {@code Section} key, are matched ignoring case: the service's documentation spells
 * them one way but does not promise that others are refused, and no valid model, twin or relationship line can be
 * mistaken for a marker, so accepting {@code twins} costs nothing.
 *
 * <p>The first format error ends reading: it throws an {@link ImportFormatException} naming the line, and every later
 * call throws the same exception. The reader does not skip bad lines, because after a bad marker line it cannot know
 * which section the following lines belong to, and an importer must fail the job anyway. The reader owns its source
 * and closes it; it is not thread-safe.
 */
public final class ImportFileReader implements Iterator<ImportEntry>, AutoCloseable {

  /**
   * The longest line accepted, in characters: far above the service's limits (a twin is at most 32 KB, a model 1 MB),
   * so that it only stops a runaway line from exhausting memory.
   */
  public static final int MAX_LINE_LENGTH = 4 * 1024 * 1024;

  private final LineSource lines;
  private ImportSection section;
  private JsonNode header;
  private ImportEntry next;
  private boolean endOfInput;
  private ImportFormatException failure;
  private boolean closed;

  private ImportFileReader(Reader source) {
    this.lines = new LineSource(source, MAX_LINE_LENGTH);
  }

  /** Returns a reader of the import file in {@code source}; the reader closes {@code source} when closed. */
  public static ImportFileReader open(Reader source) {
    return new ImportFileReader(Objects.requireNonNull(source, "source"));
  }

  /** Returns a reader of the UTF-8 import file in {@code source}; the reader closes {@code source} when closed. */
  public static ImportFileReader open(InputStream source) {
    return new ImportFileReader(new StrictUtf8Reader(Objects.requireNonNull(source, "source")));
  }

  /**
   * Returns a copy of the header object, reading as far as the header if need be.
   *
   * @throws ImportFormatException if the file does not start with a valid Header section
   */
  public JsonNode header() {
    while (header == null) {
      read(true);
    }
    return header.deepCopy();
  }

  /**
   * Returns whether another model, twin or relationship follows, reading ahead one line if need be.
   *
   * @throws ImportFormatException if the lines up to the next entry break the format
   * @throws UncheckedIOException if reading fails
   */
  @Override
  public boolean hasNext() {
    if (next == null && !endOfInput) {
      next = read(false);
    }
    return next != null;
  }

  /**
   * Returns the next model, twin or relationship.
   *
   * @throws NoSuchElementException if there is none
   * @throws ImportFormatException if the lines up to the next entry break the format
   */
  @Override
  public ImportEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException("No more entries after line " + lines.lineNumber());
    }
    ImportEntry entry = next;
    next = null;
    return entry;
  }

  /** Closes the source. */
  @Override
  public void close() {
    closed = true;
    try {
      lines.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads up to the next entry, or up to the header when {@code headerOnly}; returns null at the end or the header. */
  private ImportEntry read(boolean headerOnly) {
    if (closed) {
      throw new IllegalStateException("The reader is closed");
    }
    if (failure != null) {
      throw failure;
    }
    try {
      return readLines(headerOnly);
    } catch (ImportFormatException e) {
      failure = e;
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ImportEntry readLines(boolean headerOnly) throws IOException {
    for (String text = lines.next(); text != null; text = lines.next()) {
      if (isBlank(text)) {
        continue;
      }
      long number = lines.lineNumber();
      JsonNode line = parse(text, number);
      String marker;
      try {
        marker = ImportLines.markerName(line);
      } catch (IllegalArgumentException e) {
        throw new ImportFormatException(number, e.getMessage());
      }
      if (marker != null) {
        enter(marker, number);
      } else if (section == null) {
        throw new ImportFormatException(number, "the file must start with {\"Section\": \"Header\"}");
      } else if (section == ImportSection.HEADER) {
        if (header != null) {
          throw new ImportFormatException(number, "the Header section holds one object; this is a second one");
        }
        header = line;
        if (headerOnly) {
          return null;
        }
      } else {
        try {
          ImportLines.checkItem(section, line);
        } catch (IllegalArgumentException e) {
          throw new ImportFormatException(number, e.getMessage());
        }
        return new ImportEntry(section, number, line);
      }
    }
    long end = lines.lineNumber() + 1;
    if (section == null) {
      throw new ImportFormatException(end, "the file ends before {\"Section\": \"Header\"}");
    }
    if (header == null) {
      throw new ImportFormatException(end, "the file ends before the header object");
    }
    endOfInput = true;
    return null;
  }

  private void enter(String name, long number) {
    ImportSection entered = ImportSection.named(name);
    if (entered == null) {
      throw new ImportFormatException(number,
          "unknown section \"" + name + "\"; the sections are Header, Models, Twins and Relationships");
    }
    if (section == null && entered != ImportSection.HEADER) {
      throw new ImportFormatException(number, "the first section must be Header, not " + entered.sectionName());
    }
    if (section == ImportSection.HEADER && header == null) {
      throw new ImportFormatException(number, "the Header section has no header object");
    }
    if (section == entered) {
      throw new ImportFormatException(number, "section " + entered.sectionName() + " appears a second time");
    }
    if (section != null && entered.compareTo(section) < 0) {
      throw new ImportFormatException(number, "section " + entered.sectionName() + " cannot follow "
          + section.sectionName() + "; " + ImportLines.ORDER);
    }
    section = entered;
  }

  private static JsonNode parse(String text, long number) {
    try (JsonParser parser = Json.mapper().createParser(text)) {
      JsonNode line = Json.mapper().readTree(parser);
      if (parser.nextToken() != null) {
        throw new ImportFormatException(number, "the line holds more than one JSON value; the second starts at column "
            + parser.currentTokenLocation().getColumnNr());
      }
      if (!line.isObject()) {
        throw new ImportFormatException(number, "expected a JSON object, found " + ImportLines.typeOf(line));
      }
      return line;
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      throw new ImportFormatException(number, "malformed JSON: " + e.getOriginalMessage()
          + (location == null ? "" : " (column " + location.getColumnNr() + ")"), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns whether {@code text} holds only JSON whitespace; the line reader has removed {@code \n}. */
  private static boolean isBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }
}
