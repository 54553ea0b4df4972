package io.twinsdk.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.hub.bus.ChangeBus;
import io.twinsdk.hub.bus.ChangeEvent;
import io.twinsdk.hub.store.sqlite.SqliteHubStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteHubStoreTest {

  @TempDir
  Path data;

  @Test
  void committedWritesSurviveReopen() throws Exception {
    try (SqliteHubStore store = SqliteHubStore.open(data, new ChangeBus(), 2)) {
      store.write(tx -> {
        tx.settings().put("answer", "42");
        tx.sessions().put("dev1", Set.of("$iothub/twin/res/#"));
        return null;
      }).get(10, TimeUnit.SECONDS);
    }

    try (SqliteHubStore reopened = SqliteHubStore.open(data, new ChangeBus(), 2)) {
      assertThat(reopened.read(tx -> tx.settings().get("answer")).get(10, TimeUnit.SECONDS)).hasValue("42");
      assertThat(reopened.read(tx -> tx.sessions().find("dev1")).get(10, TimeUnit.SECONDS))
          .hasValue(Set.of("$iothub/twin/res/#"));
    }
  }

  @Test
  void afterCommitActionsRunOnTheWriterBeforeTheWriteIsAnsweredAndNotForAFailedTask() throws Exception {
    List<String> ran = new CopyOnWriteArrayList<>();
    try (SqliteHubStore store = SqliteHubStore.open(data, new ChangeBus(), 2)) {
      CompletableFuture<String> committed = store.write(tx -> {
        tx.afterCommit(() -> ran.add("committed on " + Thread.currentThread().getName()));
        return Thread.currentThread().getName();
      });
      CompletableFuture<String> failed = store.write(tx -> {
        tx.afterCommit(() -> ran.add("failed"));
        throw new IllegalArgumentException("refused");
      });

      String writer = committed.get(10, TimeUnit.SECONDS);
      assertThat(ran).containsExactly("committed on " + writer);
      assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class);
      assertThat(ran).containsExactly("committed on " + writer);
      assertThatThrownBy(() -> store.read(tx -> {
        tx.afterCommit(() -> ran.add("read"));
        return null;
      }).get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void failingTaskRollsBackOnlyItselfAndKeepsItsException() throws Exception {
    ChangeBus bus = new ChangeBus();
    List<String> published = new CopyOnWriteArrayList<>();
    bus.subscribe(event -> published.add(event.id()));
    try (SqliteHubStore store = SqliteHubStore.open(data, bus, 2)) {
      List<CompletableFuture<?>> futures = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        int n = i;
        futures.add(store.write(tx -> {
          tx.settings().put("k" + n, "v" + n);
          tx.emitAfterCommit(new ChangeEvent(ChangeEvent.Kind.DEVICE, "k" + n, 0, null, Instant.now()));
          if (n == 25) {
            throw new IllegalArgumentException("refused " + n);
          }
          return n;
        }));
      }

      assertThatThrownBy(() -> futures.get(25).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("refused 25");
      for (int i = 0; i < 50; i++) {
        if (i != 25) {
          assertThat(futures.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
        }
      }
      assertThat(store.read(tx -> tx.settings().get("k25")).get(10, TimeUnit.SECONDS)).isEmpty();
      assertThat(store.read(tx -> tx.settings().get("k24")).get(10, TimeUnit.SECONDS)).hasValue("v24");
      assertThat(published).hasSize(49).doesNotContain("k25");
      assertThat(published.get(0)).isEqualTo("k0");
      assertThat(published.get(48)).isEqualTo("k49");
    }
  }

  @Test
  void writesToOneKeyApplyInSubmissionOrder() throws Exception {
    try (SqliteHubStore store = SqliteHubStore.open(data, new ChangeBus(), 2)) {
      CompletableFuture<?> last = null;
      for (int i = 0; i < 500; i++) {
        int n = i;
        last = store.write(tx -> {
          int current = tx.settings().get("counter").map(Integer::parseInt).orElse(-1);
          if (current != n - 1) {
            throw new IllegalStateException("out of order: " + current + " before " + n);
          }
          tx.settings().put("counter", Integer.toString(n));
          return null;
        });
      }
      last.get(10, TimeUnit.SECONDS);

      assertThat(store.read(tx -> tx.settings().get("counter")).get(10, TimeUnit.SECONDS)).hasValue("499");
    }
  }

  @Test
  void readTransactionsCannotWrite() {
    try (SqliteHubStore store = SqliteHubStore.open(data, new ChangeBus(), 1)) {
      assertThatThrownBy(() -> store.read(tx -> {
        tx.settings().put("x", "y");
        return null;
      }).get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class);
    }
  }

  @Test
  void closedStoreRefusesWork() {
    SqliteHubStore store = SqliteHubStore.open(data, new ChangeBus(), 1);
    store.close();

    assertThatThrownBy(() -> store.write(tx -> null).get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(StoreException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void closeReleasesEveryStoreThread() {
    SqliteHubStore store = SqliteHubStore.open(data, new ChangeBus(), 3);

    store.close();

    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(thread -> thread.getName().startsWith("twin-hub-store") && thread.isAlive());
  }
}
