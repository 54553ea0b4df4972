package io.twinsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsdk.core.bulk.ImportEntry;
import io.twinsdk.core.bulk.ImportFileReader;
import io.twinsdk.core.bulk.ImportSection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkImportFileTest {

  @Test
  void fileHoldsTwoModelsAThousandTwinsAndTheirRelationships() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    BulkImportFile.write(bytes);

    Map<ImportSection, Integer> counts = new EnumMap<>(ImportSection.class);
    try (ImportFileReader reader = ImportFileReader.open(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(reader.header().get("fileVersion").asText()).isEqualTo("1.0.0");
      while (reader.hasNext()) {
        ImportEntry entry = reader.next();
        counts.merge(entry.section(), 1, Integer::sum);
      }
    }
    assertThat(counts).containsEntry(ImportSection.MODELS, 2)
        .containsEntry(ImportSection.TWINS, 1000)
        .containsEntry(ImportSection.RELATIONSHIPS, 990);
  }
}
