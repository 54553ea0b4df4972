package io.twinsdk.core.dtdl;

import java.util.Map;
import java.util.Optional;

/**
 * A DTDL element is a part of an Interface: a content, a schema, an object field, an enum value or a command payload.
 * Every element may carry an identifier and display texts.
 */
public abstract class DtdlElement {

  private final ElementInfo info;

  DtdlElement(ElementInfo info) {
    this.info = info;
  }

  /** Returns the {@code @id} given in the model, or empty when the element has none. */
  public Optional<Dtmi> id() {
    return Optional.ofNullable(info.id);
  }

  /** Returns the display name by language tag ({@code {"en": "Thermostat"}}); empty when none is given. */
  public Map<String, String> displayName() {
    return info.displayName;
  }

  /** Returns the description by language tag; empty when none is given. */
  public Map<String, String> description() {
    return info.description;
  }

  /** Returns the comment for model authors, or empty. */
  public Optional<String> comment() {
    return Optional.ofNullable(info.comment);
  }
}
