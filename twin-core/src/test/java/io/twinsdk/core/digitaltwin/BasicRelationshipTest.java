package io.twinsdk.core.digitaltwin;

import static io.twinsdk.core.digitaltwin.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.core.internal.Json;
import org.junit.jupiter.api.Test;

class BasicRelationshipTest {

  @Test
  void builderWritesTheServiceMemberOrder() {
    BasicRelationship relationship = BasicRelationship.builder()
        .property("isAccessRestricted", true)
        .targetId("roomTwin754929")
        .name("contains")
        .sourceId("floorTwin849302")
        .etag("W/\"4e9b3f70\"")
        .id("FloorToRoomRelationship")
        .build();

    assertSameJson(Json.write(relationship), "{\"$relationshipId\":\"FloorToRoomRelationship\","
        + "\"$etag\":\"W/\\\"4e9b3f70\\\"\",\"$sourceId\":\"floorTwin849302\",\"$relationshipName\":\"contains\","
        + "\"$targetId\":\"roomTwin754929\",\"isAccessRestricted\":true}");
  }

  @Test
  void createRequestBodyNeedsOnlyNameAndTarget() {
    BasicRelationship relationship = BasicRelationship.builder().name("contains").targetId("room").build();

    assertThat(relationship.id()).isEmpty();
    assertThat(relationship.sourceId()).isEmpty();
    assertSameJson(Json.write(relationship), "{\"$relationshipName\":\"contains\",\"$targetId\":\"room\"}");
  }

  @Test
  void buildWithoutNameOrTargetFails() {
    assertThatThrownBy(() -> BasicRelationship.builder().targetId("room").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("name is required");
    assertThatThrownBy(() -> BasicRelationship.builder().name("contains").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("targetId is required");
  }

  @Test
  void parsedRelationshipKeepsOrderAndNumberForms() throws Exception {
    String json = "{\"$sourceId\":\"a\",\"weight\":1.50,\"$relationshipId\":\"r\",\"$targetId\":\"b\","
        + "\"$relationshipName\":\"feeds\",\"$etag\":\"W/\\\"e\\\"\"}";

    BasicRelationship relationship = Json.mapper().readValue(json, BasicRelationship.class);

    assertSameJson(Json.write(relationship), json);
    assertThat(relationship.property("weight", Double.class)).contains(1.5);
    assertThat(relationship.properties().keySet()).containsExactly("weight");
    assertThat(relationship.toBuilder().build()).isEqualTo(relationship).hasSameHashCodeAs(relationship);
  }

  @Test
  void parsingRequiresNameAndTarget() {
    assertThatThrownBy(() -> Json.mapper().readValue("{\"$targetId\":\"b\"}", BasicRelationship.class))
        .hasMessageContaining("Member /$relationshipName is required");
    assertThatThrownBy(() -> Json.mapper().readValue("{\"$relationshipName\":\"n\",\"$targetId\":7}",
        BasicRelationship.class))
        .hasMessageContaining("Member /$targetId must be a string, found number");
  }

  @Test
  void builderRefusesReservedNamesAsProperties() {
    assertThatThrownBy(() -> BasicRelationship.builder().property("$sourceId", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name \"$sourceId\" is reserved");
  }

  @Test
  void toBuilderRemovesProperties() {
    BasicRelationship relationship = BasicRelationship.builder().name("n").targetId("t")
        .property("a", 1).property("b", 2).build();

    BasicRelationship changed = relationship.toBuilder().remove("a").build();

    assertThat(changed.properties().keySet()).containsExactly("b");
    assertThat(relationship.property("a", Integer.class)).contains(1);
  }
}
