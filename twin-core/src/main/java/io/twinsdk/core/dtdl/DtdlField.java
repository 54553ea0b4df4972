package io.twinsdk.core.dtdl;

/** A field is a named, typed member of an {@link ObjectSchema}. */
public final class DtdlField extends DtdlElement {

  private final String name;
  private final DtdlSchema schema;

  DtdlField(ElementInfo info, String name, DtdlSchema schema) {
    super(info);
    this.name = name;
    this.schema = schema;
  }

  /** Returns the field's name, which is its key in the JSON object. */
  public String name() {
    return name;
  }

  /** Returns the schema of the field's value. */
  public DtdlSchema schema() {
    return schema;
  }
}
