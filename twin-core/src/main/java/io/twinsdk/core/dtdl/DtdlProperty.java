package io.twinsdk.core.dtdl;

/** A property is the state of a digital twin (or of a relationship), with a schema for its value. */
public final class DtdlProperty extends DtdlContent {

  private final DtdlSchema schema;
  private final boolean writable;

  DtdlProperty(ElementInfo info, String name, Dtmi definedIn, DtdlSchema schema, boolean writable) {
    super(info, name, definedIn);
    this.schema = schema;
    this.writable = writable;
  }

  @Override
  public ContentKind kind() {
    return ContentKind.PROPERTY;
  }

  /** Returns the schema of the property's value. */
  public DtdlSchema schema() {
    return schema;
  }

  /** Returns whether the model marks the property writable (Azure Digital Twins treats every property as writable). */
  public boolean writable() {
    return writable;
  }
}
