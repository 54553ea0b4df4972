package io.twinsdk.hub.store;

import java.util.concurrent.CompletableFuture;

/**
 * The hub's durable store: every device, twin, model, relationship and job lives here.
 *
 * <p>Writes run one after another on a single writer thread, in the order they were submitted, which is what gives
 * each twin its write ordering; many concurrent writes share one commit (group commit), so one fsync covers them all.
 * A write's future completes only after its transaction is durable. Reads run on a small pool of reader threads, each
 * inside its own read transaction, and see only committed data.
 *
 * <p>Futures complete on the store's own threads: callers must not block in their continuations and should hop to
 * their own executor or event loop. The interface is free of SQL dialect; implementations own their schema.
 */
public interface HubStore extends AutoCloseable {

  /**
   * Queues {@code task} to run inside a write transaction.
   *
   * @return a future completed with the task's result after the commit is durable; completed exceptionally with the
   *     task's own exception (nothing it wrote is kept), or with {@link StoreException} when the store is overloaded,
   *     closed or the commit failed
   */
  <T> CompletableFuture<T> write(StoreTask<T> task);

  /**
   * Queues {@code task} to run inside a read transaction on a reader thread. Write methods fail there.
   *
   * @return a future completed with the task's result, or exceptionally as for {@link #write}
   */
  <T> CompletableFuture<T> read(StoreTask<T> task);

  /** Stops accepting work, finishes what is queued, and releases every thread, connection and file. */
  @Override
  void close();
}
