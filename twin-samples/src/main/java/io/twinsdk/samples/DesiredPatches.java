package io.twinsdk.samples;

import io.twinsdk.core.devicetwin.Twin;
import io.twinsdk.core.json.MergePatch;
import io.twinsdk.service.MatchConditions;
import io.twinsdk.service.Response;
import io.twinsdk.service.iothub.IotHubServiceClient;
import java.util.List;

/**
 * The five numbered desired-property patches of the original {@code update_desired_properties.js}, and the service
 * half that applies one: read the twin, then merge the patch into that version only ({@code If-Match}).
 */
final class DesiredPatches {

  static final int COUNT = 5;

  private static final List<MergePatch> PATCHES = List.of(
      desired(d -> d.object("climate", c -> c.set("minTemperature", 69).set("maxTemperature", 77))),
      desired(d -> d.object("climate", c -> c.object("hvac", h -> h
          .object("systemControl", s -> s.set("fanOn", true))))),
      desired(d -> d.object("modules", m -> m
          .object("wifi", w -> w.set("channel", 6).set("ssid", "my_network"))
          .object("climate", c -> c.set("id", 17).set("units", "farenheit")))),
      desired(d -> d.object("modules", m -> m
          .object("wifi", w -> w.set("channel", 7).set("encryption", "wpa").set("passphrase", "foo")))),
      desired(d -> d.object("modules", m -> m.delete("climate")).delete("climate")));

  private DesiredPatches() {}

  /**
   * Returns patch {@code number} (1 to 5) as the service sends it, {@code {"properties":{"desired":{…}}}}.
   *
   * @throws UsageException if there is no such patch
   */
  static MergePatch patch(int number) {
    if (number < 1 || number > COUNT) {
      throw new UsageException("the patch number must be 1 to " + COUNT + ", got " + number);
    }
    return PATCHES.get(number - 1);
  }

  // [START update-desired]
  /** Applies patch {@code number} to device {@code deviceId}'s twin as it is now and returns the updated twin. */
  static Twin apply(IotHubServiceClient service, String deviceId, int number, Console console) {
    MergePatch patch = patch(number);
    console.println("Using twinPatch" + number);
    Response<Twin> current = service.getTwinWithResponse(deviceId);
    String etag = current.etag().orElseThrow(() -> new IllegalStateException("The twin came without an ETag"));
    Twin updated = service.updateTwinWithResponse(deviceId, patch, MatchConditions.ifMatch(etag)).value();
    console.println("Sent patch: " + patch.toJson());
    return updated;
  }
  // [END update-desired]

  private static MergePatch desired(java.util.function.Consumer<MergePatch.Builder> desired) {
    return MergePatch.builder().object("properties", p -> p.object("desired", desired)).build();
  }
}
