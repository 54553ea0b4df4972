package io.twinsdk.core.dtdl.internal;

/**
 * The DTDL properties an element can have. Each is written either as its term ({@code "schema"}) or as its IRI
 * ({@code dtmi:dtdl:property:schema;<version>}).
 */
public enum Prop {
  COMMENT("comment"),
  DESCRIPTION("description"),
  DISPLAY_NAME("displayName"),
  CONTENTS("contents"),
  EXTENDS("extends"),
  SCHEMAS("schemas"),
  NAME("name"),
  SCHEMA("schema"),
  WRITABLE("writable"),
  UNIT("unit"),
  REQUEST("request"),
  RESPONSE("response"),
  COMMAND_TYPE("commandType"),
  TARGET("target"),
  MIN_MULTIPLICITY("minMultiplicity"),
  MAX_MULTIPLICITY("maxMultiplicity"),
  PROPERTIES("properties"),
  ELEMENT_SCHEMA("elementSchema"),
  ENUM_VALUES("enumValues"),
  VALUE_SCHEMA("valueSchema"),
  ENUM_VALUE("enumValue"),
  MAP_KEY("mapKey"),
  MAP_VALUE("mapValue"),
  FIELDS("fields");

  private static final String IRI_PREFIX = "dtmi:dtdl:property:";

  private final String term;

  Prop(String term) {
    this.term = term;
  }

  /** Returns the DTDL term, e.g. {@code "elementSchema"}. */
  public String term() {
    return term;
  }

  /** Returns the property named by a term or property IRI of DTDL {@code version}, or {@code null}. */
  public static Prop named(String termOrIri, int version) {
    for (Prop p : values()) {
      if (p.term.equals(termOrIri) || termOrIri.equals(IRI_PREFIX + p.term + ";" + version)) {
        return p;
      }
    }
    return null;
  }
}
