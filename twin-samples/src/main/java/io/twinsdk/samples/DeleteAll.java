package io.twinsdk.samples;

import io.twinsdk.core.digitaltwin.BasicDigitalTwin;
import io.twinsdk.core.digitaltwin.BasicRelationship;
import io.twinsdk.service.credential.ClientSecretCredential;
import io.twinsdk.service.digitaltwins.DigitalTwinsAsyncClient;
import io.twinsdk.service.digitaltwins.DigitalTwinsClient;
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
 * "delete all twins" command does; models stay. Deletions run concurrently, at most {@value #IN_FLIGHT} at a time.
 */
final class DeleteAll implements Sample {

  private static final int IN_FLIGHT = 16;

  @Override
  public String name() {
    return "delete-all";
  }

  @Override
  public String summary() {
    return "deletes every relationship and twin (models stay)";
  }

  @Override
  public Set<Need> needs() {
    return Set.of(Need.DIGITAL_TWINS);
  }

  @Override
  public void run(SampleContext context, List<String> args) throws Exception {
    Console console = context.console();
    try (ClientSecretCredential credential = context.newCredential();
        DigitalTwinsClient client = context.newDigitalTwinsClient(credential).buildClient()) {
      DigitalTwinsAsyncClient async = client.async();
      // [START delete-all]
      // A twin can be deleted only once it has no relationships, so relationships go first.
      List<BasicRelationship> relationships =
          client.query("SELECT * FROM RELATIONSHIPS", BasicRelationship.class).stream().toList();
      forEachConcurrently(relationships,
          r -> async.deleteRelationship(r.sourceId().orElseThrow(), r.id().orElseThrow()));
      console.println("Deleted " + relationships.size() + " relationships");

      List<String> twinIds = client.query("SELECT * FROM DIGITALTWINS", BasicDigitalTwin.class).stream()
          .map(twin -> twin.id().orElseThrow())
          .toList();
      forEachConcurrently(twinIds, async::deleteDigitalTwin);
      console.println("Deleted " + twinIds.size() + " twins");
      // [END delete-all]
    }
  }

  /** Starts {@code action} for every item, with at most {@value #IN_FLIGHT} unfinished, and waits for all. */
  private static <T> void forEachConcurrently(List<T> items, Function<T, CompletableFuture<Void>> action)
      throws Exception {
    Semaphore permits = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<Void>> started = new ArrayList<>(items.size());
    for (T item : items) {
      if (!permits.tryAcquire(SampleContext.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new TimeoutException("No deletion finished within " + SampleContext.TIMEOUT.toSeconds() + " s");
      }
      started.add(action.apply(item).whenComplete((done, error) -> permits.release()));
    }
    CompletableFuture.allOf(started.toArray(CompletableFuture[]::new))
        .get(SampleContext.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }
}
