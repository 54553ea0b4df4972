package io.twinsdk.core.dtdl;

/** A content kind is the DTDL class of an Interface content. */
public enum ContentKind {
  /** A Property: state of the twin. */
  PROPERTY("Property"),
  /** A Telemetry: data the twin emits; not stored in the twin. */
  TELEMETRY("Telemetry"),
  /** A Command: an operation on the twin. */
  COMMAND("Command"),
  /** A Relationship: a link to another twin. */
  RELATIONSHIP("Relationship"),
  /** A Component: another Interface included by value. */
  COMPONENT("Component");

  private final String term;

  ContentKind(String term) {
    this.term = term;
  }

  /** Returns the DTDL term of the class, e.g. {@code "Telemetry"}. */
  public String term() {
    return term;
  }
}
