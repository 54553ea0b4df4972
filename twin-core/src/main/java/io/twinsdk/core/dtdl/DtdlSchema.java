package io.twinsdk.core.dtdl;

/**
 * A schema describes the JSON form of a value: a {@link PrimitiveSchema} or one of the complex schemas
 * {@link ArraySchema}, {@link EnumSchema}, {@link MapSchema} and {@link ObjectSchema}.
 */
public abstract class DtdlSchema extends DtdlElement {

  DtdlSchema(ElementInfo info) {
    super(info);
  }

  /**
   * Returns the largest number of {@code elementSchema} and {@code schema} steps from this schema down to a primitive
   * schema or an Enum, the measure of the DTDL nesting limit: 0 for a primitive schema, an Enum or an Object without
   * fields, 1 for an Array of doubles.
   */
  abstract int depth();

  /** Returns whether an Array (or a geospatial schema, which is array-based) occurs anywhere in this schema. */
  abstract boolean containsArray();
}
