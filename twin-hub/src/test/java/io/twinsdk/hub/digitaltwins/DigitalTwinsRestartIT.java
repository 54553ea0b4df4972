package io.twinsdk.hub.digitaltwins;

import static io.twinsdk.hub.digitaltwins.AdtHttp.errorCode;
import static io.twinsdk.hub.digitaltwins.AdtHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.twinsdk.core.internal.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Digital Twins API wrote is there after a restart, and stored models still validate new twins. */
class DigitalTwinsRestartIT {

  @TempDir
  Path data;

  @Test
  void modelsTwinsAndRelationshipsSurviveARestart() {
    int n = AdtHttp.unique();
    String twin;
    try (AdtHttp adt = AdtHttp.start(data)) {
      adt.send("POST", "/models", TestModels.batch(n));
      adt.send("PUT", "/digitaltwins/floor1", "{\"$metadata\":{\"$model\":\"" + TestModels.floorId(n) + "\"}}");
      adt.send("PUT", "/digitaltwins/room1", "{\"$metadata\":{\"$model\":\"" + TestModels.roomId(n)
          + "\"},\"wifi\":{\"$metadata\":{}}}");
      adt.send("PUT", "/digitaltwins/floor1/relationships/r1",
          "{\"$targetId\":\"room1\",\"$relationshipName\":\"contains\"}");
      twin = adt.send("GET", "/digitaltwins/room1", null).body();
    }

    try (AdtHttp adt = AdtHttp.start(data)) {
      HttpResponse<String> invalid = adt.send("PUT", "/digitaltwins/room2", "{\"$metadata\":{\"$model\":\""
          + TestModels.roomId(n) + "\"},\"Temperature\":\"hot\",\"wifi\":{\"$metadata\":{}}}");
      HttpResponse<String> valid = adt.send("PUT", "/digitaltwins/room2", "{\"$metadata\":{\"$model\":\""
          + TestModels.roomId(n) + "\"},\"Temperature\":20,\"wifi\":{\"$metadata\":{}}}");

      assertThat(json(adt.send("GET", "/digitaltwins/room1", null))).isEqualTo(Json.parse(twin));
      assertThat(adt.send("GET", "/digitaltwins/floor1/relationships/r1", null).statusCode()).isEqualTo(200);
      assertThat(errorCode(invalid)).isEqualTo("ValidationFailed");
      assertThat(valid.statusCode()).isEqualTo(200);
    }
  }
}
