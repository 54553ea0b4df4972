package io.twinsdk.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;

/**
 * The DTDL models the digital-twin samples upload: a Room (with a Thermostat component, a Comfort object property
 * and a second version that adds Occupants) and a Floor that contains rooms, plus the Building and Sensor of the
 * bulk import.
 */
final class SampleModels {

  static final String THERMOSTAT = "dtmi:com:example:twinsamples:Thermostat;1";
  static final String ROOM_V1 = "dtmi:com:example:twinsamples:Room;1";
  static final String ROOM_V2 = "dtmi:com:example:twinsamples:Room;2";
  static final String FLOOR = "dtmi:com:example:twinsamples:Floor;1";
  static final String BULK_FLOOR = "dtmi:com:example:twinsamples:bulk:Floor;1";
  static final String BULK_SENSOR = "dtmi:com:example:twinsamples:bulk:Sensor;1";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SampleModels() {}

  /** The Thermostat, the first Room and the Floor, in upload order (a component's model comes first). */
  static List<JsonNode> roomModels() {
    return List.of(thermostat(), room(1, ""), floor());
  }

  /** The Room's second version: the first one plus an {@code Occupants} count. */
  static JsonNode roomVersion2() {
    return room(2, """
        ,
            { "@type": "Property", "name": "Occupants", "schema": "integer" }""");
  }

  /** The bulk import's Floor (with a {@code hasSensor} relationship) and Sensor. */
  static List<JsonNode> bulkModels() {
    return List.of(parse("""
        {
          "@id": "%s",
          "@type": "Interface",
          "@context": "dtmi:dtdl:context;3",
          "displayName": "Bulk floor",
          "contents": [
            { "@type": "Property", "name": "Level", "schema": "integer" },
            { "@type": "Relationship", "name": "hasSensor", "target": "%s" }
          ]
        }""".formatted(BULK_FLOOR, BULK_SENSOR)), parse("""
        {
          "@id": "%s",
          "@type": "Interface",
          "@context": "dtmi:dtdl:context;3",
          "displayName": "Bulk sensor",
          "contents": [
            { "@type": "Property", "name": "Temperature", "schema": "double" }
          ]
        }""".formatted(BULK_SENSOR)));
  }

  private static JsonNode thermostat() {
    return parse("""
        {
          "@id": "%s",
          "@type": "Interface",
          "@context": "dtmi:dtdl:context;3",
          "displayName": "Thermostat",
          "contents": [
            { "@type": "Property", "name": "SetPoint", "schema": "double" },
            { "@type": "Property", "name": "Mode", "schema": "string" }
          ]
        }""".formatted(THERMOSTAT));
  }

  private static JsonNode room(int version, String extraContents) {
    return parse("""
        {
          "@id": "dtmi:com:example:twinsamples:Room;%d",
          "@type": "Interface",
          "@context": "dtmi:dtdl:context;3",
          "displayName": "Room",
          "contents": [
            { "@type": "Property", "name": "Temperature", "schema": "double" },
            { "@type": "Property", "name": "Humidity", "schema": "double" },
            { "@type": "Property", "name": "IsOccupied", "schema": "boolean" },
            { "@type": "Property", "name": "EmployeeId", "schema": "string" },
            {
              "@type": "Property",
              "name": "Comfort",
              "schema": {
                "@type": "Object",
                "fields": [
                  { "name": "Level", "schema": "string" },
                  { "name": "Score", "schema": "integer" }
                ]
              }
            },
            { "@type": "Component", "name": "thermostat", "schema": "%s" }%s
          ]
        }""".formatted(version, THERMOSTAT, extraContents));
  }

  private static JsonNode floor() {
    return parse("""
        {
          "@id": "%s",
          "@type": "Interface",
          "@context": "dtmi:dtdl:context;3",
          "displayName": "Floor",
          "contents": [
            { "@type": "Property", "name": "Name", "schema": "string" },
            { "@type": "Relationship", "name": "contains" }
          ]
        }""".formatted(FLOOR));
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A sample model is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
