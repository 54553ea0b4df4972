package io.twinsdk.hub.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A digital twin as the store keeps it: the whole document the API returns, and the fields lookups filter on.
 *
 * @param id the twin id ({@code $dtId})
 * @param modelId the twin's model ({@code $metadata.$model})
 * @param etag the twin's ETag ({@code $etag}), {@code W/"<uuid>"}
 * @param document the twin as the API returns it, including {@code $dtId}, {@code $etag} and {@code $metadata}
 * @param lastUpdateTime when the twin was last written ({@code $metadata.$lastUpdateTime})
 */
public record DigitalTwinRecord(String id, String modelId, String etag, ObjectNode document, Instant lastUpdateTime) {

  /** Checks that every field is present. */
  public DigitalTwinRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(lastUpdateTime, "lastUpdateTime");
  }
}
