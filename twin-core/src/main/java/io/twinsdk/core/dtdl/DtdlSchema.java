package io.twinsdk.core.dtdl;

/**
 * A schema describes the JSON form of a value: a {@link PrimitiveSchema} or one of the complex schemas
 * {@link ArraySchema}, {@link EnumSchema}, {@link MapSchema} and {@link ObjectSchema}.
 */
public abstract class DtdlSchema extends DtdlElement {

  DtdlSchema(ElementInfo info) {
    super(info);
  }

  /** Returns the number of nested complex schemas, counting this one: 0 for a primitive schema. */
  abstract int depth();

  /** Returns whether an Array (or a geospatial schema, which is array-based) occurs anywhere in this schema. */
  abstract boolean containsArray();
}
