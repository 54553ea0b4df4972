package io.twinsdk.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.twinsdk.core.devicetwin.TwinCollection;
import io.twinsdk.core.internal.Json;
import io.twinsdk.core.json.MergePatch;
import java.util.Objects;

/**
 * A desired-properties update is one change of the desired properties: the merge patch that turns the previous
 * version into this one ({@code null} members delete keys), its {@code $version}, and the whole desired section after
 * it.
 *
 * <p>The first update after {@link DeviceClient#open()} is the desired section as found (a patch from nothing); after
 * a reconnect, changes the device missed arrive as one patch at the newest version. Instances are immutable.
 */
public final class DesiredPropertiesUpdate {

  private final MergePatch patch;
  private final long version;
  private final TwinCollection desired;

  /** Creates an update; {@code desired} is the whole section at {@code version}. */
  public DesiredPropertiesUpdate(MergePatch patch, long version, TwinCollection desired) {
    this.patch = Objects.requireNonNull(patch, "patch");
    this.version = version;
    this.desired = Objects.requireNonNull(desired, "desired");
  }

  /** Returns the change, as a merge patch without {@code $version}. */
  public MergePatch patch() {
    return patch;
  }

  /** Returns the desired section's {@code $version} after this change. */
  public long version() {
    return version;
  }

  /** Returns the whole desired section after this change, with its {@code $version}. */
  public TwinCollection desired() {
    return desired;
  }

  /**
   * Returns the whole desired section bound to {@code type} with Jackson; unknown properties are ignored.
   *
   * @throws IllegalArgumentException if the section does not fit {@code type}
   */
  public <T> T desiredAs(Class<T> type) {
    return bind(desired.withoutVersion().withoutMetadata().toJson(), type);
  }

  /**
   * Returns the patch bound to {@code type} with Jackson: fields the patch does not mention stay at their defaults,
   * and deleted keys read as {@code null}.
   *
   * @throws IllegalArgumentException if the patch does not fit {@code type}
   */
  public <T> T patchAs(Class<T> type) {
    return bind(patch.toJson(), type);
  }

  private static <T> T bind(String json, Class<T> type) {
    Objects.requireNonNull(type, "type");
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Desired properties do not bind to " + type.getName() + ": " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "DesiredPropertiesUpdate{version=" + version + ", patch=" + patch.toJson() + "}";
  }
}
