package io.twinsdk.core.dtdl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwinValidatorTest {

  private static final Dtmi ROOM = Dtmi.parse("dtmi:ex:Room;1");
  private static final Dtmi DEVICE = Dtmi.parse("dtmi:ex:Device;1");
  private static final Dtmi SMART_DEVICE = Dtmi.parse("dtmi:ex:SmartDevice;1");

  private static final ModelSet MODELS = DtdlParser.create().parse("""
      [{"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:Space;1", "@type": "Interface",
        "contents": [{"@type": "Property", "name": "name", "schema": "string"}]},
       {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:Wifi;1", "@type": "Interface",
        "contents": [{"@type": "Property", "name": "ssid", "schema": "string"},
                     {"@type": "Property", "name": "channel", "schema": "integer"}]},
       {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:Device;1", "@type": "Interface"},
       {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:SmartDevice;1", "@type": "Interface",
        "extends": "dtmi:ex:Device;1"},
       {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:Room;1", "@type": "Interface",
        "extends": "dtmi:ex:Space;1",
        "contents": [
          {"@type": "Property", "name": "Temperature", "schema": "double"},
          {"@type": "Property", "name": "Humidity", "schema": "integer"},
          {"@type": "Property", "name": "Counter", "schema": "long"},
          {"@type": "Property", "name": "Ratio", "schema": "float"},
          {"@type": "Property", "name": "IsOccupied", "schema": "boolean"},
          {"@type": "Property", "name": "Installed", "schema": "date"},
          {"@type": "Property", "name": "LastSeen", "schema": "dateTime"},
          {"@type": "Property", "name": "OpensAt", "schema": "time"},
          {"@type": "Property", "name": "Interval", "schema": "duration"},
          {"@type": "Property", "name": "Mode", "schema": {"@type": "Enum", "valueSchema": "string",
            "enumValues": [{"name": "eco", "enumValue": "eco"}, {"name": "comfort", "enumValue": "comfort"}]}},
          {"@type": "Property", "name": "Level", "schema": {"@type": "Enum", "valueSchema": "integer",
            "enumValues": [{"name": "low", "enumValue": 1}, {"name": "high", "enumValue": 2}]}},
          {"@type": "Property", "name": "Address", "schema": {"@type": "Object", "fields": [
            {"name": "street", "schema": "string"}, {"name": "number", "schema": "integer"}]}},
          {"@type": "Property", "name": "Tags", "schema": {"@type": "Map",
            "mapKey": {"name": "tag", "schema": "string"}, "mapValue": {"name": "value", "schema": "string"}}},
          {"@type": "Property", "name": "Readings", "schema": {"@type": "Array", "elementSchema": "double"}},
          {"@type": "Property", "name": "Location", "schema": "point"},
          {"@type": "Telemetry", "name": "temperature", "schema": "double"},
          {"@type": "Command", "name": "reboot"},
          {"@type": "Relationship", "name": "hosts", "target": "dtmi:ex:Device;1",
           "properties": [{"@type": "Property", "name": "since", "schema": "dateTime"}]},
          {"@type": "Relationship", "name": "near"},
          {"@type": "Component", "name": "wifi", "schema": "dtmi:ex:Wifi;1"}]}]""");

  private static final TwinValidator VALIDATOR = TwinValidator.of(MODELS);

  private static ObjectNode twin(String members) {
    return (ObjectNode) Json.parse("""
        {"$dtId": "room1", "$etag": "W/\\"1\\"",
         "$metadata": {"$model": "dtmi:ex:Room;1"},
         "wifi": {"$metadata": {}}""" + (members.isEmpty() ? "" : ", " + members) + "}");
  }

  private static List<String> errors(JsonNode twin) {
    return VALIDATOR.validateTwin(twin).stream().map(ValidationError::toString).toList();
  }

  @Test
  void aConformingTwinHasNoErrors() {
    ObjectNode twin = (ObjectNode) Json.parse("""
        {"$dtId": "room1", "$etag": "W/\\"a2959dfc\\"",
         "name": "Conference room", "Temperature": 21.5, "Humidity": 40, "Counter": 9007199254740993,
         "Ratio": 0.5, "IsOccupied": true, "Installed": "2024-02-29", "LastSeen": "2024-02-29T12:00:00.1234567Z",
         "OpensAt": "08:30:00", "Interval": "PT15M", "Mode": "eco", "Level": 2,
         "Address": {"street": "Main"}, "Tags": {"floor": "1"}, "Readings": [1, 2.5],
         "Location": {"type": "Point", "coordinates": [47.64, -122.13]},
         "wifi": {"ssid": "guest", "$metadata": {"$lastUpdateTime": "2024-01-01T00:00:00Z",
                                                 "ssid": {"lastUpdateTime": "2024-01-01T00:00:00Z"}}},
         "$metadata": {"$model": "dtmi:ex:Room;1", "$lastUpdateTime": "2024-01-01T00:00:00+01:00",
                       "Temperature": {"lastUpdateTime": "2024-01-01T00:00:00Z",
                                       "sourceTime": "2022-05-31T12:00:01.000125009Z"},
                       "name": {"lastUpdateTime": "2024-01-01T00:00:00Z", "sourceTime": null}}}""");

    assertThat(VALIDATOR.validateTwin(twin)).isEmpty();
  }

  @Test
  void aWrongTypeNamesThePointerTheSchemaAndTheValue() {
    assertThat(errors(twin("\"Temperature\": \"hot\"")))
        .containsExactly("/Temperature: expected a number (double) but got the string \"hot\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"Humidity\": 40.5 | /Humidity: expected an integer (32-bit) but got the number 40.5",
      "\"Humidity\": 3000000000 | /Humidity: expected an integer (32-bit) but got the number 3000000000, which is out"
          + " of range",
      "\"Counter\": 9223372036854775808 | /Counter: expected an integer (64-bit) but got the number"
          + " 9223372036854775808, which is out of range",
      "\"Ratio\": 1e39 | /Ratio: expected a number (float) but got the number 1E+39, which is out of range",
      "\"IsOccupied\": \"yes\" | /IsOccupied: expected a boolean but got the string \"yes\"",
      "\"name\": 5 | /name: expected a string but got the number 5",
      "\"Installed\": \"2023-02-29\" | /Installed: expected a date string (YYYY-MM-DD) but got the string"
          + " \"2023-02-29\"",
      "\"LastSeen\": \"2024-01-01T12:00:00\" | /LastSeen: expected a date-time string (RFC 3339, e.g."
          + " 2024-02-29T12:00:00Z) but got the string \"2024-01-01T12:00:00\"",
      "\"OpensAt\": \"25:00:00\" | /OpensAt: expected a time string (HH:MM:SS) but got the string \"25:00:00\"",
      "\"Interval\": \"15 minutes\" | /Interval: expected a duration string (ISO 8601, e.g. PT15M) but got the"
          + " string \"15 minutes\"",
      "\"Mode\": \"turbo\" | /Mode: expected one of the enum values \"eco\" (eco), \"comfort\" (comfort) but got the"
          + " string \"turbo\"",
      "\"Level\": 3 | /Level: expected one of the enum values 1 (low), 2 (high) but got the number 3",
      "\"Address\": [] | /Address: expected an object with fields [street, number] but got an array",
      "\"Address\": {\"number\": \"7\"} | /Address/number: expected an integer (32-bit) but got the string \"7\"",
      "\"Address\": {\"zip\": \"1\"} | /Address/zip: zip is not a field of the object; its fields are [street, number]",
      "\"Tags\": {\"floor\": 1} | /Tags/floor: expected a string but got the number 1",
      "\"Tags\": \"floor\" | /Tags: expected an object (a map from tag to value) but got the string \"floor\"",
      "\"Readings\": [1, \"x\"] | /Readings/1: expected a number (double) but got the string \"x\"",
      "\"Readings\": 1 | /Readings: expected an array but got the number 1",
      "\"Location\": {\"type\": \"Point\", \"coordinates\": [1]} | /Location: expected a GeoJSON Point but got an"
          + " object: its \"coordinates\" do not form a Point",
      "\"Location\": {\"type\": \"Polygon\", \"coordinates\": []} | /Location: expected a GeoJSON Point but got an"
          + " object: its \"type\" must be \"Point\"",
      "\"Temperature\": null | /Temperature: expected a number (double) but got null",
  })
  void eachSchemaKindIsChecked(String member, String error) {
    assertThat(errors(twin(member))).containsExactly(error);
  }

  @Test
  void integralDecimalsAreIntegersAndLongsKeepFullPrecision() {
    assertThat(errors(twin("\"Humidity\": 40.0, \"Counter\": -9223372036854775808"))).isEmpty();
  }

  @Test
  void telemetryAndCommandsAreNotProperties() {
    assertThat(errors(twin("\"temperature\": 20, \"reboot\": true, \"hosts\": \"x\""))).containsExactly(
        "/temperature: temperature is not a property - it is a Telemetry.",
        "/reboot: reboot is not a property - it is a Command.",
        "/hosts: hosts is not a property - it is a Relationship.");
  }

  @Test
  void undeclaredPropertiesAndSystemMembersAreRejected() {
    assertThat(errors(twin("\"Colour\": \"red\", \"$relationships\": {}"))).containsExactly(
        "/Colour: Colour is not a property or component of model dtmi:ex:Room;1",
        "/$relationships: $relationships is not a system property of a digital twin; a twin may have $dtId, $etag"
            + " and $metadata");
  }

  @Test
  void inheritedPropertiesAreAccepted() {
    assertThat(errors(twin("\"name\": \"Lobby\""))).isEmpty();
  }

  @Test
  void everyComponentMustBePresentWithItsMetadata() {
    ObjectNode withoutComponent = twin("");
    withoutComponent.remove("wifi");

    assertThat(errors(withoutComponent)).containsExactly("/wifi: component wifi (dtmi:ex:Wifi;1) is missing; every"
        + " component of the model must be present, at least as {\"$metadata\": {}}");
    assertThat(errors(twin("").put("wifi", 1))).containsExactly(
        "/wifi: component wifi must be an object with its properties and $metadata, not the number 1");
    assertThat(errors(twin("").set("wifi", Json.parse("{\"ssid\": \"x\"}")))).containsExactly(
        "/wifi/$metadata: component wifi needs a $metadata object (it may be empty)");
  }

  @Test
  void componentContentsAreValidatedAgainstTheComponentInterface() {
    JsonNode wifi = Json.parse("""
        {"$metadata": {"channel": {"lastUpdateTime": "yesterday"}},
         "channel": "six", "Temperature": 1, "$etag": "x"}""");

    assertThat(errors(twin("").set("wifi", wifi))).containsExactly(
        "/wifi/$metadata/channel/lastUpdateTime: expected a date-time string (RFC 3339, e.g. 2024-02-29T12:00:00Z) but"
            + " got the string \"yesterday\"",
        "/wifi/channel: expected an integer (32-bit) but got the string \"six\"",
        "/wifi/Temperature: Temperature is not a property of model dtmi:ex:Wifi;1",
        "/wifi/$etag: $etag is not allowed in a component; a component may have $metadata");
  }

  @Test
  void theModelMustBeGivenAndKnown() {
    ObjectNode noMetadata = twin("");
    noMetadata.remove("$metadata");
    ObjectNode unknownModel = twin("");
    ((ObjectNode) unknownModel.get("$metadata")).put("$model", "dtmi:ex:Unknown;1");
    ObjectNode badModel = twin("");
    ((ObjectNode) badModel.get("$metadata")).put("$model", "Room");

    assertThat(errors(noMetadata)).containsExactly(
        "/$metadata: $metadata is required: an object whose $model names the twin's model");
    assertThat(errors(unknownModel)).containsExactly(
        "/$metadata/$model: model dtmi:ex:Unknown;1 is not defined; upload it first");
    assertThat(errors(badModel)).containsExactly(
        "/$metadata/$model: \"Room\" is not a valid DTMI: it must start with \"dtmi:\"");
    assertThat(errors(Json.parse("[]"))).containsExactly("/: a digital twin must be a JSON object, not an array");
  }

  @Test
  void metadataMayOnlyDescribeDeclaredProperties() {
    ObjectNode twin = twin("");
    ((ObjectNode) twin.get("$metadata")).set("Colour", Json.parse("{\"lastUpdateTime\": \"2024-01-01T00:00:00Z\"}"));
    ((ObjectNode) twin.get("$metadata")).set("Temperature", Json.parse("{\"desiredValue\": 1}"));
    ((ObjectNode) twin.get("$metadata")).put("$etag", "x");

    assertThat(errors(twin)).containsExactly(
        "/$metadata/Colour: Colour is not a property of model dtmi:ex:Room;1, so $metadata cannot describe it",
        "/$metadata/Temperature/desiredValue: desiredValue is not allowed in property metadata; it may have"
            + " lastUpdateTime and sourceTime",
        "/$metadata/$etag: $etag is not allowed in $metadata; it may have $model, $lastUpdateTime and an entry per"
            + " property");
  }

  @Test
  void pointersEscapeSlashesAndTildes() {
    assertThat(errors(twin("\"Tags\": {\"a/b~c\": 1}")))
        .containsExactly("/Tags/a~1b~0c: expected a string but got the number 1");
  }

  @Test
  void aRelationshipMustBeDeclaredOnTheSourceModelIncludingInherited() {
    JsonNode relationship = Json.parse("""
        {"$relationshipId": "r1", "$sourceId": "room1", "$targetId": "dev1", "$relationshipName": "hosts",
         "$etag": "W/\\"1\\"", "since": "2024-01-01T00:00:00Z"}""");

    assertThat(VALIDATOR.validateRelationship(relationship, ROOM, DEVICE)).isEmpty();
    assertThat(VALIDATOR.validateRelationship(relationship, ROOM, SMART_DEVICE)).as("a subtype of the target")
        .isEmpty();
    assertThat(VALIDATOR.validateRelationship(relationship, ROOM, null)).isEmpty();
  }

  @Test
  void aRelationshipTargetMustBeOfTheDeclaredModel() {
    JsonNode relationship = Json.parse("{\"$targetId\": \"room2\", \"$relationshipName\": \"hosts\"}");

    assertThat(VALIDATOR.validateRelationship(relationship, ROOM, ROOM)).map(ValidationError::toString)
        .containsExactly("/$targetId: relationship hosts of model dtmi:ex:Room;1 must target a twin of model"
            + " dtmi:ex:Device;1, but the target twin's model dtmi:ex:Room;1 is not that model and does not extend it");
    assertThat(VALIDATOR.validateRelationship(Json.parse("{\"$relationshipName\": \"near\"}"), ROOM, ROOM))
        .as("a relationship without target accepts any twin").isEmpty();
  }

  @Test
  void aRelationshipNameMustNameARelationship() {
    assertThat(VALIDATOR.validateRelationship(Json.parse("{\"$relationshipName\": \"contains\"}"), ROOM, DEVICE))
        .map(ValidationError::toString)
        .containsExactly("/$relationshipName: relationship contains is not defined in model dtmi:ex:Room;1");
    assertThat(VALIDATOR.validateRelationship(Json.parse("{\"$relationshipName\": \"name\"}"), ROOM, DEVICE))
        .map(ValidationError::toString).containsExactly(
            "/$relationshipName: name is not a relationship - it is a Property of model dtmi:ex:Room;1");
    assertThat(VALIDATOR.validateRelationship(Json.parse("{}"), ROOM, DEVICE)).map(ValidationError::toString)
        .containsExactly("/$relationshipName: $relationshipName is required and must be a string");
    assertThat(VALIDATOR.validateRelationship(Json.parse("{\"$relationshipName\": \"hosts\"}"), DEVICE.withoutVersion(),
        DEVICE)).map(ValidationError::toString).containsExactly("/: model dtmi:ex:Device of the source twin is not"
            + " defined");
  }

  @Test
  void relationshipPropertiesAreValidated() {
    JsonNode relationship = Json.parse("""
        {"$relationshipName": "hosts", "since": "now", "weight": 1, "$colour": "red", "$targetId": 5}""");

    assertThat(VALIDATOR.validateRelationship(relationship, ROOM, DEVICE)).map(ValidationError::toString)
        .containsExactly(
            "/since: expected a date-time string (RFC 3339, e.g. 2024-02-29T12:00:00Z) but got the string \"now\"",
            "/weight: weight is not a property of relationship hosts of model dtmi:ex:Room;1",
            "/$colour: $colour is not a system property of a relationship; a relationship may have $relationshipId,"
                + " $sourceId, $targetId, $relationshipName, $etag",
            "/$targetId: $targetId must be a string, not the number 5");
  }

  @Test
  void aValidatorKeepsItsModels() {
    assertThat(VALIDATOR.models()).isSameAs(MODELS);
  }
}
