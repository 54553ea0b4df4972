package io.twinsdk.hub.store;

import java.util.Objects;

/**
 * A direct reference from one model to another, which keeps the referenced model from being deleted.
 *
 * @param referencedId the DTMI of the referenced model
 * @param kind how the referencing model uses it
 */
public record ModelReference(String referencedId, Kind kind) {

  /** Checks that every field is present. */
  public ModelReference {
    Objects.requireNonNull(referencedId, "referencedId");
    Objects.requireNonNull(kind, "kind");
  }

  /** How one model uses another. */
  public enum Kind {
    /** The referencing Interface extends the referenced one. */
    EXTENDS,
    /** The referencing Interface has a Component whose schema is the referenced one. */
    COMPONENT
  }
}
