package io.twinsdk.core.dtdl;

import com.fasterxml.jackson.databind.JsonNode;

/** An enum value is a named label of an {@link EnumSchema} together with the integer or string sent on the wire. */
public final class DtdlEnumValue extends DtdlElement {

  private final String name;
  private final JsonNode value;

  DtdlEnumValue(ElementInfo info, String name, JsonNode value) {
    super(info);
    this.name = name;
    this.value = value;
  }

  /** Returns the programming name of the label. */
  public String name() {
    return name;
  }

  /** Returns the on-the-wire value: an integral number node or a text node (both immutable). */
  public JsonNode value() {
    return value;
  }
}
