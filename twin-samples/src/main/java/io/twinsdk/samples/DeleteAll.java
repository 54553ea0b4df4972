package io.twinsdk.samples;

import io.twinsdk.core.digitaltwin.BasicDigitalTwin;
import io.twinsdk.core.digitaltwin.BasicRelationship;
import io.twinsdk.service.Page;
import io.twinsdk.service.digitaltwins.DigitalTwinsAsyncClient;
import io.twinsdk.service.digitaltwins.DigitalTwinsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * {@code delete-all}: deletes every relationship and then every twin of the instance, as the original samples'
 * "delete all twins" command does; models stay. The query results are deleted a page at a time, so memory holds one
 * page however big the instance is; deletions run concurrently, at most {@value #IN_FLIGHT} at a time.
 */
final class DeleteAll extends Sample {

  private static final int IN_FLIGHT = 16;

  DeleteAll() {
    super("delete-all", "",
        "deletes every relationship and twin (models stay)",
        Set.of(Need.DIGITAL_TWINS));
  }

  @Override
  void run(SampleContext context, List<String> args) throws Exception {
    Console console = context.console();
    try (DigitalTwinsClient client = context.newDigitalTwinsClient().buildClient()) {
      DigitalTwinsAsyncClient async = client.async();
      Semaphore window = new Semaphore(IN_FLIGHT);
      // [START delete-all]
      // A twin can be deleted only once it has no relationships, so relationships go first. Each page is deleted
      // before the next is fetched: the continuation resumes after the page's last row, so none is skipped.
      int relationships = 0;
      for (Page<BasicRelationship> page
          : client.query("SELECT * FROM RELATIONSHIPS", BasicRelationship.class).byPage()) {
        relationships += forEachConcurrently(page.items(), window,
            r -> async.deleteRelationship(r.sourceId().orElseThrow(), r.id().orElseThrow()));
      }
      console.println("Deleted " + relationships + " relationships");

      int twins = 0;
      for (Page<BasicDigitalTwin> page
          : client.query("SELECT * FROM DIGITALTWINS", BasicDigitalTwin.class).byPage()) {
        twins += forEachConcurrently(page.items(), window, twin -> async.deleteDigitalTwin(twin.id().orElseThrow()));
      }
      console.println("Deleted " + twins + " twins");
      // [END delete-all]
    }
  }

  /**
   * Starts {@code action} for every item, each holding a permit of {@code window} until it finishes, and waits for
   * every one started.
   *
   * <p>When starting one fails (a permit does not come within {@link SampleContext#TIMEOUT}, or {@code action}
   * throws), no further item starts, the ones already started are still awaited, and that first failure is thrown with
   * theirs suppressed in it. Every permit taken is given back either way.
   *
   * @return how many items were done
   */
  static <T> int forEachConcurrently(List<T> items, Semaphore window,
      Function<T, CompletableFuture<Void>> action) throws Exception {
    return forEachConcurrently(items, window, action, SampleContext.TIMEOUT);
  }

  /** {@link #forEachConcurrently(List, Semaphore, Function)} waiting at most {@code timeout} for each step. */
  static <T> int forEachConcurrently(List<T> items, Semaphore window, Function<T, CompletableFuture<Void>> action,
      Duration timeout) throws Exception {
    List<CompletableFuture<Void>> started = new ArrayList<>(items.size());
    Exception failure = null;
    try {
      for (T item : items) {
        if (!window.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new TimeoutException("No deletion finished within " + timeout.toMillis() + " ms");
        }
        CompletableFuture<Void> future;
        try {
          future = action.apply(item);
        } catch (RuntimeException e) {
          window.release();
          throw e;
        }
        started.add(future.whenComplete((done, error) -> window.release()));
      }
    } catch (Exception e) {
      failure = e;
    }
    try {
      CompletableFuture.allOf(started.toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
    if (failure != null) {
      throw failure;
    }
    return items.size();
  }
}
