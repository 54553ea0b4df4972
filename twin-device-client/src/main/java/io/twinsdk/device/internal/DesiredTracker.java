package io.twinsdk.device.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.devicetwin.TwinCollection;
import io.twinsdk.core.json.JsonMergePatch;
import io.twinsdk.core.json.MergePatch;
import io.twinsdk.device.DesiredPropertiesUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The desired tracker turns desired notifications and full-twin snapshots into listener updates, exactly once per
 * {@code $version} and in version order, across reconnections.
 *
 * <p>IoT Hub does not queue notifications for a device that is offline, so after every (re)connect the client
 * subscribes, then GETs the twin (a snapshot). Notifications that arrive before the snapshot are held back; the
 * snapshot, if newer than what was delivered, becomes one update (the difference from the delivered section); then the
 * held notifications newer than the snapshot follow. Anything at or below the delivered version is dropped.
 *
 * <p>An update counts as delivered only if the sink accepts it. If the sink refuses (its queue is full), the tracker
 * stops delivering and asks for a resync: the next snapshot covers everything that was skipped. Not thread-safe: the
 * client's control thread owns it.
 */
public final class DesiredTracker {

  private static final String VERSION = "$version";
  /** Notifications held back for a snapshot beyond this are dropped; a resync after the snapshot covers them. */
  static final int MAX_HELD = 100;

  private final Predicate<DesiredPropertiesUpdate> sink;
  private final List<Notification> held = new ArrayList<>();
  private TwinCollection delivered = TwinCollection.empty();
  private long deliveredVersion = -1;
  private boolean synced;
  private boolean needsResync;
  private boolean heldOverflow;

  /** Creates a tracker that hands updates to {@code sink}, which returns false when it cannot take one now. */
  public DesiredTracker(Predicate<DesiredPropertiesUpdate> sink) {
    this.sink = sink;
  }

  /** Forgets held notifications: a new connection starts and its snapshot is awaited. */
  public void connectionStarted() {
    synced = false;
    held.clear();
    heldOverflow = false;
  }

  /** Returns the version last delivered, or -1 before the first. */
  public long deliveredVersion() {
    return deliveredVersion;
  }

  /** Returns whether an update was refused and a new snapshot is needed to catch up. */
  public boolean needsResync() {
    return needsResync;
  }

  /** Applies a snapshot of the desired section (from a twin GET), then the notifications held back for it. */
  public void onSnapshot(TwinCollection desired) {
    long version = desired.version().orElse(0);
    if (version > deliveredVersion) {
      TwinCollection section = desired.withoutMetadata();
      JsonNode patch = JsonMergePatch.diff(delivered.membersToJsonNode(), section.membersToJsonNode());
      if (!offer(patch, version, section)) {
        return;
      }
    }
    needsResync = false;
    synced = true;
    List<Notification> pending = new ArrayList<>(held);
    held.clear();
    for (Notification notification : pending) {
      onNotification(notification.version, notification.body);
    }
    if (heldOverflow) {
      // Dropped notifications may be newer than this snapshot: only a later snapshot is sure to cover them.
      heldOverflow = false;
      needsResync = true;
    }
  }

  /**
   * Applies a desired notification with the {@code $version} from its topic and its body (a patch, possibly with its
   * own {@code $version}, which is ignored in favour of the topic's).
   */
  public void onNotification(long version, ObjectNode body) {
    if (!synced) {
      if (held.size() >= MAX_HELD) {
        held.clear();
        heldOverflow = true;
      }
      if (!heldOverflow) {
        held.add(new Notification(version, body));
      }
      return;
    }
    if (needsResync || version <= deliveredVersion) {
      return;
    }
    ObjectNode patch = body.deepCopy();
    patch.remove(VERSION);
    offer(patch, version, delivered.merge(patch).withVersion(version));
  }

  private boolean offer(JsonNode patch, long version, TwinCollection section) {
    if (patch.size() > 0
        && !sink.test(new DesiredPropertiesUpdate(MergePatch.of(patch), version, section))) {
      needsResync = true;
      return false;
    }
    delivered = section.withVersion(version);
    deliveredVersion = version;
    return true;
  }

  private static final class Notification {

    final long version;
    final ObjectNode body;

    Notification(long version, ObjectNode body) {
      this.version = version;
      this.body = body;
    }
  }
}
