package io.twinsdk.core.dtdl;

/** An array schema describes a JSON array whose elements all have one schema. */
public final class ArraySchema extends DtdlSchema {

  private final DtdlSchema elementSchema;

  ArraySchema(ElementInfo info, DtdlSchema elementSchema) {
    super(info);
    this.elementSchema = elementSchema;
  }

  /** Returns the schema of every element. */
  public DtdlSchema elementSchema() {
    return elementSchema;
  }

  @Override
  int depth() {
    return 1 + elementSchema.depth();
  }

  @Override
  boolean containsArray() {
    return true;
  }

  @Override
  public String toString() {
    return "Array<" + elementSchema + ">";
  }
}
