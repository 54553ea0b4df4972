package io.twinsdk.core.digitaltwin;

import static io.twinsdk.core.digitaltwin.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicDigitalTwinTest {

  private static final String LIVE_TWIN = "{\"$dtId\":\"roomTwin515029\","
      + "\"$etag\":\"W/\\\"a2959dfc-2b56-4142-90ea-5a3d72ac9cb6\\\"\","
      + "\"IsOccupied\":true,\"Temperature\":80,\"Humidity\":25.50,\"EmployeeId\":\"Employee1\","
      + "\"wifiAccessPoint\":{\"RouterName\":\"Cisco1\",\"$metadata\":{\"$lastUpdateTime\":\"2023-07-20T06:37:41.4519025Z\","
      + "\"RouterName\":{\"lastUpdateTime\":\"2023-07-20T06:37:41.4519025Z\"}}},"
      + "\"$metadata\":{\"$model\":\"dtmi:example:Room;1539240\",\"$lastUpdateTime\":\"2023-07-20T06:40:46.6236132Z\","
      + "\"IsOccupied\":{\"lastUpdateTime\":\"2023-07-20T06:40:46.6236132Z\"},"
      + "\"Temperature\":{\"lastUpdateTime\":\"2023-07-20T06:40:46.6758121Z\","
      + "\"sourceTime\":\"2023-07-20T06:40:40.000125009Z\"}}}";

  @Test
  void builderWritesTheServiceMemberOrder() {
    BasicDigitalTwin twin = BasicDigitalTwin.builder("room1")
        .model("dtmi:example:Room;1")
        .property("Temperature", 70)
        .component("wifi", BasicDigitalTwinComponent.builder().property("Network", "Room1").build())
        .property("Humidity", new BigDecimal("25.50"))
        .etag("W/\"1\"")
        .build();

    String json = Json.write(twin);

    assertSameJson(json, "{\"$dtId\":\"room1\",\"$etag\":\"W/\\\"1\\\"\",\"Temperature\":70,"
        + "\"wifi\":{\"Network\":\"Room1\",\"$metadata\":{}},\"Humidity\":25.50,"
        + "\"$metadata\":{\"$model\":\"dtmi:example:Room;1\"}}");
  }

  @Test
  void twinWithoutIdSuitsACreateRequestBody() {
    BasicDigitalTwin twin = BasicDigitalTwin.builder().model("dtmi:example:Room;1").build();

    assertThat(twin.id()).isEmpty();
    assertSameJson(Json.write(twin), "{\"$metadata\":{\"$model\":\"dtmi:example:Room;1\"}}");
  }

  @Test
  void parsedTwinExposesItsParts() throws Exception {
    BasicDigitalTwin twin = Json.mapper().readValue(LIVE_TWIN, BasicDigitalTwin.class);

    assertThat(twin.id()).contains("roomTwin515029");
    assertThat(twin.etag()).contains("W/\"a2959dfc-2b56-4142-90ea-5a3d72ac9cb6\"");
    assertThat(twin.model()).contains("dtmi:example:Room;1539240");
    assertThat(twin.contents().keySet())
        .containsExactly("IsOccupied", "Temperature", "Humidity", "EmployeeId", "wifiAccessPoint");
    assertThat(twin.properties().keySet()).containsExactly("IsOccupied", "Temperature", "Humidity", "EmployeeId");
    assertThat(twin.components().keySet()).containsExactly("wifiAccessPoint");
    assertThat(twin.component("wifiAccessPoint").flatMap(c -> c.property("RouterName", String.class)))
        .contains("Cisco1");
    assertThat(twin.property("wifiAccessPoint")).isEmpty();
  }

  @Test
  void typedPropertyReadsBindTheValue() throws Exception {
    BasicDigitalTwin twin = Json.mapper().readValue(LIVE_TWIN, BasicDigitalTwin.class);

    assertThat(twin.property("Temperature", Double.class)).contains(80.0);
    assertThat(twin.property("Temperature", Integer.class)).contains(80);
    assertThat(twin.property("Humidity", BigDecimal.class)).contains(new BigDecimal("25.50"));
    assertThat(twin.property("IsOccupied", Boolean.class)).contains(true);
    assertThat(twin.property("Missing", Double.class)).isEmpty();
  }

  @Test
  void typedPropertyReadThatCannotBindNamesTheProperty() throws Exception {
    BasicDigitalTwin twin = Json.mapper().readValue(LIVE_TWIN, BasicDigitalTwin.class);

    assertThatThrownBy(() -> twin.property("EmployeeId", Integer.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Property \"EmployeeId\" cannot be read as java.lang.Integer");
  }

  @Test
  void jsonNullPropertyReadsAsEmptyButIsPresentAsNode() {
    BasicDigitalTwin twin = BasicDigitalTwin.builder("t").property("Note", Json.parse("null")).build();

    assertThat(twin.property("Note", String.class)).isEmpty();
    assertThat(twin.property("Note")).hasValueSatisfying(value -> assertThat(value.isNull()).isTrue());
  }

  @Test
  void numbersKeepTheirWrittenForm() throws Exception {
    String json = "{\"$dtId\":\"t\",\"a\":75.0,\"b\":1.10,\"c\":12345678901234567890,\"d\":0.1,"
        + "\"e\":3.141592653589793238462643383279,\"f\":-7,\"$metadata\":{\"$model\":\"dtmi:a:b;1\"}}";

    String written = Json.write(Json.mapper().readValue(json, BasicDigitalTwin.class));

    assertSameJson(written, json);
  }

  @Test
  void numbersKeepTheirFormWhateverMapperBinds() throws Exception {
    ObjectMapper plain = new ObjectMapper();
    String json = "{\"$dtId\":\"t\",\"a\":75.0,\"b\":1.10,\"$metadata\":{}}";

    String written = plain.writeValueAsString(plain.readValue(json, BasicDigitalTwin.class));

    assertSameJson(written, json);
  }

  @Test
  void timestampsSurviveUnchangedAndReadAsInstants() throws Exception {
    BasicDigitalTwin twin = Json.mapper().readValue(LIVE_TWIN, BasicDigitalTwin.class);

    DigitalTwinPropertyMetadata temperature = twin.metadata().propertyMetadata("Temperature").orElseThrow();

    assertThat(twin.metadata().lastUpdateTimeText()).contains("2023-07-20T06:40:46.6236132Z");
    assertThat(twin.metadata().lastUpdateTime()).contains(Instant.parse("2023-07-20T06:40:46.6236132Z"));
    assertThat(temperature.sourceTime()).contains(Instant.parse("2023-07-20T06:40:40.000125009Z"));
    assertSameJson(Json.write(twin), LIVE_TWIN);
  }

  @Test
  void parsedMemberOrderIsKeptButToBuilderUsesTheServiceOrder() throws Exception {
    String json = "{\"$metadata\":{\"$model\":\"dtmi:a:b;1\"},\"b\":2,\"$dtId\":\"t\",\"a\":1}";
    BasicDigitalTwin twin = Json.mapper().readValue(json, BasicDigitalTwin.class);

    String asRead = Json.write(twin);
    String rebuilt = Json.write(twin.toBuilder().build());

    assertSameJson(asRead, json);
    assertSameJson(rebuilt, "{\"$dtId\":\"t\",\"b\":2,\"a\":1,\"$metadata\":{\"$model\":\"dtmi:a:b;1\"}}");
    assertThat(twin.toBuilder().build()).isEqualTo(twin);
  }

  @Test
  void toBuilderChangesOnlyWhatItIsTold() throws Exception {
    BasicDigitalTwin twin = Json.mapper().readValue(LIVE_TWIN, BasicDigitalTwin.class);

    BasicDigitalTwin changed = twin.toBuilder()
        .property("Temperature", 81)
        .remove("EmployeeId")
        .etag("W/\"2\"")
        .build();

    assertThat(changed.property("Temperature", Integer.class)).contains(81);
    assertThat(changed.contents()).doesNotContainKey("EmployeeId");
    assertThat(changed.etag()).contains("W/\"2\"");
    assertThat(changed.metadata()).isEqualTo(twin.metadata());
    assertThat(changed.contents().keySet())
        .containsExactly("IsOccupied", "Temperature", "Humidity", "wifiAccessPoint");
    assertThat(twin.property("Temperature", Integer.class)).contains(80);
  }

  @Test
  void modelKeepsTheRestOfTheMetadata() {
    DigitalTwinMetadata metadata = DigitalTwinMetadata.builder()
        .model("dtmi:a:b;1")
        .lastUpdateTime("2023-07-20T06:40:46.6236132Z")
        .build();

    BasicDigitalTwin twin = BasicDigitalTwin.builder("t").metadata(metadata).model("dtmi:a:b;2").build();

    assertThat(twin.model()).contains("dtmi:a:b;2");
    assertThat(twin.metadata().lastUpdateTimeText()).contains("2023-07-20T06:40:46.6236132Z");
  }

  @Test
  void objectWithMetadataObjectIsAComponentHoweverItArrives() {
    ObjectNode componentJson = (ObjectNode) Json.parse("{\"Network\":\"n\",\"$metadata\":{}}");

    BasicDigitalTwin twin = BasicDigitalTwin.builder("t")
        .property("wifi", componentJson)
        .property("address", Map.of("street", "Main"))
        .build();

    assertThat(twin.components().keySet()).containsExactly("wifi");
    assertThat(twin.properties().keySet()).containsExactly("address");
  }

  @Test
  void returnedNodesAreCopies() {
    BasicDigitalTwin twin = BasicDigitalTwin.builder("t").property("address", Map.of("street", "Main")).build();

    ((ObjectNode) twin.property("address").orElseThrow()).put("street", "Changed");
    ((ObjectNode) twin.contents().get("address")).put("street", "Changed");
    ((ObjectNode) twin.properties().get("address")).put("street", "Changed");

    assertThat(twin.property("address").orElseThrow().get("street").asText()).isEqualTo("Main");
  }

  @Test
  void nodesGivenToTheBuilderAreCopied() {
    ObjectNode address = (ObjectNode) Json.parse("{\"street\":\"Main\"}");
    BasicDigitalTwin twin = BasicDigitalTwin.builder("t").property("address", address).build();

    address.put("street", "Changed");

    assertThat(twin.property("address").orElseThrow().get("street").asText()).isEqualTo("Main");
  }

  @Test
  void builderRefusesReservedAndEmptyNames() {
    BasicDigitalTwin.Builder builder = BasicDigitalTwin.builder("t");

    assertThatThrownBy(() -> builder.property("$etag", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name \"$etag\" is reserved");
    assertThatThrownBy(() -> builder.property("", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be empty");
    assertThatThrownBy(() -> builder.property("a", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value");
    assertThatThrownBy(() -> BasicDigitalTwin.builder(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must not be empty");
  }

  @Test
  void malformedTwinNamesTheOffendingMember() {
    assertThatThrownBy(() -> Json.mapper().readValue("{\"$dtId\":5}", BasicDigitalTwin.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("Member /$dtId must be a string, found number");
    assertThatThrownBy(() -> Json.mapper().readValue("{\"$metadata\":[]}", BasicDigitalTwin.class))
        .hasMessageContaining("Member /$metadata must be a JSON object, found array");
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"$metadata\":{\"p\":{\"lastUpdateTime\":\"yesterday\"}}}", BasicDigitalTwin.class))
        .hasMessageContaining("Member /$metadata/p/lastUpdateTime must be an RFC 3339 timestamp, found \"yesterday\"");
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"wifi\":{\"$metadata\":{\"$lastUpdateTime\":1}}}", BasicDigitalTwin.class))
        .hasMessageContaining("Member /wifi/$metadata/$lastUpdateTime must be a string, found number");
    assertThatThrownBy(() -> Json.mapper().readValue("[]", BasicDigitalTwin.class))
        .hasMessageContaining("The document must be a JSON object, found array");
  }

  @Test
  void bindsInsideCollectionsAndOtherObjects() throws Exception {
    String list = "[{\"$dtId\":\"a\",\"$metadata\":{}},{\"$dtId\":\"b\",\"$metadata\":{}}]";
    String page = "{\"value\":[{\"$dtId\":\"a\",\"x\":1.50,\"$metadata\":{}}],\"continuationToken\":\"c\"}";

    List<BasicDigitalTwin> twins = Json.mapper().readValue(list, new TypeReference<List<BasicDigitalTwin>>() {});
    Page typed = new ObjectMapper().readValue(page, Page.class);

    assertThat(twins).extracting(t -> t.id().orElseThrow()).containsExactly("a", "b");
    assertThat(typed.value).extracting(t -> t.id().orElseThrow()).containsExactly("a");
    assertThat(typed.value.get(0).property("x")).map(JsonNode::toString).contains("1.50");
    assertThat(typed.continuationToken).isEqualTo("c");
  }

  @Test
  void usersCanBindTheirOwnClassWithTheServiceNames() throws Exception {
    Room room = Json.mapper().readValue(LIVE_TWIN, Room.class);

    assertThat(room.id).isEqualTo("roomTwin515029");
    assertThat(room.temperature).isEqualTo(80.0);
    assertThat(room.metadata.model()).contains("dtmi:example:Room;1539240");
    assertThat(Json.parse(Json.write(room)).get("$metadata").get("$model").asText())
        .isEqualTo("dtmi:example:Room;1539240");
  }

  @Test
  void equalTwinsHaveEqualHashCodes() throws Exception {
    BasicDigitalTwin parsed = Json.mapper().readValue(LIVE_TWIN, BasicDigitalTwin.class);
    BasicDigitalTwin again = Json.mapper().readValue(Json.write(parsed.toBuilder().build()), BasicDigitalTwin.class);

    assertThat(again).isEqualTo(parsed).hasSameHashCodeAs(parsed);
    assertThat(again.toBuilder().property("Temperature", 81).build()).isNotEqualTo(parsed);
    assertThat(parsed.toString()).isEqualTo(Json.write(parsed));
  }

  /** The example from the package documentation: a user's own twin class. */
  static final class Room {
    @JsonProperty(DigitalTwinsJsonNames.DIGITAL_TWIN_ID) public String id;
    @JsonProperty(DigitalTwinsJsonNames.ETAG) public String etag;
    @JsonProperty(DigitalTwinsJsonNames.METADATA) public DigitalTwinMetadata metadata;
    @JsonProperty("Temperature") public double temperature;
  }

  static final class Page {
    public List<BasicDigitalTwin> value;
    public String continuationToken;
  }
}
