package io.twinsdk.core.dtdl;

/**
 * Counts the elements under an Interface content, for the DTDL v3 limit on the size of the contents hierarchy: the
 * content itself, command payloads, relationship properties, complex schemas, enum values, map keys and values, object
 * fields, and the contents of a Component's Interface.
 */
final class ElementCounter {

  private ElementCounter() {}

  static long count(DtdlContent content) {
    switch (content.kind()) {
      case PROPERTY:
        return 1 + count(((DtdlProperty) content).schema());
      case TELEMETRY:
        return 1 + count(((DtdlTelemetry) content).schema());
      case COMMAND:
        DtdlCommand command = (DtdlCommand) content;
        return 1 + command.request().map(p -> 1 + count(p.schema())).orElse(0L)
            + command.response().map(p -> 1 + count(p.schema())).orElse(0L);
      case RELATIONSHIP:
        long total = 1;
        for (DtdlProperty property : ((DtdlRelationship) content).properties().values()) {
          total += count(property);
        }
        return total;
      default:
        long component = 1;
        for (DtdlContent inner : ((DtdlComponent) content).schema().effectiveContents().values()) {
          component += count(inner);
        }
        return component;
    }
  }

  static long count(DtdlSchema schema) {
    if (schema instanceof ArraySchema) {
      return 1 + count(((ArraySchema) schema).elementSchema());
    }
    if (schema instanceof EnumSchema) {
      return 1 + ((EnumSchema) schema).enumValues().size();
    }
    if (schema instanceof MapSchema) {
      return 3 + count(((MapSchema) schema).valueSchema());
    }
    if (schema instanceof ObjectSchema) {
      long total = 1;
      for (DtdlField field : ((ObjectSchema) schema).fields().values()) {
        total += 1 + count(field.schema());
      }
      return total;
    }
    return 0;
  }
}
