package io.twinsdk.device.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.devicetwin.TwinCollection;
import io.twinsdk.core.internal.Json;
import io.twinsdk.device.DesiredPropertiesUpdate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesiredTrackerTest {

  private final List<DesiredPropertiesUpdate> delivered = new ArrayList<>();
  private boolean accepting = true;
  private final DesiredTracker tracker = new DesiredTracker(update -> accepting && delivered.add(update));

  private static ObjectNode json(String text) {
    return (ObjectNode) Json.parse(text);
  }

  private List<String> deliveredPatches() {
    List<String> out = new ArrayList<>();
    for (DesiredPropertiesUpdate update : delivered) {
      out.add(update.version() + " " + update.patch().toJson());
    }
    return out;
  }

  @Test
  void firstSnapshotIsDeliveredAsTheWholeSection() {
    tracker.connectionStarted();

    tracker.onSnapshot(TwinCollection.fromJson("{\"a\":1,\"$version\":4}"));

    assertThat(deliveredPatches()).containsExactly("4 {\"a\":1}");
    assertThat(delivered.get(0).desired().toJson()).isEqualTo("{\"a\":1,\"$version\":4}");
  }

  @Test
  void tooManyNotificationsBeforeTheSnapshotAreDroppedAndAResyncIsAsked() {
    tracker.connectionStarted();
    for (int version = 2; version < 2 + DesiredTracker.MAX_HELD + 5; version++) {
      tracker.onNotification(version, json("{\"n\":" + version + "}"));
    }

    tracker.onSnapshot(TwinCollection.fromJson("{\"n\":1,\"$version\":1}"));

    assertThat(deliveredPatches()).containsExactly("1 {\"n\":1}");
    assertThat(tracker.needsResync()).isTrue();
    long last = 1 + DesiredTracker.MAX_HELD + 5;
    tracker.onSnapshot(TwinCollection.fromJson("{\"n\":" + last + ",\"$version\":" + last + "}"));
    assertThat(deliveredPatches()).containsExactly("1 {\"n\":1}", last + " {\"n\":" + last + "}");
    assertThat(tracker.needsResync()).isFalse();
  }

  @Test
  void emptyFreshSectionAdvancesTheVersionWithoutACallback() {
    tracker.connectionStarted();

    tracker.onSnapshot(TwinCollection.fromJson("{\"$version\":1}"));

    assertThat(delivered).isEmpty();
    assertThat(tracker.deliveredVersion()).isEqualTo(1);
  }

  @Test
  void notificationsBeforeTheSnapshotAreHeldAndOnlyNewerOnesFollowIt() {
    tracker.connectionStarted();
    tracker.onNotification(2, json("{\"a\":2,\"$version\":2}"));
    tracker.onNotification(3, json("{\"b\":3,\"$version\":3}"));
    assertThat(delivered).isEmpty();

    tracker.onSnapshot(TwinCollection.fromJson("{\"a\":2,\"$version\":2}"));

    assertThat(deliveredPatches()).containsExactly("2 {\"a\":2}", "3 {\"b\":3}");
    assertThat(delivered.get(1).desired().toJson()).isEqualTo("{\"a\":2,\"b\":3,\"$version\":3}");
  }

  @Test
  void changeMissedWhileDisconnectedArrivesOnceAsTheDifference() {
    tracker.connectionStarted();
    tracker.onSnapshot(TwinCollection.fromJson("{\"a\":1,\"b\":1,\"$version\":2}"));
    tracker.onNotification(3, json("{\"a\":5,\"$version\":3}"));

    // Link down: versions 4 and 5 changed b and removed a; then the reconnect's snapshot arrives.
    tracker.connectionStarted();
    tracker.onSnapshot(TwinCollection.fromJson("{\"b\":7,\"$version\":5}"));
    // A late notification for a version already covered is dropped.
    tracker.onNotification(5, json("{\"b\":7,\"$version\":5}"));

    assertThat(deliveredPatches())
        .containsExactly("2 {\"a\":1,\"b\":1}", "3 {\"a\":5}", "5 {\"a\":null,\"b\":7}");
  }

  @Test
  void staleAndDuplicateNotificationsAreDropped() {
    tracker.connectionStarted();
    tracker.onSnapshot(TwinCollection.fromJson("{\"$version\":3}"));

    tracker.onNotification(3, json("{\"x\":1}"));
    tracker.onNotification(2, json("{\"x\":2}"));
    tracker.onNotification(4, json("{\"x\":4}"));
    tracker.onNotification(4, json("{\"x\":4}"));

    assertThat(deliveredPatches()).containsExactly("4 {\"x\":4}");
  }

  @Test
  void deletionsInANotificationRemoveKeysFromTheSection() {
    tracker.connectionStarted();
    tracker.onSnapshot(TwinCollection.fromJson("{\"a\":1,\"b\":{\"c\":1},\"$version\":1}"));

    tracker.onNotification(2, json("{\"a\":null,\"b\":{\"d\":2},\"$version\":2}"));

    assertThat(delivered.get(1).patch().toJson()).isEqualTo("{\"a\":null,\"b\":{\"d\":2}}");
    assertThat(delivered.get(1).desired().toJson()).isEqualTo("{\"b\":{\"c\":1,\"d\":2},\"$version\":2}");
  }

  @Test
  void refusedUpdateIsCoveredByTheNextSnapshot() {
    tracker.connectionStarted();
    tracker.onSnapshot(TwinCollection.fromJson("{\"a\":1,\"$version\":1}"));
    accepting = false;

    tracker.onNotification(2, json("{\"a\":2}"));
    tracker.onNotification(3, json("{\"b\":3}"));
    assertThat(tracker.needsResync()).isTrue();
    accepting = true;
    tracker.onNotification(4, json("{\"c\":4}"));
    tracker.onSnapshot(TwinCollection.fromJson("{\"a\":2,\"b\":3,\"c\":4,\"$version\":4}"));

    assertThat(deliveredPatches()).containsExactly("1 {\"a\":1}", "4 {\"a\":2,\"b\":3,\"c\":4}");
    assertThat(tracker.needsResync()).isFalse();
  }
}
