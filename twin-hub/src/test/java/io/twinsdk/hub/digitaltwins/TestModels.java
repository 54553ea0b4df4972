package io.twinsdk.hub.digitaltwins;

/**
 * DTDL models for the Digital Twins integration tests, each id made unique by a number so that tests sharing one hub
 * do not collide: a Wifi Interface (v2), a Room (v2) with a wifi Component and a {@code contains} relationship to
 * rooms, and a Floor (v3) with a {@code contains} relationship to rooms carrying a property.
 */
final class TestModels {

  private TestModels() {}

  static String wifiId(int n) {
    return "dtmi:test:Wifi;" + n;
  }

  static String roomId(int n) {
    return "dtmi:test:Room;" + n;
  }

  static String floorId(int n) {
    return "dtmi:test:Floor;" + n;
  }

  static String wifi(int n) {
    return """
        {"@id":"%s","@type":"Interface","@context":"dtmi:dtdl:context;2","displayName":"Wifi",
         "contents":[{"@type":"Property","name":"RouterName","schema":"string"},
                     {"@type":"Property","name":"Network","schema":"string"}]}""".formatted(wifiId(n));
  }

  static String room(int n) {
    return """
        {"@id":"%s","@type":"Interface","@context":["dtmi:dtdl:context;2"],
         "displayName":{"en":"Room"},"description":"A room",
         "contents":[{"@type":"Property","name":"Temperature","schema":"double"},
                     {"@type":"Property","name":"Humidity","schema":"double"},
                     {"@type":"Property","name":"IsOccupied","schema":"boolean"},
                     {"@type":"Property","name":"EmployeeId","schema":"string"},
                     {"@type":"Property","name":"Location","schema":{"@type":"Object","fields":[
                        {"name":"x","schema":"integer"},{"name":"y","schema":"integer"}]}},
                     {"@type":"Telemetry","name":"Alarm","schema":"string"},
                     {"@type":"Component","name":"wifi","schema":"%s"},
                     {"@type":"Relationship","name":"adjacentTo","target":"%s"}]}"""
        .formatted(roomId(n), wifiId(n), roomId(n));
  }

  static String floor(int n) {
    return """
        {"@id":"%s","@type":"Interface","@context":"dtmi:dtdl:context;3",
         "contents":[{"@type":"Property","name":"Level","schema":"integer"},
                     {"@type":"Relationship","name":"contains","target":"%s",
                      "properties":[{"@type":"Property","name":"isAccessRestricted","schema":"boolean"}]}]}"""
        .formatted(floorId(n), roomId(n));
  }

  /** The three models as one upload batch, dependencies first. */
  static String batch(int n) {
    return "[" + wifi(n) + "," + room(n) + "," + floor(n) + "]";
  }
}
