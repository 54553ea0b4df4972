package io.twinsdk.core.devicetwin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TwinTest {

  @Test
  void serviceTwinRoundTripsExactly() {
    String original = Documents.compact("service-twin.json");

    Twin twin = Twin.fromJson(original);

    assertThat(twin.toJson()).isEqualTo(original);
  }

  @Test
  void sharedMapperReadsAndWritesTwins() throws Exception {
    String original = Documents.compact("service-twin.json");

    Twin twin = Json.mapper().readValue(original, Twin.class);

    assertThat(Json.mapper().writeValueAsString(twin)).isEqualTo(original);
  }

  @Test
  void serviceTwinMembersAreTyped() {
    Twin twin = Twin.fromJson(Documents.compact("service-twin.json"));

    assertThat(twin.deviceId()).isEqualTo("devA");
    assertThat(twin.moduleId()).isEmpty();
    assertThat(twin.etag()).contains("AAAAAAAAAAc=");
    assertThat(twin.deviceEtag()).contains("MTM1NTg1NjQ0");
    assertThat(twin.version()).isEqualTo(OptionalLong.of(2));
    assertThat(twin.status()).contains(Twin.Status.ENABLED);
    assertThat(twin.statusReason()).contains("provisioned");
    assertThat(twin.statusUpdateTime()).contains("0001-01-01T00:00:00");
    assertThat(twin.connectionState()).contains(Twin.ConnectionState.DISCONNECTED);
    assertThat(twin.lastActivityTime()).contains("2015-02-30T16:24:48.789Z");
    assertThat(twin.cloudToDeviceMessageCount()).isEqualTo(OptionalInt.of(0));
    assertThat(twin.authenticationType()).contains(Twin.AuthenticationType.SAS);
    assertThat(twin.x509Thumbprint()).contains(Twin.X509Thumbprint.of(null, null));
    assertThat(twin.modelId()).contains("");
    assertThat(twin.capabilities()).contains(Twin.Capabilities.of(false));
    assertThat(twin.tags().get("deploymentLocation")).contains(Json.parse("{\"building\":\"43\",\"floor\":\"1\"}"));
    assertThat(twin.desired().get("hum")).contains(Json.parse("75.0"));
    assertThat(twin.desired().version()).isEqualTo(OptionalLong.of(4));
    assertThat(twin.desired().metadata().orElseThrow().child("temp").orElseThrow().lastUpdated())
        .isEqualTo(Instant.parse("2019-01-14T08:54:15.599Z"));
    assertThat(twin.reported().version()).isEqualTo(OptionalLong.of(1));
    assertThat(twin.reported().isEmpty()).isTrue();
  }

  @Test
  void lowercaseConnectionStateIsReadAndWrittenAsTheServiceWritesIt() {
    Twin twin = Twin.fromJson("{\"deviceId\":\"d\",\"connectionState\":\"connected\"}");

    assertThat(twin.connectionState()).contains(Twin.ConnectionState.CONNECTED);
    assertThat(twin.toJson()).isEqualTo("{\"deviceId\":\"d\",\"connectionState\":\"Connected\"}");
  }

  @Test
  void unknownMembersAndExplicitNullsAreKeptInPlace() {
    String original = "{\"deviceId\":\"edge1\",\"moduleId\":null,\"etag\":null,\"deviceScope\":\"ms-azure-iot-edge://edge1\","
        + "\"parentScopes\":[],\"futureField\":{\"x\":1.50},\"version\":null,\"tags\":{},"
        + "\"properties\":{\"desired\":{\"a\":1},\"reported\":null}}";

    Twin twin = Twin.fromJson(original);

    assertThat(twin.toJson()).isEqualTo(original);
    assertThat(twin.etag()).isEmpty();
    assertThat(twin.version()).isEmpty();
    assertThat(twin.additionalFields()).containsOnlyKeys("deviceScope", "parentScopes", "futureField");
    assertThat(twin.reported().isEmpty()).isTrue();
  }

  @Test
  void unknownMembersCannotBeChangedThroughResults() {
    String original = "{\"deviceId\":\"d\",\"parentScopes\":[\"p\"],\"futureField\":{\"x\":1}}";
    Twin twin = Twin.fromJson(original);

    ((ObjectNode) twin.additionalFields().get("futureField")).put("x", 2);
    ((ArrayNode) twin.additionalFields().get("parentScopes")).add("q");
    ((ObjectNode) twin.toJsonNode().get("futureField")).put("x", 3);
    ((ArrayNode) twin.toJsonNode().get("parentScopes")).add("r");

    assertThat(twin.toJson()).isEqualTo(original);
  }

  @Test
  void builtTwinWritesMembersInServiceOrder() {
    Twin twin = Twin.builder("dev-1")
        .properties(TwinProperties.of(TwinCollection.newSection(Instant.parse("2024-01-01T00:00:00Z")),
            TwinCollection.newSection(Instant.parse("2024-01-01T00:00:00Z"))))
        .tags(TwinCollection.empty().with("site", "A"))
        .additionalField("deviceScope", Json.parse("\"scope\""))
        .capabilities(Twin.Capabilities.of(true))
        .modelId("dtmi:com:example:Thermostat;1")
        .x509Thumbprint(Twin.X509Thumbprint.of("AB12", null))
        .authenticationType(Twin.AuthenticationType.SELF_SIGNED)
        .cloudToDeviceMessageCount(3)
        .lastActivityTime("2024-01-02T03:04:05.678Z")
        .connectionState(Twin.ConnectionState.CONNECTED)
        .statusUpdateTime("2024-01-01T00:00:00Z")
        .statusReason("ok")
        .status(Twin.Status.DISABLED)
        .version(7L)
        .deviceEtag("ZGV2")
        .etag("AAAAAAAAAAc=")
        .moduleId("mod")
        .build();

    assertThat(twin.toJson()).isEqualTo("{\"deviceId\":\"dev-1\",\"moduleId\":\"mod\",\"etag\":\"AAAAAAAAAAc=\","
        + "\"deviceEtag\":\"ZGV2\",\"version\":7,\"status\":\"disabled\",\"statusReason\":\"ok\","
        + "\"statusUpdateTime\":\"2024-01-01T00:00:00Z\",\"connectionState\":\"Connected\","
        + "\"lastActivityTime\":\"2024-01-02T03:04:05.678Z\",\"cloudToDeviceMessageCount\":3,"
        + "\"authenticationType\":\"selfSigned\",\"x509Thumbprint\":{\"primaryThumbprint\":\"AB12\","
        + "\"secondaryThumbprint\":null},\"modelId\":\"dtmi:com:example:Thermostat;1\","
        + "\"capabilities\":{\"iotEdge\":true},\"deviceScope\":\"scope\",\"tags\":{\"site\":\"A\"},"
        + "\"properties\":{\"desired\":{\"$version\":1,\"$metadata\":{\"$lastUpdated\":\"2024-01-01T00:00:00.000Z\"}},"
        + "\"reported\":{\"$version\":1,\"$metadata\":{\"$lastUpdated\":\"2024-01-01T00:00:00.000Z\"}}}}");
  }

  @Test
  void toBuilderChangesOnlyWhatIsSet() {
    Twin original = Twin.fromJson(Documents.compact("service-twin.json"));

    Twin changed = original.toBuilder()
        .etag("AAAAAAAAAAg=")
        .desired(original.desired().applyPatch(Json.parse("{\"hum\":80}"), Instant.parse("2024-01-01T00:00:00Z")))
        .statusReason(null)
        .build();

    assertThat(changed.etag()).contains("AAAAAAAAAAg=");
    assertThat(changed.statusReason()).isEmpty();
    assertThat(changed.toJson()).doesNotContain("statusReason");
    assertThat(changed.desired().version()).isEqualTo(OptionalLong.of(5));
    assertThat(changed.reported()).isEqualTo(original.reported());
    assertThat(changed.tags()).isEqualTo(original.tags());
    assertThat(original.etag()).contains("AAAAAAAAAAc=");
  }

  @Test
  void toBuilderWithoutChangesGivesAnEqualTwin() {
    Twin original = Twin.fromJson(Documents.compact("service-twin.json"));

    Twin copy = original.toBuilder().build();

    assertThat(copy).isEqualTo(original).hasSameHashCodeAs(original);
    assertThat(copy.toJson()).isEqualTo(original.toJson());
  }

  @Test
  void missingDeviceIdIsRefused() {
    assertThatThrownBy(() -> Twin.fromJson("{\"etag\":\"x\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deviceId");
    assertThatThrownBy(() -> Twin.builder("").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deviceId");
  }

  @Test
  void wronglyTypedMemberIsRefusedByName() {
    assertThatThrownBy(() -> Twin.fromJson("{\"deviceId\":\"d\",\"version\":\"2\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version must be an integer");
    assertThatThrownBy(() -> Twin.fromJson("{\"deviceId\":\"d\",\"cloudToDeviceMessageCount\":1.5}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cloudToDeviceMessageCount");
    assertThatThrownBy(() -> Twin.fromJson("{\"deviceId\":\"d\",\"capabilities\":{\"iotEdge\":\"yes\"}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capabilities.iotEdge");
  }

  @Test
  void unknownEnumValueIsRefusedWithTheAllowedValues() {
    assertThatThrownBy(() -> Twin.fromJson("{\"deviceId\":\"d\",\"status\":\"paused\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enabled or disabled")
        .hasMessageContaining("paused");
    assertThatThrownBy(() -> Twin.fromJson("{\"deviceId\":\"d\",\"connectionState\":\"Dozing\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Connected or Disconnected");
    assertThatThrownBy(() -> Twin.fromJson("{\"deviceId\":\"d\",\"authenticationType\":\"magic\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("certificateAuthority");
  }

  @Test
  void tagsWithVersionAreRefused() {
    assertThatThrownBy(() -> Twin.builder("d").tags(TwinCollection.empty().withVersion(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tags must not have a $version");
  }

  @Test
  void modelledMemberCannotBeSetAsAdditionalField() {
    assertThatThrownBy(() -> Twin.builder("d").additionalField("etag", Json.parse("\"x\"")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("etag");
  }

  @Test
  void desiredAndReportedCanBeSetSeparately() {
    Twin twin = Twin.builder("d")
        .reported(TwinCollection.empty().with("r", 1))
        .desired(TwinCollection.empty().with("s", 2))
        .build();

    assertThat(twin.reported().keys()).containsExactly("r");
    assertThat(twin.desired().keys()).containsExactly("s");
    assertThat(twin.toJson()).isEqualTo("{\"deviceId\":\"d\",\"properties\":{\"desired\":{\"s\":2},\"reported\":{\"r\":1}}}");
  }
}
