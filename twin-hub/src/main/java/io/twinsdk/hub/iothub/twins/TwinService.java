package io.twinsdk.hub.iothub.twins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.devicetwin.TwinCollection;
import io.twinsdk.core.devicetwin.TwinRules;
import io.twinsdk.core.devicetwin.TwinRules.Section;
import io.twinsdk.core.devicetwin.TwinValidationException;
import io.twinsdk.core.internal.Json;
import io.twinsdk.core.json.JsonMergePatch;
import io.twinsdk.hub.bus.ChangeEvent;
import io.twinsdk.hub.bus.ChangeEvent.Kind;
import io.twinsdk.hub.iothub.Etags;
import io.twinsdk.hub.iothub.IotHubErrors;
import io.twinsdk.hub.store.DeviceRecord;
import io.twinsdk.hub.store.DeviceTwinRecord;
import io.twinsdk.hub.store.HubStore;
import io.twinsdk.hub.store.StoreTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Reads and updates device twins with IoT Hub's rules: content is checked before anything is stored, each change bumps
 * its section's {@code $version} and {@code $metadata}, and every committed change is published on the change bus.
 *
 * <p>All writes go through the store's single writer in submission order, so the updates of one twin apply in the
 * order they arrived, and a device's reported update and a service's desired update never lose each other. Futures
 * complete on store threads after the change is durable; failures are {@link io.twinsdk.hub.http.ApiError}s.
 */
public final class TwinService {

  private final HubStore store;
  private final Clock clock;

  /** Creates the service over {@code store}. */
  public TwinService(HubStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Returns the twin with its device identity, or fails with 404001. */
  public CompletableFuture<TwinView> get(String deviceId) {
    return store.read(tx -> view(tx, deviceId));
  }

  /**
   * Merges a device's reported-properties patch (null deletes) and returns the new reported {@code $version}.
   *
   * @param expectedVersion the device's base version ({@code &$version=N}); a different current version fails with
   *     412001
   */
  public CompletableFuture<Long> updateReported(String deviceId, JsonNode patch, OptionalLong expectedVersion) {
    check(Section.REPORTED, patch);
    return store.write(tx -> {
      TwinCollection reported = TwinCollection.fromJsonNode(tx.deviceTwins().findReported(deviceId)
          .orElseThrow(() -> IotHubErrors.deviceNotFound(deviceId)));
      long current = reported.version().orElse(1);
      if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current) {
        throw IotHubErrors.preconditionFailed("The reported properties are at $version " + current + ", not "
            + expectedVersion.getAsLong() + "; get the twin again.");
      }
      Instant now = clock.instant();
      TwinCollection updated = reported.applyPatch(patch, now);
      checkDocument(Section.REPORTED, updated);
      long version = updated.version().orElseThrow();
      tx.deviceTwins().putReported(deviceId, updated.toJsonNode());
      tx.emitAfterCommit(new ChangeEvent(Kind.REPORTED_PROPERTIES, deviceId, version, patch, now));
      return version;
    });
  }

  /**
   * Applies a service twin patch ({@code {"tags":…,"properties":{"desired":…}}}, merge semantics) and returns the whole
   * twin. Read-only fields are ignored and empty objects change nothing.
   */
  public CompletableFuture<TwinView> update(String deviceId, JsonNode body, Optional<String> ifMatch) {
    ServicePatch patch = ServicePatch.parse(body, false);
    return store.write(tx -> {
      DeviceTwinRecord twin = checkedTwin(tx, deviceId, ifMatch);
      Instant now = clock.instant();
      ObjectNode tags = twin.tags();
      if (patch.tags().size() > 0) {
        TwinCollection merged = TwinCollection.fromJsonNode(tags).merge(patch.tags());
        checkDocument(Section.TAGS, merged);
        tags = merged.toJsonNode();
      }
      ObjectNode desired = twin.desired();
      ObjectNode notification = null;
      if (patch.desired().size() > 0) {
        TwinCollection updated = TwinCollection.fromJsonNode(desired).applyPatch(patch.desired(), now);
        checkDocument(Section.DESIRED, updated);
        desired = updated.toJsonNode();
        notification = patch.desired();
      }
      return commit(tx, deviceId, twin, tags, desired, patch.tags().size() > 0 ? patch.tags() : null,
          notification, now);
    });
  }

  /** Replaces the tags and the desired properties ({@code PUT /twins/{id}}) and returns the whole twin. */
  public CompletableFuture<TwinView> replace(String deviceId, JsonNode body, Optional<String> ifMatch) {
    ServicePatch patch = ServicePatch.parse(body, true);
    return store.write(tx -> {
      DeviceTwinRecord twin = checkedTwin(tx, deviceId, ifMatch);
      Instant now = clock.instant();
      TwinCollection tags = TwinCollection.fromJsonNode(JsonMergePatch.apply(null, patch.tags()));
      checkDocument(Section.TAGS, tags);
      TwinCollection.Replacement replacement = TwinCollection.fromJsonNode(twin.desired())
          .replace(patch.desired(), now);
      checkDocument(Section.DESIRED, replacement.section());
      ObjectNode tagChange = (ObjectNode) JsonMergePatch.diff(twin.tags(), tags.toJsonNode());
      return commit(tx, deviceId, twin, tags.toJsonNode(), replacement.section().toJsonNode(),
          tagChange.isEmpty() ? null : tagChange, replacement.notification(), now);
    });
  }

  private TwinView commit(StoreTransaction tx, String deviceId, DeviceTwinRecord twin, ObjectNode tags,
      ObjectNode desired, ObjectNode tagChange, ObjectNode desiredChange, Instant now) {
    if (tagChange == null && desiredChange == null) {
      return view(tx, deviceId);
    }
    long version = twin.version() + 1;
    tx.deviceTwins().put(new DeviceTwinRecord(deviceId, Etags.of(version), version, tags, desired,
        twin.reported()));
    if (tagChange != null) {
      tx.emitAfterCommit(new ChangeEvent(Kind.TAGS, deviceId, version, tagChange, now));
    }
    if (desiredChange != null) {
      long desiredVersion = desired.path("$version").asLong();
      tx.emitAfterCommit(new ChangeEvent(Kind.DESIRED_PROPERTIES, deviceId, desiredVersion, desiredChange, now));
    }
    return view(tx, deviceId);
  }

  private static DeviceTwinRecord checkedTwin(StoreTransaction tx, String deviceId, Optional<String> ifMatch) {
    DeviceTwinRecord twin = view(tx, deviceId).twin();
    if (!Etags.matches(ifMatch, twin.etag())) {
      throw IotHubErrors.preconditionFailed("The etag in If-Match does not match the twin of " + deviceId + ".");
    }
    return twin;
  }

  private static TwinView view(StoreTransaction tx, String deviceId) {
    DeviceRecord device = tx.devices().find(deviceId).orElseThrow(() -> IotHubErrors.deviceNotFound(deviceId));
    DeviceTwinRecord twin = tx.deviceTwins().find(deviceId)
        .orElseThrow(() -> IotHubErrors.deviceNotFound(deviceId));
    return new TwinView(device, twin);
  }

  static void check(Section section, JsonNode patch) {
    try {
      TwinRules.checkPatch(section, patch);
    } catch (TwinValidationException e) {
      throw IotHubErrors.invalid(e);
    }
  }

  private static void checkDocument(Section section, TwinCollection document) {
    try {
      TwinRules.checkDocument(section, document);
    } catch (TwinValidationException e) {
      throw IotHubErrors.invalid(e);
    }
  }

  /** The writable parts of a service twin body: tags and desired properties, both objects (possibly empty). */
  private record ServicePatch(ObjectNode tags, ObjectNode desired) {

    static ServicePatch parse(JsonNode body, boolean replace) {
      if (!body.isObject()) {
        throw IotHubErrors.invalid("The twin must be a JSON object.");
      }
      JsonNode properties = body.path("properties");
      if (!properties.isMissingNode() && !properties.isNull() && !properties.isObject()) {
        throw IotHubErrors.invalid("properties must be an object.");
      }
      JsonNode reported = properties.path("reported");
      if (!replace && reported.isObject() && hasMembers(reported)) {
        throw IotHubErrors.invalid("Reported properties cannot be changed by the service.");
      }
      ObjectNode tags = section(body.get("tags"), "tags", Section.TAGS, replace);
      ObjectNode desired = section(properties.get("desired"), "properties.desired", Section.DESIRED, replace);
      return new ServicePatch(tags, desired);
    }

    private static boolean hasMembers(JsonNode section) {
      var names = section.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!name.equals("$version") && !name.equals("$metadata")) {
          return true;
        }
      }
      return false;
    }

    private static ObjectNode section(JsonNode node, String name, Section section, boolean replace) {
      if (node == null || node.isNull()) {
        return Json.mapper().createObjectNode();
      }
      if (!node.isObject()) {
        throw IotHubErrors.invalid(name + " must be an object.");
      }
      // Clients echo a twin they read, bookkeeping included: that is read-only, never content.
      ObjectNode content = ((ObjectNode) node).deepCopy();
      content.remove("$version");
      content.remove("$metadata");
      if (replace) {
        check(section, JsonMergePatch.apply(null, content));
      } else {
        check(section, content);
      }
      return content;
    }
  }
}
