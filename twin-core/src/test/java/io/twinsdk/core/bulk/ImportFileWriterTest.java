package io.twinsdk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.digitaltwin.BasicDigitalTwin;
import io.twinsdk.core.digitaltwin.BasicRelationship;
import io.twinsdk.core.internal.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportFileWriterTest {

  private static final JsonNode HEADER = Json.parse("{\"fileVersion\":\"1.0.0\",\"author\":\"test\"}");
  private static final JsonNode MODEL = Json.parse("{\"@id\":\"dtmi:example:Room;1\",\"@type\":\"Interface\","
      + "\"@context\":\"dtmi:dtdl:context;3\"}");

  @Test
  void writesSectionsInOrderOneCompactObjectPerLine() {
    StringWriter out = new StringWriter();

    try (ImportFileWriter writer = ImportFileWriter.open(out, HEADER)) {
      writer.writeModel(MODEL);
      writer.writeTwin(Json.parse("{\"$dtId\": \"room1\", \"$metadata\": {\"$model\": \"dtmi:example:Room;1\"},"
          + " \"Temperature\": 70.50}"));
      writer.writeTwin(BasicDigitalTwin.builder("room2").model("dtmi:example:Room;1").property("Temperature", 71)
          .build());
      writer.writeRelationship(Json.parse("{\"$dtId\":\"room1\",\"$relationshipId\":\"r1\",\"$targetId\":\"room2\","
          + "\"$relationshipName\":\"adjacentTo\"}"));
    }

    assertThat(out.toString()).isEqualTo(String.join("\n",
        "{\"Section\":\"Header\"}",
        "{\"fileVersion\":\"1.0.0\",\"author\":\"test\"}",
        "{\"Section\":\"Models\"}",
        "{\"@id\":\"dtmi:example:Room;1\",\"@type\":\"Interface\",\"@context\":\"dtmi:dtdl:context;3\"}",
        "{\"Section\":\"Twins\"}",
        "{\"$dtId\":\"room1\",\"$metadata\":{\"$model\":\"dtmi:example:Room;1\"},\"Temperature\":70.50}",
        "{\"$dtId\":\"room2\",\"Temperature\":71,\"$metadata\":{\"$model\":\"dtmi:example:Room;1\"}}",
        "{\"Section\":\"Relationships\"}",
        "{\"$dtId\":\"room1\",\"$relationshipId\":\"r1\",\"$targetId\":\"room2\",\"$relationshipName\":\"adjacentTo\"}",
        ""));
  }

  @Test
  void relationshipIsWrittenInTheImportFormWithoutItsEtag() {
    StringWriter out = new StringWriter();
    BasicRelationship relationship = BasicRelationship.builder()
        .id("r1").etag("W/\"e\"").sourceId("floor1").name("contains").targetId("room1")
        .property("isAccessRestricted", true)
        .build();

    try (ImportFileWriter writer = ImportFileWriter.open(out, HEADER)) {
      writer.writeRelationship(relationship);
    }

    assertThat(out.toString()).endsWith("{\"Section\":\"Relationships\"}\n"
        + "{\"$dtId\":\"floor1\",\"$relationshipId\":\"r1\",\"$targetId\":\"room1\","
        + "\"$relationshipName\":\"contains\",\"isAccessRestricted\":true}\n");
  }

  @Test
  void roundTripsThroughTheReader() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BasicDigitalTwin twin = BasicDigitalTwin.builder("room1").model("dtmi:example:Room;1")
        .property("Temperature", Json.parse("70.0")).property("Name", "Ünïcødé ☃").build();
    BasicRelationship relationship = BasicRelationship.builder()
        .id("r1").sourceId("room1").name("adjacentTo").targetId("room2").property("weight", 0.25).build();

    try (ImportFileWriter writer = ImportFileWriter.open(bytes, HEADER)) {
      writer.writeModel(MODEL);
      writer.writeTwin(twin);
      writer.writeRelationship(relationship);
    }
    List<ImportEntry> entries = new ArrayList<>();
    JsonNode header;
    try (ImportFileReader reader = ImportFileReader.open(new ByteArrayInputStream(bytes.toByteArray()))) {
      header = reader.header();
      reader.forEachRemaining(entries::add);
    }

    assertThat(header).isEqualTo(HEADER);
    assertThat(entries).hasSize(3);
    assertThat(entries.get(0).value()).isEqualTo(MODEL);
    assertThat(entries.get(1).toTwin()).isEqualTo(twin);
    assertThat(Json.write(entries.get(1).toTwin())).isEqualTo(Json.write(twin));
    assertThat(entries.get(2).toRelationship()).isEqualTo(relationship);
    assertThat(bytes.toByteArray()[0]).as("no byte-order mark").isEqualTo((byte) '{');
  }

  @Test
  void earlierSectionAfterALaterOneIsRefused() {
    try (ImportFileWriter writer = ImportFileWriter.open(new StringWriter(), HEADER)) {
      writer.writeTwin(Json.parse("{\"$dtId\":\"t\",\"$metadata\":{\"$model\":\"m\"}}"));

      assertThatThrownBy(() -> writer.writeModel(MODEL))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("Cannot write to section Models after section Twins has started; "
              + "sections must come in the order Header, Models, Twins, Relationships");
    }
  }

  @Test
  void itemsAreCheckedWithTheReadersRules() {
    StringWriter out = new StringWriter();
    try (ImportFileWriter writer = ImportFileWriter.open(out, HEADER)) {
      assertThatThrownBy(() -> writer.writeModel(Json.parse("{\"@type\":\"Interface\"}")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a model needs a non-empty string \"@id\"");
      assertThatThrownBy(() -> writer.writeTwin(BasicDigitalTwin.builder().model("m").build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a twin needs a non-empty string \"$dtId\"");
      assertThatThrownBy(() -> writer.writeTwin(BasicDigitalTwin.builder("t").build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a twin's $metadata needs a non-empty string \"$model\"");
      assertThatThrownBy(() -> writer.writeRelationship(
          BasicRelationship.builder().id("r").name("n").targetId("t").build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("an import file's relationship needs a source id");
    }

    assertThat(out.toString()).doesNotContain("Models", "Twins", "Relationships");
  }

  @Test
  void headerMustBeAnObject() {
    assertThatThrownBy(() -> ImportFileWriter.open(new StringWriter(), Json.parse("[]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the header must be a JSON object, found array");
  }

  @Test
  void closedWriterRefusesWrites() {
    ImportFileWriter writer = ImportFileWriter.open(new StringWriter(), HEADER);

    writer.close();
    writer.close();

    assertThatThrownBy(() -> writer.writeModel(MODEL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The writer is closed");
  }
}
