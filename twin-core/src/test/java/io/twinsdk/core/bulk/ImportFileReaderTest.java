package io.twinsdk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.digitaltwin.BasicDigitalTwin;
import io.twinsdk.core.digitaltwin.BasicRelationship;
import io.twinsdk.core.internal.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ImportFileReaderTest {

  private static final String MODEL = "{\"@id\":\"dtmi:com:microsoft:azure:iot:model0;1\",\"@type\":\"Interface\","
      + "\"contents\":[{\"@type\":\"Property\",\"name\":\"property00\",\"schema\":\"integer\"}],"
      + "\"@context\":\"dtmi:dtdl:context;2\"}";
  private static final String TWIN = "{\"$dtId\":\"twin0\","
      + "\"$metadata\":{\"$model\":\"dtmi:com:microsoft:azure:iot:model0;1\"},\"property00\":10,\"property01\":1.50}";
  private static final String RELATIONSHIP = "{\"$dtId\":\"twin0\",\"$relationshipId\":\"relationship\","
      + "\"$targetId\":\"twin1\",\"$relationshipName\":\"has\",\"relationshipProperty1\":\"propertyValue1\"}";

  /** The example from the service's documentation, with its spacing. */
  private static final String DOCUMENTED_FILE = String.join("\n",
      "{\"Section\": \"Header\"}",
      "{\"fileVersion\": \"1.0.0\", \"author\": \"foobar\", \"organization\": \"contoso\"}",
      "{\"Section\": \"Models\"}",
      MODEL,
      "{\"Section\": \"Twins\"}",
      TWIN,
      "{\"Section\": \"Relationships\"}",
      RELATIONSHIP) + "\n";

  @Test
  void readsTheDocumentedExample() {
    try (ImportFileReader reader = ImportFileReader.open(new StringReader(DOCUMENTED_FILE))) {
      JsonNode header = reader.header();
      List<ImportEntry> entries = drain(reader);

      assertThat(header.get("fileVersion").asText()).isEqualTo("1.0.0");
      assertThat(entries).extracting(ImportEntry::section)
          .containsExactly(ImportSection.MODELS, ImportSection.TWINS, ImportSection.RELATIONSHIPS);
      assertThat(entries).extracting(ImportEntry::lineNumber).containsExactly(4L, 6L, 8L);
      assertThat(entries.get(0).value()).isEqualTo(Json.parse(MODEL));
      assertThat(entries.get(1).value().get("property01").toString()).isEqualTo("1.50");
    }
  }

  @Test
  void entriesBindToTwinsAndRelationships() {
    try (ImportFileReader reader = ImportFileReader.open(new StringReader(DOCUMENTED_FILE))) {
      List<ImportEntry> entries = drain(reader);

      BasicDigitalTwin twin = entries.get(1).toTwin();
      BasicRelationship relationship = entries.get(2).toRelationship();

      assertThat(twin.id()).contains("twin0");
      assertThat(twin.property("property00", Integer.class)).contains(10);
      assertThat(relationship.sourceId()).contains("twin0");
      assertThat(relationship.id()).contains("relationship");
      assertThat(relationship.targetId()).isEqualTo("twin1");
      assertThat(relationship.properties().keySet()).containsExactly("relationshipProperty1");
      assertThatThrownBy(() -> entries.get(0).toTwin())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("Line 4 is in the Models section, not Twins");
    }
  }

  @Test
  void twinThatDoesNotBindFailsWithItsLineNumber() {
    String file = header() + "{\"Section\":\"Twins\"}\n{\"$dtId\":\"t\",\"$etag\":5,\"$metadata\":{\"$model\":\"m\"}}\n";

    try (ImportFileReader reader = ImportFileReader.open(new StringReader(file))) {
      ImportEntry entry = reader.next();

      ImportFormatException error = catchThrowableOfType(ImportFormatException.class, entry::toTwin);

      assertThat(error.lineNumber()).isEqualTo(4);
      assertThat(error).hasMessage("Line 4: not a valid twin: Member /$etag must be a string, found number");
    }
  }

  @Test
  void headerOnlyFileHasNoEntries() {
    try (ImportFileReader reader = ImportFileReader.open(new StringReader(header()))) {
      assertThat(reader.hasNext()).isFalse();
      assertThat(reader.header().get("fileVersion").asText()).isEqualTo("1.0.0");
      assertThatThrownBy(reader::next)
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("No more entries after line 2");
    }
  }

  @Test
  void byteOrderMarkAtTheStartIsSkipped() {
    String file = "\uFEFF" + DOCUMENTED_FILE;

    assertThat(drain(ImportFileReader.open(new StringReader(file)))).hasSize(3);
    assertThat(drain(ImportFileReader.open(utf8(file)))).hasSize(3);
  }

  @Test
  void crlfLineEndingsAndBlankLinesAreAccepted() {
    String file = "\r\n" + DOCUMENTED_FILE.replace("\n", "\r\n\r\n  \t\r\n") + "\r\n";

    List<ImportEntry> entries = drain(ImportFileReader.open(utf8(file)));

    assertThat(entries).extracting(ImportEntry::section)
        .containsExactly(ImportSection.MODELS, ImportSection.TWINS, ImportSection.RELATIONSHIPS);
    assertThat(entries).extracting(ImportEntry::lineNumber).containsExactly(11L, 17L, 23L);
  }

  @Test
  void lastLineNeedsNoLineEnding() {
    String file = DOCUMENTED_FILE.substring(0, DOCUMENTED_FILE.length() - 1);

    assertThat(drain(ImportFileReader.open(new StringReader(file)))).hasSize(3);
  }

  @Test
  void sectionNamesIgnoreCase() {
    String file = "{\"section\":\"HEADER\"}\n{}\n{\"SECTION\":\"twins\"}\n" + TWIN + "\n";

    List<ImportEntry> entries = drain(ImportFileReader.open(new StringReader(file)));

    assertThat(entries).extracting(ImportEntry::section).containsExactly(ImportSection.TWINS);
  }

  @Test
  void emptySectionsAreAllowed() {
    String file = header() + "{\"Section\":\"Models\"}\n{\"Section\":\"Twins\"}\n{\"Section\":\"Relationships\"}\n";

    assertThat(drain(ImportFileReader.open(new StringReader(file)))).isEmpty();
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    ImportFormatException error = errorReading(header() + "{\"Section\":\"Twins\"}\n{\"$dtId\":\"t\",}\n");

    assertThat(error.lineNumber()).isEqualTo(4);
    assertThat(error.getMessage()).startsWith("Line 4: malformed JSON: Unexpected character ('}'")
        .endsWith("(column 14)");
  }

  @Test
  void twoValuesOnOneLineAreRefused() {
    ImportFormatException error = errorReading(header() + "{\"Section\":\"Twins\"}\n" + TWIN + " " + TWIN + "\n");

    assertThat(error).hasMessage("Line 4: the line holds more than one JSON value; the second starts at column "
        + (TWIN.length() + 2));
  }

  @Test
  void valueThatIsNotAnObjectIsRefused() {
    assertThat(errorReading(header() + "{\"Section\":\"Twins\"}\n[1]\n"))
        .hasMessage("Line 4: expected a JSON object, found array");
    assertThat(errorReading("\"Header\"\n")).hasMessage("Line 1: expected a JSON object, found string");
  }

  @Test
  void duplicateKeysAreRefused() {
    ImportFormatException error =
        errorReading(header() + "{\"Section\":\"Twins\"}\n{\"$dtId\":\"a\",\"$dtId\":\"b\"}\n");

    assertThat(error.lineNumber()).isEqualTo(4);
    assertThat(error.getMessage()).contains("Duplicate field '$dtId'");
  }

  @Test
  void fileMustStartWithTheHeaderMarker() {
    assertThat(errorReading("\n" + TWIN + "\n"))
        .hasMessage("Line 2: the file must start with {\"Section\": \"Header\"}");
    assertThat(errorReading("{\"Section\":\"Twins\"}\n" + TWIN + "\n"))
        .hasMessage("Line 1: the first section must be Header, not Twins");
  }

  @Test
  void emptyFileIsRefused() {
    assertThat(errorReading("")).hasMessage("Line 1: the file ends before {\"Section\": \"Header\"}");
    assertThat(errorReading("\n\n")).hasMessage("Line 3: the file ends before {\"Section\": \"Header\"}");
  }

  @Test
  void headerSectionHoldsExactlyOneObject() {
    assertThat(errorReading("{\"Section\":\"Header\"}\n")).hasMessage("Line 2: the file ends before the header object");
    assertThat(errorReading("{\"Section\":\"Header\"}\n{\"Section\":\"Models\"}\n"))
        .hasMessage("Line 2: the Header section has no header object");
    assertThat(errorReading(header() + "{\"fileVersion\":\"2\"}\n"))
        .hasMessage("Line 3: the Header section holds one object; this is a second one");
  }

  @Test
  void headerErrorsSurfaceFromHeader() {
    try (ImportFileReader reader = ImportFileReader.open(new StringReader("{\"Section\":\"Models\"}\n"))) {
      assertThatThrownBy(reader::header)
          .isInstanceOf(ImportFormatException.class)
          .hasMessage("Line 1: the first section must be Header, not Models");
    }
  }

  @Test
  void unknownSectionIsRefused() {
    assertThat(errorReading(header() + "{\"Section\":\"Telemetry\"}\n"))
        .hasMessage("Line 3: unknown section \"Telemetry\"; the sections are Header, Models, Twins and Relationships");
    assertThat(errorReading(header() + "{\"Section\":5}\n"))
        .hasMessage("Line 3: the section name must be a string, found number");
  }

  @Test
  void sectionsOutOfOrderAreRefused() {
    assertThat(errorReading(header() + "{\"Section\":\"Twins\"}\n" + TWIN + "\n{\"Section\":\"Models\"}\n" + MODEL))
        .hasMessage("Line 5: section Models cannot follow Twins; "
            + "sections must come in the order Header, Models, Twins, Relationships");
    assertThat(errorReading(header() + "{\"Section\":\"Relationships\"}\n{\"Section\":\"Twins\"}\n"))
        .hasMessage("Line 4: section Twins cannot follow Relationships; "
            + "sections must come in the order Header, Models, Twins, Relationships");
    assertThat(errorReading(header() + "{\"Section\":\"Header\"}\n"))
        .hasMessage("Line 3: section Header appears a second time");
    assertThat(errorReading(header() + "{\"Section\":\"Twins\"}\n" + TWIN + "\n{\"Section\":\"Twins\"}\n"))
        .hasMessage("Line 5: section Twins appears a second time");
  }

  @Test
  void modelNeedsAnId() {
    assertThat(errorReading(header() + "{\"Section\":\"Models\"}\n{\"@type\":\"Interface\"}\n"))
        .hasMessage("Line 4: a model needs a non-empty string \"@id\"");
  }

  @Test
  void twinNeedsIdAndModel() {
    String twins = header() + "{\"Section\":\"Twins\"}\n";

    assertThat(errorReading(twins + "{\"$metadata\":{\"$model\":\"m\"}}\n"))
        .hasMessage("Line 4: a twin needs a non-empty string \"$dtId\"");
    assertThat(errorReading(twins + "{\"$dtId\":\"\",\"$metadata\":{\"$model\":\"m\"}}\n"))
        .hasMessage("Line 4: a twin needs a non-empty string \"$dtId\", found \"\"");
    assertThat(errorReading(twins + "{\"$dtId\":\"t\"}\n"))
        .hasMessage("Line 4: a twin needs a \"$metadata\" object");
    assertThat(errorReading(twins + "{\"$dtId\":\"t\",\"$metadata\":\"m\"}\n"))
        .hasMessage("Line 4: a twin needs a \"$metadata\" object, found string");
    assertThat(errorReading(twins + "{\"$dtId\":\"t\",\"$metadata\":{\"$model\":1}}\n"))
        .hasMessage("Line 4: a twin's $metadata needs a non-empty string \"$model\", found number");
  }

  @Test
  void relationshipNeedsSourceIdTargetAndName() {
    String relationships = header() + "{\"Section\":\"Relationships\"}\n";
    String[] required = {"$dtId", "$relationshipId", "$targetId", "$relationshipName"};

    for (String missing : required) {
      JsonNode line = Json.parse(RELATIONSHIP);
      ((com.fasterxml.jackson.databind.node.ObjectNode) line).remove(missing);

      assertThat(errorReading(relationships + Json.write(line) + "\n"))
          .hasMessage("Line 4: a relationship needs a non-empty string \"" + missing + "\"");
    }
  }

  @Test
  void invalidUtf8NamesTheLineOfTheBadByte() {
    StringBuilder file = new StringBuilder(header()).append("{\"Section\":\"Twins\"}\n");
    for (int i = 0; i < 300; i++) {
      file.append(TWIN).append('\n');
    }
    byte[] good = file.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[good.length + 2];
    System.arraycopy(good, 0, bad, 0, good.length);
    bad[good.length] = (byte) 0xC3;
    bad[good.length + 1] = (byte) 0x28;

    ImportFormatException error = errorReading(new ByteArrayInputStream(bad));

    assertThat(error).hasMessage("Line 304: the line is not valid UTF-8");
  }

  @Test
  void overlongLineIsRefusedWithoutReadingItAll() {
    InputStream endless = new InputStream() {
      private final byte[] start = (header() + "{\"Section\":\"Twins\"}\n{\"$dtId\":\"").getBytes(StandardCharsets.UTF_8);
      private int position;

      @Override
      public int read() {
        return position < start.length ? start[position++] : 'x';
      }
    };

    ImportFormatException error = errorReading(endless);

    assertThat(error).hasMessage("Line 4: the line is longer than " + ImportFileReader.MAX_LINE_LENGTH + " characters");
  }

  @Test
  void readerStaysFailedAfterAnError() {
    String file = header() + "{\"Section\":\"Twins\"}\nnot json\n" + TWIN + "\n";

    try (ImportFileReader reader = ImportFileReader.open(new StringReader(file))) {
      ImportFormatException first = catchThrowableOfType(ImportFormatException.class, reader::hasNext);

      assertThatThrownBy(reader::next).isSameAs(first);
      assertThatThrownBy(reader::hasNext).isSameAs(first);
    }
  }

  @Test
  void readerStaysFailedAfterAnErrorAtTheEnd() {
    try (ImportFileReader reader = ImportFileReader.open(new StringReader("{\"Section\":\"Header\"}\n"))) {
      ImportFormatException first = catchThrowableOfType(ImportFormatException.class, reader::hasNext);

      assertThat(first).hasMessage("Line 2: the file ends before the header object");
      assertThatThrownBy(reader::hasNext).isSameAs(first);
      assertThatThrownBy(reader::header).isSameAs(first);
    }
  }

  @Test
  void closeClosesTheSourceAndEndsReading() {
    boolean[] closed = {false};
    InputStream source = new ByteArrayInputStream(DOCUMENTED_FILE.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public void close() throws IOException {
        closed[0] = true;
        super.close();
      }
    };
    ImportFileReader reader = ImportFileReader.open(source);

    reader.close();

    assertThat(closed[0]).isTrue();
    assertThatThrownBy(reader::hasNext).isInstanceOf(IllegalStateException.class).hasMessage("The reader is closed");
  }

  static String header() {
    return "{\"Section\":\"Header\"}\n{\"fileVersion\":\"1.0.0\",\"author\":\"test\",\"organization\":\"contoso\"}\n";
  }

  private static InputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<ImportEntry> drain(ImportFileReader reader) {
    List<ImportEntry> entries = new ArrayList<>();
    try (reader) {
      reader.forEachRemaining(entries::add);
    }
    return entries;
  }

  private static ImportFormatException errorReading(String file) {
    return errorReading(utf8(file));
  }

  private static ImportFormatException errorReading(InputStream file) {
    ImportFormatException error = catchThrowableOfType(ImportFormatException.class,
        () -> drain(ImportFileReader.open(file)));
    assertThat(error).as("an ImportFormatException").isNotNull();
    return error;
  }
}
