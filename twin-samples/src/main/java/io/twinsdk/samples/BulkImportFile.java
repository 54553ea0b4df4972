package io.twinsdk.samples;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.bulk.ImportFileWriter;
import io.twinsdk.core.digitaltwin.BasicDigitalTwin;
import io.twinsdk.core.digitaltwin.BasicRelationship;
import java.io.OutputStream;

/**
 * The bulk-import sample's NDJSON file: the two bulk models, {@value #FLOORS} floors and their sensors (1,000 twins
 * in all), and one {@code hasSensor} relationship from each floor to each of its sensors.
 */
final class BulkImportFile {

  static final int FLOORS = 10;
  static final int SENSORS_PER_FLOOR = 99;
  static final int TWINS = FLOORS * (1 + SENSORS_PER_FLOOR);
  static final int RELATIONSHIPS = FLOORS * SENSORS_PER_FLOOR;

  private BulkImportFile() {}

  /** The id of floor {@code f} (from 1). */
  static String floorId(int f) {
    return "bulk-floor-" + f;
  }

  /** Writes the whole file to {@code target}, which it closes. */
  static void write(OutputStream target) {
    ObjectNode header = JsonNodeFactory.instance.objectNode()
        .put("fileVersion", "1.0.0")
        .put("author", "twin-samples")
        .put("organization", "Twin SDK for Java");
    // [START write-import-file]
    try (ImportFileWriter writer = ImportFileWriter.open(target, header)) {
      SampleModels.bulkModels().forEach(writer::writeModel);
      for (int f = 1; f <= FLOORS; f++) {
        writer.writeTwin(BasicDigitalTwin.builder(floorId(f)).model(SampleModels.BULK_FLOOR)
            .property("Level", f).build());
        for (int s = 1; s <= SENSORS_PER_FLOOR; s++) {
          writer.writeTwin(BasicDigitalTwin.builder(sensorId(f, s)).model(SampleModels.BULK_SENSOR)
              .property("Temperature", 20.0 + s % 5).build());
        }
      }
      for (int f = 1; f <= FLOORS; f++) {
        for (int s = 1; s <= SENSORS_PER_FLOOR; s++) {
          writer.writeRelationship(BasicRelationship.builder().sourceId(floorId(f)).id("has-" + sensorId(f, s))
              .name("hasSensor").targetId(sensorId(f, s)).build());
        }
      }
    }
    // [END write-import-file]
  }

  private static String sensorId(int floor, int sensor) {
    return "bulk-sensor-" + floor + "-" + sensor;
  }
}
