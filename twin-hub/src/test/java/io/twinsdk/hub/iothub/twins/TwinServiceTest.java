package io.twinsdk.hub.iothub.twins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.bus.ChangeBus;
import io.twinsdk.hub.bus.ChangeEvent;
import io.twinsdk.hub.http.ApiError;
import io.twinsdk.hub.iothub.registry.DeviceRegistry;
import io.twinsdk.hub.store.sqlite.SqliteHubStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwinServiceTest {

  @TempDir
  Path data;

  @Test
  void concurrentReportedAndDesiredUpdatesOfOneTwinNeverLoseEachOther() throws Exception {
    ChangeBus bus = new ChangeBus();
    List<ChangeEvent> events = new CopyOnWriteArrayList<>();
    bus.subscribe(events::add);
    try (SqliteHubStore store = SqliteHubStore.open(data, bus, 2)) {
      new DeviceRegistry(store, Clock.systemUTC()).register("busy").get(10, TimeUnit.SECONDS);
      TwinService twins = new TwinService(store, Clock.systemUTC());
      List<CompletableFuture<?>> updates = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        updates.add(twins.updateReported("busy", Json.parse("{\"r" + i + "\":" + i + "}"), OptionalLong.empty()));
        updates.add(twins.update("busy", Json.parse("{\"properties\":{\"desired\":{\"d" + i + "\":" + i + "}}}"),
            Optional.empty()));
      }
      CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

      TwinView view = twins.get("busy").get(10, TimeUnit.SECONDS);

      JsonNode reported = view.twin().reported();
      JsonNode desired = view.twin().desired();
      assertThat(reported.get("$version").asLong()).isEqualTo(101);
      assertThat(desired.get("$version").asLong()).isEqualTo(101);
      for (int i = 0; i < 100; i++) {
        assertThat(reported.get("r" + i).asInt()).isEqualTo(i);
        assertThat(desired.get("d" + i).asInt()).isEqualTo(i);
      }
      List<Long> reportedVersions = events.stream()
          .filter(e -> e.kind() == ChangeEvent.Kind.REPORTED_PROPERTIES).map(ChangeEvent::version).toList();
      assertThat(reportedVersions).hasSize(100).isSorted();
    }
  }

  @Test
  void aRefusedReportedPatchChangesNothing() throws Exception {
    try (SqliteHubStore store = SqliteHubStore.open(data, new ChangeBus(), 2)) {
      new DeviceRegistry(store, Clock.systemUTC()).register("careful").get(10, TimeUnit.SECONDS);
      TwinService twins = new TwinService(store, Clock.systemUTC());
      twins.updateReported("careful", Json.parse("{\"a\":1}"), OptionalLong.empty()).get(10, TimeUnit.SECONDS);

      assertThatThrownBy(() -> twins.updateReported("careful", Json.parse("{\"a\":2}"), OptionalLong.of(1))
          .get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(ApiError.class)
          .cause().hasMessageContaining("$version 2");
      assertThatThrownBy(() -> twins.updateReported("careful", Json.parse("{\"b\":{\"c.d\":1}}"),
          OptionalLong.empty()))
          .isInstanceOf(ApiError.class);
      assertThatThrownBy(() -> twins.updateReported("nobody", Json.parse("{\"a\":1}"), OptionalLong.empty())
          .get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ApiError.class);

      JsonNode reported = twins.get("careful").get(10, TimeUnit.SECONDS).twin().reported();
      assertThat(reported.get("$version").asLong()).isEqualTo(2);
      assertThat(reported.get("a").asInt()).isEqualTo(1);
      assertThat(reported.has("b")).isFalse();
    }
  }
}
