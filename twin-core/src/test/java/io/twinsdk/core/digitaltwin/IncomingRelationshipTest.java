package io.twinsdk.core.digitaltwin;

import static io.twinsdk.core.digitaltwin.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.core.internal.Json;
import org.junit.jupiter.api.Test;

class IncomingRelationshipTest {

  @Test
  void factoryWritesTheServiceMemberOrder() {
    IncomingRelationship incoming = IncomingRelationship.of("r1", "hvac", "feeds",
        "/digitaltwins/hvac/relationships/r1");

    assertSameJson(Json.write(incoming), "{\"$relationshipId\":\"r1\",\"$sourceId\":\"hvac\","
        + "\"$relationshipName\":\"feeds\",\"$relationshipLink\":\"/digitaltwins/hvac/relationships/r1\"}");
  }

  @Test
  void parsedEntryKeepsItsOrder() throws Exception {
    String json = "{\"$sourceId\":\"s\",\"$relationshipId\":\"r\",\"$relationshipName\":\"n\","
        + "\"$relationshipLink\":\"https://host/digitaltwins/s/relationships/r?api-version=2022-05-31\"}";

    IncomingRelationship incoming = Json.mapper().readValue(json, IncomingRelationship.class);

    assertThat(incoming.link()).isEqualTo("https://host/digitaltwins/s/relationships/r?api-version=2022-05-31");
    assertThat(incoming).isEqualTo(IncomingRelationship.of("r", "s", "n", incoming.link()));
    assertSameJson(Json.write(incoming), json);
  }

  @Test
  void everyMemberIsRequired() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"$sourceId\":\"s\",\"$relationshipId\":\"r\",\"$relationshipName\":\"n\"}", IncomingRelationship.class))
        .hasMessageContaining("Member /$relationshipLink is required");
    assertThatThrownBy(() -> IncomingRelationship.of("r", "s", "", "l"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be empty");
  }
}
