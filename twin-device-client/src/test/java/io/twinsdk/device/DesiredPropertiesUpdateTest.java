package io.twinsdk.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.core.devicetwin.TwinCollection;
import io.twinsdk.core.json.MergePatch;
import org.junit.jupiter.api.Test;

class DesiredPropertiesUpdateTest {

  private final DesiredPropertiesUpdate update = new DesiredPropertiesUpdate(
      MergePatch.builder().set("fanSpeed", 3).delete("mode").build(), 7,
      TwinCollection.fromJson("{\"fanSpeed\":3,\"target\":21.5,\"$version\":7}"));

  @Test
  void wholeSectionBindsToTheApplicationsType() {
    Thermostat thermostat = update.desiredAs(Thermostat.class);

    assertThat(thermostat.fanSpeed).isEqualTo(3);
    assertThat(thermostat.target).isEqualTo(21.5);
  }

  @Test
  void patchBindsWithDeletedKeysAsNull() {
    Thermostat change = update.patchAs(Thermostat.class);

    assertThat(change.fanSpeed).isEqualTo(3);
    assertThat(change.mode).isNull();
    assertThat(change.target).isNull();
  }

  @Test
  void sectionThatDoesNotFitTheTypeIsATypedError() {
    assertThatThrownBy(() -> update.desiredAs(Integer.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Integer");
  }

  /** The application's view of its desired properties. */
  public static final class Thermostat {
    public Integer fanSpeed;
    public Double target;
    public String mode;
  }
}
