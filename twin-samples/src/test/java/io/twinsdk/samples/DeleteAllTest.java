package io.twinsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class DeleteAllTest {

  private final Semaphore window = new Semaphore(2);
  private final List<String> started = new ArrayList<>();

  @Test
  void everyItemIsDoneWithAtMostTheWindowInFlight() throws Exception {
    List<CompletableFuture<Void>> pending = new ArrayList<>();

    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
      try {
        return DeleteAll.forEachConcurrently(List.of("a", "b", "c"), window, item -> {
          CompletableFuture<Void> future = new CompletableFuture<>();
          synchronized (pending) {
            started.add(item);
            pending.add(future);
            pending.notifyAll();
          }
          return future;
        });
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    synchronized (pending) {
      while (pending.size() < 2) {
        pending.wait();
      }
      // Two in flight hold both permits: the third waits for one of them.
      assertThat(started).containsExactly("a", "b");
      assertThat(window.availablePermits()).isZero();
      pending.get(0).complete(null);
      while (pending.size() < 3) {
        pending.wait();
      }
    }
    pending.get(1).complete(null);
    pending.get(2).complete(null);

    assertThat(run.get()).isEqualTo(3);
    assertThat(started).containsExactly("a", "b", "c");
    assertThat(window.availablePermits()).isEqualTo(2);
  }

  @Test
  void synchronousFailureStopsReleasesItsPermitAndKeepsTheStartedFailures() {
    IllegalStateException startedFailure = new IllegalStateException("404 RelationshipNotFound");

    assertThatThrownBy(() -> DeleteAll.forEachConcurrently(List.of("a", "", "c"), window, item -> {
      started.add(item);
      if (item.isEmpty()) {
        throw new IllegalArgumentException("empty id");
      }
      return CompletableFuture.failedFuture(startedFailure);
    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("empty id")
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
            .isInstanceOf(ExecutionException.class)
            .satisfies(s -> assertThat(s).hasCause(startedFailure)));
    assertThat(started).containsExactly("a", "");
    assertThat(window.availablePermits()).isEqualTo(2);
  }

  @Test
  void startedItemsAreAwaitedBeforeTheFailureIsThrown() {
    CompletableFuture<Void> first = new CompletableFuture<>();

    assertThatThrownBy(() -> DeleteAll.forEachConcurrently(List.of("a", "b"), window, item -> {
      if (item.equals("b")) {
        // The first deletion finishes while the failure is on its way out: it must be waited for, not abandoned.
        CompletableFuture.runAsync(() -> first.complete(null));
        throw new IllegalArgumentException("bad id");
      }
      return first;
    })).isInstanceOf(IllegalArgumentException.class).hasNoSuppressedExceptions();

    assertThat(first).isCompleted();
    assertThat(window.availablePermits()).isEqualTo(2);
  }

  @Test
  void noPermitWithinTheTimeoutIsATimeoutAndStartsNothing() {
    Semaphore exhausted = new Semaphore(0);

    assertThatThrownBy(() -> DeleteAll.forEachConcurrently(List.of("a"), exhausted, item -> {
      started.add(item);
      return CompletableFuture.completedFuture(null);
    }, Duration.ofMillis(10)))
        .isInstanceOf(TimeoutException.class)
        .hasMessage("No deletion finished within 10 ms");
    assertThat(started).isEmpty();
  }
}
