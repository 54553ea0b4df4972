package io.twinsdk.hub.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A Digital Twins model (one DTDL Interface) as the store keeps it.
 *
 * @param id the Interface's DTMI, exactly as uploaded
 * @param document the DTDL Interface as uploaded, including its {@code @context}
 * @param decommissioned whether new twins of this model are refused
 * @param uploadTime when the model was added
 */
public record ModelRecord(String id, ObjectNode document, boolean decommissioned, Instant uploadTime) {

  /** Checks that every field is present. */
  public ModelRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(uploadTime, "uploadTime");
  }
}
