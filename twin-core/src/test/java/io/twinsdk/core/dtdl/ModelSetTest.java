package io.twinsdk.core.dtdl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSetTest {

  private static final Dtmi ROOM = Dtmi.parse("dtmi:ex:Room;1");
  private static final Dtmi CONFERENCE_ROOM = Dtmi.parse("dtmi:ex:ConferenceRoom;1");
  private static final Dtmi WIFI = Dtmi.parse("dtmi:ex:Wifi;1");
  private static final Dtmi SPACE = Dtmi.parse("dtmi:ex:Space;1");

  private static JsonNode model(String id, String members) {
    return Json.parse("{\"@context\": \"dtmi:dtdl:context;3\", \"@id\": \"" + id + "\", \"@type\": \"Interface\""
        + (members.isEmpty() ? "" : ", " + members) + "}");
  }

  private static ModelSet building() {
    return ModelSet.empty().with(List.of(
        model("dtmi:ex:Space;1", "\"contents\": {\"@type\": \"Property\", \"name\": \"name\", \"schema\": \"string\"}"),
        model("dtmi:ex:Wifi;1", "\"contents\": {\"@type\": \"Property\", \"name\": \"ssid\", \"schema\": \"string\"}"),
        model("dtmi:ex:Room;1", """
            "extends": "dtmi:ex:Space;1",
            "contents": [{"@type": "Property", "name": "occupied", "schema": "boolean"},
                         {"@type": "Component", "name": "wifi", "schema": "dtmi:ex:Wifi;1"},
                         {"@type": "Relationship", "name": "on", "target": "dtmi:ex:Floor;1"}]""")));
  }

  @Test
  void anEmptySetHasNoModels() {
    assertThat(ModelSet.empty().size()).isZero();
    assertThat(ModelSet.empty().contains(ROOM)).isFalse();
    assertThat(ModelSet.empty().get(ROOM)).isEmpty();
  }

  @Test
  void referencesResolveAcrossDocumentsInAnyOrder() {
    ModelSet models = ModelSet.empty().with(List.of(
        model("dtmi:ex:ConferenceRoom;1", "\"extends\": \"dtmi:ex:Room;1\""),
        model("dtmi:ex:Room;1",
            "\"contents\": {\"@type\": \"Property\", \"name\": \"occupied\", \"schema\": \"boolean\"}")));

    DtdlInterface conferenceRoom = models.get(CONFERENCE_ROOM).orElseThrow();
    assertThat(conferenceRoom.bases()).extracting(DtdlInterface::id).containsExactly(ROOM);
    assertThat(conferenceRoom.effectiveContents()).containsOnlyKeys("occupied");
    assertThat(conferenceRoom.contents()).isEmpty();
  }

  @Test
  void newDocumentsMayUseModelsOfTheExistingSet() {
    ModelSet existing = building();

    ModelSet extended = existing.with(List.of(model("dtmi:ex:ConferenceRoom;1", """
        "extends": "dtmi:ex:Room;1",
        "contents": {"@type": "Property", "name": "capacity", "schema": "integer"}""")));

    assertThat(extended.get(CONFERENCE_ROOM).orElseThrow().effectiveContents().keySet())
        .containsExactly("name", "occupied", "wifi", "on", "capacity");
    assertThat(extended.get(ROOM)).containsSame(existing.get(ROOM).orElseThrow());
    assertThat(existing.contains(CONFERENCE_ROOM)).as("the original set is unchanged").isFalse();
  }

  @Test
  void unknownReferencesAreReportedWithTheIdentifier() {
    DtdlException e = catchThrowableOfType(DtdlException.class,
        () -> ModelSet.empty().with(List.of(model("dtmi:ex:Room;1", "\"extends\": \"dtmi:ex:Missing;1\""))));

    assertThat(e.errors()).singleElement().satisfies(error -> {
      assertThat(error.code()).isEqualTo(ModelError.Code.UNRESOLVED_REFERENCE);
      assertThat(error.unresolvedReference()).contains("dtmi:ex:Missing;1");
      assertThat(error.pointer()).isEqualTo("/extends");
    });
  }

  @Test
  void relationshipTargetsAreByReferenceAndMayBeMissing() {
    DtdlRelationship on = (DtdlRelationship) building().get(ROOM).orElseThrow().content("on").orElseThrow();

    assertThat(on.target()).contains(Dtmi.parse("dtmi:ex:Floor;1"));
  }

  @Test
  void anIdThatAlreadyExistsIsRejected() {
    DtdlException e = catchThrowableOfType(DtdlException.class, () -> building().with(List.of(model("dtmi:ex:Room;1",
        ""))));

    assertThat(e.errors()).singleElement().satisfies(error -> {
      assertThat(error.code()).isEqualTo(ModelError.Code.ALREADY_EXISTS);
      assertThat(error.pointer()).isEqualTo("/@id");
    });
  }

  @Test
  void isAssignableToFollowsInheritanceTransitively() {
    ModelSet models = building().with(List.of(model("dtmi:ex:ConferenceRoom;1", "\"extends\": \"dtmi:ex:Room;1\"")));

    assertThat(models.isAssignableTo(CONFERENCE_ROOM, CONFERENCE_ROOM)).isTrue();
    assertThat(models.isAssignableTo(CONFERENCE_ROOM, ROOM)).isTrue();
    assertThat(models.isAssignableTo(CONFERENCE_ROOM, SPACE)).isTrue();
    assertThat(models.isAssignableTo(ROOM, CONFERENCE_ROOM)).isFalse();
    assertThat(models.isAssignableTo(CONFERENCE_ROOM, WIFI)).as("components are not inheritance").isFalse();
    assertThat(models.isAssignableTo(Dtmi.parse("dtmi:ex:Unknown;1"), ROOM)).isFalse();
    assertThat(models.get(CONFERENCE_ROOM).orElseThrow().ancestors()).containsExactly(ROOM, SPACE);
  }

  @Test
  void dependenciesAreBasesAndComponentSchemasTransitively() {
    ModelSet models = building().with(List.of(model("dtmi:ex:ConferenceRoom;1", "\"extends\": \"dtmi:ex:Room;1\"")));

    assertThat(models.dependenciesOf(ROOM)).containsExactly(SPACE, WIFI);
    assertThat(models.dependenciesOf(CONFERENCE_ROOM)).containsExactly(ROOM, SPACE, WIFI);
    assertThat(models.dependenciesOf(SPACE)).isEmpty();
    assertThatThrownBy(() -> models.dependenciesOf(Dtmi.parse("dtmi:ex:Unknown;1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dtmi:ex:Unknown;1");
  }

  @Test
  void elementsInsideAnotherInterfaceCannotBeReferenced() {
    ModelSet units = ModelSet.empty().with(List.of(model("dtmi:ex:Units;1",
        "\"schemas\": {\"@id\": \"dtmi:ex:Units:list;1\", \"@type\": \"Array\", \"elementSchema\": \"double\"}")));

    DtdlException e = catchThrowableOfType(DtdlException.class, () -> units.with(List.of(model("dtmi:ex:Room;1",
        "\"contents\": {\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"dtmi:ex:Units:list;1\"}"))));

    assertThat(e.errors()).singleElement().satisfies(error -> {
      assertThat(error.pointer()).isEqualTo("/contents/schema");
      assertThat(error.message()).isEqualTo("dtmi:ex:Units:list;1 is defined inside Interface dtmi:ex:Units;1; apart"
          + " from Interfaces, an element can only refer to elements defined in its own Interface");
    });
  }

  @Test
  void theIdsOfElementsInsideExistingModelsAreTaken() {
    ModelSet units = ModelSet.empty().with(List.of(model("dtmi:ex:Units;1",
        "\"schemas\": {\"@id\": \"dtmi:ex:Units:list;1\", \"@type\": \"Array\", \"elementSchema\": \"double\"}")));
    JsonNode reuse = model("dtmi:ex:Room;1",
        "\"schemas\": {\"@id\": \"dtmi:ex:Units:list;1\", \"@type\": \"Array\", \"elementSchema\": \"long\"}");

    DtdlException e = catchThrowableOfType(DtdlException.class, () -> units.with(List.of(reuse)));

    assertThat(e.errors()).singleElement().satisfies(error -> {
      assertThat(error.code()).isEqualTo(ModelError.Code.ALREADY_EXISTS);
      assertThat(error.pointer()).isEqualTo("/schemas/@id");
    });
    assertThat(units.without(List.of(Dtmi.parse("dtmi:ex:Units;1"))).with(List.of(reuse)).size()).isEqualTo(1);
  }

  @Test
  void referencedByListsTheDirectUsersOfAModel() {
    ModelSet models = building();

    assertThat(models.referencedBy(SPACE)).containsExactly(ROOM);
    assertThat(models.referencedBy(WIFI)).containsExactly(ROOM);
    assertThat(models.referencedBy(ROOM)).isEmpty();
  }

  @Test
  void withoutRemovesUnreferencedModelsOnly() {
    ModelSet models = building();

    assertThatThrownBy(() -> models.without(List.of(WIFI)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("dtmi:ex:Room;1 references dtmi:ex:Wifi;1");
    ModelSet smaller = models.without(List.of(ROOM, WIFI));
    assertThat(smaller.ids()).containsExactly(SPACE);
    assertThat(smaller.referencedBy(SPACE)).isEmpty();
    assertThat(models.size()).isEqualTo(3);
    assertThatThrownBy(() -> models.without(List.of(Dtmi.parse("dtmi:ex:Unknown;1"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inlineInterfacesBecomeModelsOfTheSet() {
    ModelSet models = ModelSet.empty().with(List.of(model("dtmi:ex:Phone;1", """
        "extends": {"@id": "dtmi:ex:Device;1", "@type": "Interface"},
        "contents": {"@type": "Component", "name": "camera",
                     "schema": {"@id": "dtmi:ex:Camera;1", "@type": "Interface"}}""")));

    assertThat(models.ids()).containsExactlyInAnyOrder(Dtmi.parse("dtmi:ex:Phone;1"), Dtmi.parse("dtmi:ex:Device;1"),
        Dtmi.parse("dtmi:ex:Camera;1"));
    assertThat(models.referencedBy(Dtmi.parse("dtmi:ex:Camera;1"))).containsExactly(Dtmi.parse("dtmi:ex:Phone;1"));
  }

  @Test
  void componentSchemasResolveToTheirInterfaces() {
    DtdlComponent wifi = (DtdlComponent) building().get(ROOM).orElseThrow().content("wifi").orElseThrow();

    assertThat(wifi.schema().id()).isEqualTo(WIFI);
    assertThat(wifi.schema().effectiveContents()).containsOnlyKeys("ssid");
  }

  @Test
  void modelCollectionsAreUnmodifiable() {
    ModelSet models = building();

    assertThatThrownBy(() -> models.ids().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> models.get(ROOM).orElseThrow().effectiveContents().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> models.get(ROOM).orElseThrow().contents().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
