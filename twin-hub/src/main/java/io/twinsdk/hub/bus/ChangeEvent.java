package io.twinsdk.hub.bus;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A committed change to something the hub stores.
 *
 * @param kind what changed
 * @param id the id of the changed entity (device id, twin id, or {@code twinId/relationshipId})
 * @param version the entity's new version where it has one (desired or reported {@code $version}), else 0
 * @param body the change itself: the merge patch for device twins, the JSON Patch or new document for digital twins,
 *     the payload for telemetry
 * @param time when the change was committed
 */
public record ChangeEvent(Kind kind, String id, long version, JsonNode body, Instant time) {

  /** Checks the fields. */
  public ChangeEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
  }

  /** The kinds of change published on the bus. */
  public enum Kind {
    /** A device twin's desired properties changed; {@code body} is the merge patch with nulls for removed keys. */
    DESIRED_PROPERTIES,
    /** A device twin's reported properties changed; {@code body} is the merge patch. */
    REPORTED_PROPERTIES,
    /** A device twin's tags changed; {@code body} is the merge patch. */
    TAGS,
    /** A device identity was created, updated or deleted; {@code body} is null on delete. */
    DEVICE,
    /** A digital twin was created; {@code body} is the new twin. */
    DIGITAL_TWIN_CREATED,
    /** An existing digital twin was replaced as a whole (PUT or import); {@code body} is the new twin. */
    DIGITAL_TWIN_REPLACED,
    /** A digital twin was patched; {@code body} is the JSON Patch. */
    DIGITAL_TWIN_UPDATED,
    /** A digital twin was deleted; {@code body} is the last twin document. */
    DIGITAL_TWIN_DELETED,
    /** A relationship was created; {@code body} is the relationship. */
    RELATIONSHIP_CREATED,
    /** An existing relationship was replaced as a whole (PUT or import); {@code body} is the new relationship. */
    RELATIONSHIP_REPLACED,
    /** A relationship was patched; {@code body} is the JSON Patch. */
    RELATIONSHIP_UPDATED,
    /** A relationship was deleted; {@code body} is the last relationship document. */
    RELATIONSHIP_DELETED,
    /** Device or digital-twin telemetry was accepted; {@code body} is the payload (JSON, or a string). */
    TELEMETRY
  }
}
