package io.twinsdk.core.dtdl.internal;

/**
 * The DTDL classes an element can have, with the language versions that define them. Class IRIs have the form
 * {@code dtmi:dtdl:class:<Term>;<version>}.
 */
public enum ElementClass {
  INTERFACE("Interface", 2, 3),
  TELEMETRY("Telemetry", 2, 3),
  PROPERTY("Property", 2, 3),
  COMMAND("Command", 2, 3),
  RELATIONSHIP("Relationship", 2, 3),
  COMPONENT("Component", 2, 3),
  COMMAND_PAYLOAD("CommandPayload", 2, 2),
  COMMAND_REQUEST("CommandRequest", 3, 3),
  COMMAND_RESPONSE("CommandResponse", 3, 3),
  ARRAY("Array", 2, 3),
  ENUM("Enum", 2, 3),
  ENUM_VALUE("EnumValue", 2, 3),
  MAP("Map", 2, 3),
  MAP_KEY("MapKey", 2, 3),
  MAP_VALUE("MapValue", 2, 3),
  OBJECT("Object", 2, 3),
  FIELD("Field", 2, 3);

  private static final String IRI_PREFIX = "dtmi:dtdl:class:";

  private final String term;
  private final int firstVersion;
  private final int lastVersion;

  ElementClass(String term, int firstVersion, int lastVersion) {
    this.term = term;
    this.firstVersion = firstVersion;
    this.lastVersion = lastVersion;
  }

  /** Returns the DTDL term, e.g. {@code "Telemetry"}. */
  public String term() {
    return term;
  }

  /** Returns whether the class exists in DTDL {@code version}. */
  public boolean existsIn(int version) {
    return version >= firstVersion && version <= lastVersion;
  }

  /** Returns whether this is one of the complex schema classes (Array, Enum, Map, Object). */
  public boolean isComplexSchema() {
    return this == ARRAY || this == ENUM || this == MAP || this == OBJECT;
  }

  /** Returns the class named by a term or class IRI in DTDL {@code version}, or {@code null}. */
  public static ElementClass named(String termOrIri, int version) {
    for (ElementClass c : values()) {
      if (c.existsIn(version) && (c.term.equals(termOrIri) || termOrIri.equals(IRI_PREFIX + c.term + ";" + version))) {
        return c;
      }
    }
    return null;
  }
}
