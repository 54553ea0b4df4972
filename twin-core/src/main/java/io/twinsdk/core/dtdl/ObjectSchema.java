package io.twinsdk.core.dtdl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An object schema describes a JSON object with named fields, each with its own schema; every field is optional. */
public final class ObjectSchema extends DtdlSchema {

  private final Map<String, DtdlField> fields;

  ObjectSchema(ElementInfo info, List<DtdlField> fields) {
    super(info);
    Map<String, DtdlField> byName = new LinkedHashMap<>();
    for (DtdlField field : fields) {
      byName.put(field.name(), field);
    }
    this.fields = Collections.unmodifiableMap(byName);
  }

  /** Returns the fields by name, in declaration order. */
  public Map<String, DtdlField> fields() {
    return fields;
  }

  /** Returns the field named {@code name}, or empty. */
  public Optional<DtdlField> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  @Override
  int depth() {
    int deepest = -1;
    for (DtdlField field : fields.values()) {
      deepest = Math.max(deepest, field.schema().depth());
    }
    return deepest + 1;
  }

  @Override
  boolean containsArray() {
    for (DtdlField field : fields.values()) {
      if (field.schema().containsArray()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "Object" + fields.keySet();
  }
}
