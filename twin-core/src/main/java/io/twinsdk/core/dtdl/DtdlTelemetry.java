package io.twinsdk.core.dtdl;

/** A telemetry is data a digital twin emits; it is not part of the twin document. */
public final class DtdlTelemetry extends DtdlContent {

  private final DtdlSchema schema;

  DtdlTelemetry(ElementInfo info, String name, Dtmi definedIn, DtdlSchema schema) {
    super(info, name, definedIn);
    this.schema = schema;
  }

  @Override
  public ContentKind kind() {
    return ContentKind.TELEMETRY;
  }

  /** Returns the schema of the telemetry data. */
  public DtdlSchema schema() {
    return schema;
  }
}
