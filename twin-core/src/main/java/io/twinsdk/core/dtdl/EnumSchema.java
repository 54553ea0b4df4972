package io.twinsdk.core.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** An enum schema describes a value that is one of a set of named integers or named strings. */
public final class EnumSchema extends DtdlSchema {

  private final PrimitiveSchema valueSchema;
  private final List<DtdlEnumValue> enumValues;

  EnumSchema(ElementInfo info, PrimitiveSchema valueSchema, List<DtdlEnumValue> enumValues) {
    super(info);
    this.valueSchema = valueSchema;
    this.enumValues = Collections.unmodifiableList(enumValues);
  }

  /** Returns {@link PrimitiveSchema#INTEGER} or {@link PrimitiveSchema#STRING}. */
  public PrimitiveSchema valueSchema() {
    return valueSchema;
  }

  /** Returns the labels in declaration order. */
  public List<DtdlEnumValue> enumValues() {
    return enumValues;
  }

  /** Returns the label whose wire value equals {@code value} (numbers compare by value), or empty. */
  public Optional<DtdlEnumValue> valueOf(JsonNode value) {
    for (DtdlEnumValue enumValue : enumValues) {
      JsonNode candidate = enumValue.value();
      boolean same = candidate.isNumber() && value.isNumber()
          ? candidate.decimalValue().compareTo(value.decimalValue()) == 0
          : candidate.equals(value);
      if (same) {
        return Optional.of(enumValue);
      }
    }
    return Optional.empty();
  }

  @Override
  int depth() {
    return 0;
  }

  @Override
  boolean containsArray() {
    return false;
  }

  @Override
  public String toString() {
    return "Enum<" + valueSchema + ">";
  }
}
