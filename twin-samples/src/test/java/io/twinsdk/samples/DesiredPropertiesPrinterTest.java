package io.twinsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinsdk.core.devicetwin.TwinCollection;
import io.twinsdk.core.json.MergePatch;
import io.twinsdk.device.DesiredPropertiesUpdate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DesiredPropertiesPrinterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final AtomicInteger climateChanges = new AtomicInteger();
  private final DesiredPropertiesPrinter printer = new DesiredPropertiesPrinter(
      new Console(new PrintStream(out, true, StandardCharsets.UTF_8)), climateChanges::incrementAndGet);
  private JsonNode desired = MAPPER.createObjectNode();

  /** Delivers servicePatch {@code n} as the device client would: the desired part, its version, the section. */
  private void deliver(int n) throws Exception {
    JsonNode patch = DesiredPatches.patch(n).toJsonNode().path("properties").path("desired");
    desired = MergePatch.of(patch).applyTo(desired);
    printer.onDesiredProperties(new DesiredPropertiesUpdate(MergePatch.of(patch), n + 1L,
        TwinCollection.fromJson(MAPPER.writeValueAsString(desired)).withVersion(n + 1L)));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  @Test
  void climatePatchPrintsTheTemperaturesAndTriggersTheClimateAction() throws Exception {
    deliver(1);

    assertThat(out()).isEqualTo(String.join("\n",
        "New desired properties received:",
        "  {\"climate\":{\"minTemperature\":69,\"maxTemperature\":77},\"$version\":2}",
        "New desired properties received for \"properties.desired.climate\":",
        "  min temp=69",
        "  max temp=77", ""));
    assertThat(climateChanges).hasValue(1);
  }

  @Test
  void modulesAreAddedUpdatedAndDeletedInOrder() throws Exception {
    for (int n = 1; n <= DesiredPatches.COUNT; n++) {
      deliver(n);
    }

    assertThat(out().lines()).containsSubsequence(
        "  fan=true",
        "  Adding module wifi: {\"channel\":6,\"ssid\":\"my_network\"}",
        "  Adding module climate: {\"id\":17,\"units\":\"farenheit\"}",
        "  Updating module wifi: {\"channel\":7,\"encryption\":\"wpa\",\"passphrase\":\"foo\"}",
        "  climate settings deleted",
        "  Deleting module climate");
    assertThat(out().lines().filter(l -> l.startsWith("  Adding module wifi"))).hasSize(1);
    assertThat(climateChanges).hasValue(2);
  }

  @Test
  void awaitVersionReturnsOnceTheVersionWasPrintedAndTimesOutOtherwise() throws Exception {
    deliver(1);

    printer.awaitVersion(2, Duration.ofMillis(1));
    assertThatThrownBy(() -> printer.awaitVersion(3, Duration.ofMillis(10)))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("$version 3");
  }
}
