package io.twinsdk.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.json.MergePatch;
import io.twinsdk.device.DesiredPropertiesListener;
import io.twinsdk.device.DesiredPropertiesUpdate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The desired-properties listener of the original {@code receive_desired_properties.js}: it prints every change, the
 * {@code climate} temperatures, the {@code climate.hvac.systemControl} fan setting, and keeps a list of
 * {@code modules}, telling additions, updates and deletions apart.
 *
 * <p>Unlike the original, which registered the hvac and modules handlers inside the climate handler (so that they
 * existed only after a climate change and multiplied with every one), this is one listener, registered once when
 * the client is built. The client calls it on its callback thread, one change at a time, in {@code $version} order.
 */
final class DesiredPropertiesPrinter implements DesiredPropertiesListener {

  private final Console console;
  private final Runnable onClimateChange;
  // Touched only on the client's callback thread.
  private final Map<String, JsonNode> moduleList = new LinkedHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition versionSeen = lock.newCondition();
  private long version = -1;

  /**
   * Creates a listener printing on {@code console}; {@code onClimateChange} runs (on the callback thread) after each
   * change that sets {@code climate}.
   */
  DesiredPropertiesPrinter(Console console, Runnable onClimateChange) {
    this.console = console;
    this.onClimateChange = onClimateChange;
  }

  @Override
  public void onDesiredProperties(DesiredPropertiesUpdate update) {
    MergePatch patch = update.patch();
    ObjectNode delta = (ObjectNode) patch.toJsonNode();
    delta.put("$version", update.version());
    console.println("New desired properties received:");
    console.println("  " + delta);

    JsonNode climate = delta.path("climate");
    if (climate.has("minTemperature") || climate.has("maxTemperature")) {
      JsonNode desiredClimate = update.desired().get("climate").orElseThrow();
      console.println("New desired properties received for \"properties.desired.climate\":");
      console.println("  min temp=" + desiredClimate.path("minTemperature"));
      console.println("  max temp=" + desiredClimate.path("maxTemperature"));
    }
    if (patch.stateOf("climate", "hvac", "systemControl") == MergePatch.State.SET) {
      console.println("New desired properties received for \"properties.desired.climate.hvac.systemControl\":");
      console.println("  fan=" + climate.path("hvac").path("systemControl").path("fanOn"));
    }
    if (patch.stateOf("climate") == MergePatch.State.DELETED) {
      console.println("  climate settings deleted");
    }
    delta.path("modules").fields().forEachRemaining(module -> updateModule(module.getKey(), module.getValue()));

    if (patch.stateOf("climate") == MergePatch.State.SET) {
      onClimateChange.run();
    }
    versionSeen(update.version());
  }

  private void updateModule(String name, JsonNode change) {
    if (change.isNull()) {
      if (moduleList.remove(name) != null) {
        console.println("  Deleting module " + name);
      }
    } else if (moduleList.containsKey(name)) {
      console.println("  Updating module " + name + ": " + change);
      moduleList.put(name, MergePatch.of(change).applyTo(moduleList.get(name)));
    } else {
      console.println("  Adding module " + name + ": " + change);
      moduleList.put(name, change);
    }
  }

  private void versionSeen(long seen) {
    lock.lock();
    try {
      version = Math.max(version, seen);
      versionSeen.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until a change at {@code expected} or a later {@code $version} has been printed.
   *
   * @throws TimeoutException if none arrives within {@code timeout}
   */
  void awaitVersion(long expected, Duration timeout) throws InterruptedException, TimeoutException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (version < expected) {
        if (nanos <= 0) {
          throw new TimeoutException("The device did not receive desired properties $version " + expected
              + " within " + timeout.toSeconds() + " s (last seen: " + version + ")");
        }
        nanos = versionSeen.awaitNanos(nanos);
      }
    } finally {
      lock.unlock();
    }
  }
}
