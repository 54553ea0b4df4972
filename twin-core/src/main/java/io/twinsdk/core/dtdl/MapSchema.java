package io.twinsdk.core.dtdl;

/** A map schema describes a JSON object whose keys are free-form strings and whose values share one schema. */
public final class MapSchema extends DtdlSchema {

  private final String keyName;
  private final String valueName;
  private final DtdlSchema valueSchema;

  MapSchema(ElementInfo info, String keyName, String valueName, DtdlSchema valueSchema) {
    super(info);
    this.keyName = keyName;
    this.valueName = valueName;
    this.valueSchema = valueSchema;
  }

  /** Returns the programming name given to the keys (metadata only; not serialized). */
  public String keyName() {
    return keyName;
  }

  /** Returns the programming name given to the values (metadata only; not serialized). */
  public String valueName() {
    return valueName;
  }

  /** Returns the schema of every value. */
  public DtdlSchema valueSchema() {
    return valueSchema;
  }

  @Override
  int depth() {
    return 1 + valueSchema.depth();
  }

  @Override
  boolean containsArray() {
    return valueSchema.containsArray();
  }

  @Override
  public String toString() {
    return "Map<string, " + valueSchema + ">";
  }
}
