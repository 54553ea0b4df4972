package io.twinsdk.hub.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A relationship between two digital twins as the store keeps it.
 *
 * @param sourceId the source twin ({@code $sourceId}); relationship ids are unique per source
 * @param id the relationship id ({@code $relationshipId})
 * @param targetId the target twin ({@code $targetId})
 * @param name the relationship name in the source's model ({@code $relationshipName})
 * @param etag the relationship's ETag, {@code W/"<uuid>"}
 * @param document the relationship as the API returns it, including its {@code $} members and properties
 */
public record RelationshipRecord(
    String sourceId, String id, String targetId, String name, String etag, ObjectNode document) {

  /** Checks that every field is present. */
  public RelationshipRecord {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(targetId, "targetId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(document, "document");
  }
}
