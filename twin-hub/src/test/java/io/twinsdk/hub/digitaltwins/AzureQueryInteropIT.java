package io.twinsdk.hub.digitaltwins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.Context;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinComponent;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.models.QueryChargeHelper;
import com.azure.digitaltwins.core.models.QueryOptions;
import io.twinsdk.hub.HubFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official client's {@code query} (azure-digitaltwins-core 1.5.0) against the hub: paging, charge, errors. */
class AzureQueryInteropIT {

  private static final int ROOMS = 7;

  @TempDir
  static Path data;
  static HubFixture fixture;
  static DigitalTwinsClient client;
  static int n;

  @BeforeAll
  static void startHub() {
    fixture = HubFixture.start(data);
    client = AzureClients.digitalTwins(fixture);
    n = AdtHttp.unique();
    client.createModels(List.of(TestModels.wifi(n), TestModels.room(n), TestModels.floor(n)));
    client.createOrReplaceDigitalTwin("floor", new BasicDigitalTwin("floor")
        .setMetadata(new BasicDigitalTwinMetadata().setModelId(TestModels.floorId(n))), BasicDigitalTwin.class);
    for (int i = 0; i < ROOMS; i++) {
      client.createOrReplaceDigitalTwin("room" + i, new BasicDigitalTwin("room" + i)
          .setMetadata(new BasicDigitalTwinMetadata().setModelId(TestModels.roomId(n)))
          .addToContents("Temperature", 20.0 + i)
          .addToContents("wifi", new BasicDigitalTwinComponent()), BasicDigitalTwin.class);
      client.createOrReplaceRelationship("floor", "c" + i,
          new BasicRelationship("c" + i, "floor", "room" + i, "contains"), BasicRelationship.class);
    }
  }

  @AfterAll
  static void stopHub() {
    fixture.close();
  }

  @Test
  void queryPagesThroughContinuationTokensWithACharge() {
    List<Integer> pageSizes = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (PagedResponse<BasicDigitalTwin> page : client.query(
        "SELECT * FROM DIGITALTWINS WHERE IS_OF_MODEL('" + TestModels.roomId(n) + "')", BasicDigitalTwin.class,
        new QueryOptions().setMaxItemsPerPage(3), Context.NONE).iterableByPage()) {
      pageSizes.add(page.getValue().size());
      page.getValue().forEach(twin -> ids.add(twin.getId()));
      assertThat(QueryChargeHelper.getQueryCharge(page)).isPositive();
    }

    assertThat(pageSizes).containsExactly(3, 3, 1);
    assertThat(ids).containsExactly("room0", "room1", "room2", "room3", "room4", "room5", "room6");
  }

  @Test
  void typedTwinsCarryTheirPropertiesAndMetadata() {
    List<BasicDigitalTwin> twins = new ArrayList<>();
    client.query("SELECT * FROM DIGITALTWINS T WHERE T.Temperature >= 25", BasicDigitalTwin.class)
        .forEach(twins::add);

    assertThat(twins).extracting(BasicDigitalTwin::getId).containsExactly("room5", "room6");
    assertThat(twins.get(0).getContents().get("Temperature")).isEqualTo(25.0);
    assertThat(twins.get(0).getMetadata().getModelId()).isEqualTo(TestModels.roomId(n));
    assertThat(twins.get(0).getETag()).startsWith("W/\"");
  }

  @Test
  void joinAndCountRowsArriveAsJsonStrings() {
    List<String> rows = new ArrayList<>();
    client.query("SELECT F, R FROM DIGITALTWINS F JOIN R RELATED F.contains WHERE F.$dtId = 'floor' "
        + "AND R.Temperature < 21", String.class).forEach(rows::add);
    List<String> count = new ArrayList<>();
    client.query("SELECT COUNT() FROM RELATIONSHIPS", String.class).forEach(count::add);

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).contains("\"R\":{\"$dtId\":\"room0\"");
    assertThat(count).containsExactly("{\"COUNT\":" + ROOMS + "}");
  }

  @Test
  void malformedQueryIsA400() {
    assertThatThrownBy(() -> client.query("SELECT FROM WHERE", String.class).forEach(row -> { }))
        .isInstanceOfSatisfying(HttpResponseException.class, e -> {
          assertThat(e.getResponse().getStatusCode()).isEqualTo(400);
          assertThat(e.getMessage()).contains("SqlQueryError");
        });
  }
}
