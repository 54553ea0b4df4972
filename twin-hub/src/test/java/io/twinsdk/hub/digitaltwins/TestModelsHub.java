package io.twinsdk.hub.digitaltwins;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsdk.hub.bus.ChangeEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared setup of the Digital Twins integration tests that work on twins: one hub per test class, started before
 * its first test with the {@link TestModels} batch uploaded under the number {@link #n}, and closed after its last.
 */
abstract class TestModelsHub {

  @TempDir
  static Path data;
  static AdtHttp adt;
  static int n;

  @BeforeAll
  static void startHubWithTestModels() {
    adt = AdtHttp.start(data);
    n = adt.uploadTestModels();
  }

  @AfterAll
  static void stopHub() {
    adt.close();
  }

  /**
   * Runs {@code requests} and returns, in bus order, the first {@code count} change events published for entity
   * {@code id} (a twin id, or {@code twinId/relationshipId}); fails if fewer arrive within 10 seconds.
   */
  static List<ChangeEvent> changesOf(String id, int count, Runnable requests) throws Exception {
    List<ChangeEvent> events = new CopyOnWriteArrayList<>();
    CountDownLatch published = new CountDownLatch(count);
    try (AutoCloseable subscription = adt.fixture().hub().changes().subscribe(event -> {
      if (event.id().equals(id) && published.getCount() > 0) {
        events.add(event);
        published.countDown();
      }
    })) {
      requests.run();
      assertThat(published.await(10, TimeUnit.SECONDS)).as("%d change events for %s", count, id).isTrue();
    }
    return List.copyOf(events);
  }
}
