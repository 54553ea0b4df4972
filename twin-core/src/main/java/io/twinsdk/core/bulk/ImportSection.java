package io.twinsdk.core.bulk;

/** A section of an import file; sections that are present appear in the order of this enum's constants. */
public enum ImportSection {

  /** The header: exactly one object, such as {@code {"fileVersion": "1.0.0", "author": "…"}}. */
  HEADER("Header"),

  /** DTDL models, one interface object per line. */
  MODELS("Models"),

  /** Twins, one per line, each with {@code $dtId} and {@code $metadata.$model}. */
  TWINS("Twins"),

  /** Relationships, one per line; {@code $dtId} names the source twin. */
  RELATIONSHIPS("Relationships");

  private final String sectionName;

  ImportSection(String sectionName) {
    this.sectionName = sectionName;
  }

  /** Returns the name a marker line uses, spelled as in the service's documentation, such as {@code Twins}. */
  public String sectionName() {
    return sectionName;
  }

  /** Returns the section called {@code name}, ignoring case, or {@code null} if there is none. */
  static ImportSection named(String name) {
    for (ImportSection section : values()) {
      if (section.sectionName.equalsIgnoreCase(name)) {
        return section;
      }
    }
    return null;
  }
}
