package io.twinsdk.hub.digitaltwins.twins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.dtdl.DtdlParser;
import io.twinsdk.core.dtdl.TwinValidator;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.http.ApiError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwinDocumentsTest {

  private static final Instant EARLIER = Instant.parse("2026-01-01T00:00:00.123456789Z");
  private static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");
  private static final TwinValidator VALIDATOR = TwinValidator.of(DtdlParser.create().parse(List.of(
      Json.parse("""
          {"@id":"dtmi:t:Wifi;1","@type":"Interface","@context":"dtmi:dtdl:context;3",
           "contents":[{"@type":"Property","name":"Network","schema":"string"}]}"""),
      Json.parse("""
          {"@id":"dtmi:t:Room;1","@type":"Interface","@context":"dtmi:dtdl:context;3",
           "contents":[{"@type":"Property","name":"Temperature","schema":"double"},
                       {"@type":"Property","name":"Name","schema":"string"},
                       {"@type":"Component","name":"wifi","schema":"dtmi:t:Wifi;1"}]}"""))));

  private static ObjectNode given(String json) {
    return (ObjectNode) Json.parse(json);
  }

  @Test
  void newTwinGetsServiceOrderAndATimestampPerPropertyKeepingSourceTime() {
    ObjectNode twin = TwinDocuments.build("r1", "W/\"e\"", given("""
        {"$metadata":{"$model":"dtmi:t:Room;1","Temperature":{"sourceTime":"2022-05-31T12:00:01.000125009Z"}},
         "Temperature":20,"wifi":{"$metadata":{},"Network":"n"}}"""), VALIDATOR, TwinDocuments.Changes.ALL, EARLIER);

    assertThat(Json.write(twin)).isEqualTo("{\"$dtId\":\"r1\",\"$etag\":\"W/\\\"e\\\"\",\"Temperature\":20,"
        + "\"wifi\":{\"Network\":\"n\",\"$metadata\":{\"$lastUpdateTime\":\"2026-01-01T00:00:00.1234567Z\","
        + "\"Network\":{\"lastUpdateTime\":\"2026-01-01T00:00:00.1234567Z\"}}},"
        + "\"$metadata\":{\"$model\":\"dtmi:t:Room;1\",\"$lastUpdateTime\":\"2026-01-01T00:00:00.1234567Z\","
        + "\"Temperature\":{\"lastUpdateTime\":\"2026-01-01T00:00:00.1234567Z\","
        + "\"sourceTime\":\"2022-05-31T12:00:01.000125009Z\"}}}");
  }

  @Test
  void updateStampsOnlyWrittenPropertiesAndDropsRemovedOnes() {
    ObjectNode stored = TwinDocuments.build("r1", "W/\"e\"", given("""
        {"$metadata":{"$model":"dtmi:t:Room;1"},"Temperature":20,"Name":"a","wifi":{"$metadata":{},"Network":"n"}}"""),
        VALIDATOR, TwinDocuments.Changes.ALL, EARLIER);
    ObjectNode patched = stored.deepCopy();
    patched.put("Temperature", 21);
    patched.remove("Name");
    TwinDocuments.pruneMetadata(patched);

    ObjectNode updated = TwinDocuments.build("r1", "W/\"f\"", patched, VALIDATOR,
        (component, property) -> component == null && property.equals("Temperature"), NOW);

    JsonNode metadata = updated.get("$metadata");
    assertThat(metadata.get("$lastUpdateTime").asText()).isEqualTo("2026-02-01T00:00:00.0000000Z");
    assertThat(metadata.at("/Temperature/lastUpdateTime").asText()).isEqualTo("2026-02-01T00:00:00.0000000Z");
    assertThat(metadata.has("Name")).isFalse();
    assertThat(updated.at("/wifi/$metadata")).isEqualTo(stored.at("/wifi/$metadata"));
    assertThat(updated.get("$etag").asText()).isEqualTo("W/\"f\"");
  }

  @Test
  void nonConformingTwinIsValidationFailedWithOneDetailPerProblem() {
    assertThatThrownBy(() -> TwinDocuments.build("r1", "W/\"e\"", given("""
        {"$metadata":{"$model":"dtmi:t:Room;1"},"Temperature":"hot","Nope":1}"""), VALIDATOR,
        TwinDocuments.Changes.ALL, NOW))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.code()).isEqualTo("ValidationFailed");
          assertThat(e.details()).hasSize(3).anySatisfy(detail -> assertThat(detail).startsWith("/Temperature"))
              .anySatisfy(detail -> assertThat(detail).startsWith("/Nope"))
              .anySatisfy(detail -> assertThat(detail).startsWith("/wifi"));
        });
  }
}
