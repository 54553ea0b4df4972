package io.twinsdk.hub.iothub.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.devicetwin.TwinRules;
import io.twinsdk.core.devicetwin.TwinValidationException;
import io.twinsdk.hub.auth.AccessPolicies;
import io.twinsdk.hub.bus.ChangeEvent;
import io.twinsdk.hub.iothub.Etags;
import io.twinsdk.hub.iothub.IotHubErrors;
import io.twinsdk.hub.iothub.twins.NewTwin;
import io.twinsdk.hub.store.DeviceRecord;
import io.twinsdk.hub.store.HubStore;
import io.twinsdk.hub.store.StoreTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The IoT Hub device registry: creates, updates, reads and deletes device identities, each with its twin.
 *
 * <p>Every method runs its work on the store and returns a future completed on a store thread after the change is
 * durable; failures are {@link io.twinsdk.hub.http.ApiError}s with IoT Hub's codes.
 */
public final class DeviceRegistry {

  private final HubStore store;
  private final Clock clock;

  /** Creates a registry over {@code store}. */
  public DeviceRegistry(HubStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Returns the device, creating it with generated keys when absent (idempotent). */
  public CompletableFuture<DeviceRecord> register(String deviceId) {
    checkId(deviceId);
    return store.write(tx -> tx.devices().find(deviceId).orElseGet(() -> create(tx, deviceId, true, null,
        AccessPolicies.newKey(), AccessPolicies.newKey())));
  }

  /**
   * Creates or updates a device from its registry JSON ({@code PUT /devices/{id}}): without {@code If-Match} the device
   * must not exist (409001); with it, the etag must match (412001) unless it is {@code *}.
   */
  public CompletableFuture<DeviceRecord> put(String deviceId, JsonNode body, Optional<String> ifMatch) {
    checkId(deviceId);
    DeviceSpec spec = DeviceSpec.parse(deviceId, body);
    return store.write(tx -> {
      Optional<DeviceRecord> existing = tx.devices().find(deviceId);
      if (existing.isEmpty()) {
        return create(tx, deviceId, spec.enabled(), spec.statusReason(),
            spec.primaryKey().orElseGet(AccessPolicies::newKey), spec.secondaryKey().orElseGet(AccessPolicies::newKey));
      }
      DeviceRecord old = existing.get();
      if (ifMatch.isEmpty()) {
        throw IotHubErrors.deviceExists(deviceId);
      }
      if (!Etags.matches(ifMatch, old.etag())) {
        throw IotHubErrors.preconditionFailed("The etag in If-Match does not match device " + deviceId + ".");
      }
      Instant now = clock.instant();
      DeviceRecord updated = new DeviceRecord(deviceId, old.generationId(), Etags.random(), spec.enabled(),
          spec.statusReason(), old.enabled() == spec.enabled() ? old.statusUpdatedTime() : now,
          spec.primaryKey().orElse(old.primaryKey()), spec.secondaryKey().orElse(old.secondaryKey()), old.connected(),
          old.connectionStateUpdatedTime(), old.lastActivityTime(), old.cloudToDeviceMessageCount());
      tx.devices().put(updated);
      tx.emitAfterCommit(new ChangeEvent(ChangeEvent.Kind.DEVICE, deviceId, 0, DeviceJson.render(updated, false),
          now));
      return updated;
    });
  }

  /** Returns the device, or fails with 404001. */
  public CompletableFuture<DeviceRecord> get(String deviceId) {
    return store.read(tx -> tx.devices().find(deviceId).orElseThrow(() -> IotHubErrors.deviceNotFound(deviceId)));
  }

  /** Deletes the device and its twin; fails with 404001 when absent and 412001 when {@code If-Match} differs. */
  public CompletableFuture<Void> delete(String deviceId, Optional<String> ifMatch) {
    return store.write(tx -> {
      DeviceRecord old = tx.devices().find(deviceId).orElseThrow(() -> IotHubErrors.deviceNotFound(deviceId));
      if (!Etags.matches(ifMatch, old.etag())) {
        throw IotHubErrors.preconditionFailed("The etag in If-Match does not match device " + deviceId + ".");
      }
      tx.deviceTwins().delete(deviceId);
      tx.sessions().delete(deviceId);
      tx.devices().delete(deviceId);
      tx.emitAfterCommit(new ChangeEvent(ChangeEvent.Kind.DEVICE, deviceId, 0, null, clock.instant()));
      return null;
    });
  }

  /** Returns up to {@code limit} devices in id order. */
  public CompletableFuture<List<DeviceRecord>> list(int limit) {
    return store.read(tx -> tx.devices().list(null, limit));
  }

  private DeviceRecord create(StoreTransaction tx, String deviceId, boolean enabled, String statusReason,
      String primaryKey, String secondaryKey) {
    Instant now = clock.instant();
    DeviceRecord device = new DeviceRecord(deviceId, generationId(), Etags.random(), enabled, statusReason, now,
        primaryKey, secondaryKey, false, null, null, 0);
    tx.devices().put(device);
    tx.deviceTwins().put(NewTwin.of(deviceId, now));
    tx.emitAfterCommit(new ChangeEvent(ChangeEvent.Kind.DEVICE, deviceId, 0, DeviceJson.render(device, false), now));
    return device;
  }

  private static String generationId() {
    // IoT Hub's generation ids are 18-digit decimal numbers.
    return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000_000_000L, 999_999_999_999_999_999L));
  }

  private static void checkId(String deviceId) {
    try {
      TwinRules.checkDeviceId(deviceId);
    } catch (TwinValidationException e) {
      throw IotHubErrors.invalid(e);
    }
  }

  /** The writable fields of a registry PUT body. */
  private record DeviceSpec(boolean enabled, String statusReason, Optional<String> primaryKey,
      Optional<String> secondaryKey) {

    static DeviceSpec parse(String deviceId, JsonNode body) {
      if (!body.isObject()) {
        throw IotHubErrors.invalid("The device must be a JSON object.");
      }
      String bodyId = text(body.get("deviceId"));
      if (bodyId != null && !bodyId.equals(deviceId)) {
        throw IotHubErrors.invalid("The deviceId in the body '" + bodyId + "' differs from the path's '" + deviceId
            + "'.");
      }
      String status = text(body.get("status"));
      if (status != null && !status.equalsIgnoreCase("enabled") && !status.equalsIgnoreCase("disabled")) {
        throw IotHubErrors.invalid("status must be enabled or disabled, got '" + status + "'.");
      }
      JsonNode authentication = body.path("authentication");
      String type = text(authentication.get("type"));
      if (type != null && !type.equalsIgnoreCase("sas")) {
        throw IotHubErrors.invalid("Only symmetric-key (sas) authentication is supported, got '" + type + "'.");
      }
      JsonNode keys = authentication.path("symmetricKey");
      return new DeviceSpec(status == null || status.equalsIgnoreCase("enabled"), text(body.get("statusReason")),
          key(keys.get("primaryKey"), "primaryKey"), key(keys.get("secondaryKey"), "secondaryKey"));
    }

    private static Optional<String> key(JsonNode node, String name) {
      String value = text(node);
      if (value == null || value.isEmpty()) {
        return Optional.empty();
      }
      try {
        if (Base64.getDecoder().decode(value).length < 16) {
          throw IotHubErrors.invalid(name + " must decode to at least 16 bytes.");
        }
      } catch (IllegalArgumentException e) {
        throw IotHubErrors.invalid(name + " is not valid base64.");
      }
      return Optional.of(value);
    }

    private static String text(JsonNode node) {
      return node == null || node.isNull() ? null : node.asText();
    }
  }

}
