package io.twinsdk.core.dtdl;

/** A command payload is the named, typed input or output of a command. */
public final class DtdlCommandPayload extends DtdlElement {

  private final String name;
  private final DtdlSchema schema;

  DtdlCommandPayload(ElementInfo info, String name, DtdlSchema schema) {
    super(info);
    this.name = name;
    this.schema = schema;
  }

  /** Returns the programming name of the payload. */
  public String name() {
    return name;
  }

  /** Returns the schema of the payload. */
  public DtdlSchema schema() {
    return schema;
  }
}
