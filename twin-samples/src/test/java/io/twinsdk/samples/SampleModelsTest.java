package io.twinsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.dtdl.DtdlParser;
import io.twinsdk.core.dtdl.Dtmi;
import io.twinsdk.core.dtdl.ModelSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleModelsTest {

  @Test
  void roomModelsAreValidDtdlWithTheirComponentAndObjectProperty() {
    List<JsonNode> models = new ArrayList<>(SampleModels.roomModels());
    models.add(SampleModels.roomVersion2());

    ModelSet set = DtdlParser.create().parse(models);

    assertThat(set.ids()).extracting(Dtmi::toString).containsExactlyInAnyOrder(SampleModels.THERMOSTAT,
        SampleModels.ROOM_V1, SampleModels.ROOM_V2, SampleModels.FLOOR);
    assertThat(set.dependenciesOf(Dtmi.parse(SampleModels.ROOM_V1))).extracting(Dtmi::toString)
        .contains(SampleModels.THERMOSTAT);
  }

  @Test
  void bulkModelsAreValidDtdl() {
    ModelSet set = DtdlParser.create().parse(SampleModels.bulkModels());

    assertThat(set.size()).isEqualTo(2);
  }
}
