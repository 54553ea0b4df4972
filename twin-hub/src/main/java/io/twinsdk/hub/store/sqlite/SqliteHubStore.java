package io.twinsdk.hub.store.sqlite;

import io.twinsdk.hub.bus.ChangeBus;
import io.twinsdk.hub.bus.ChangeEvent;
import io.twinsdk.hub.store.HubStore;
import io.twinsdk.hub.store.StoreException;
import io.twinsdk.hub.store.StoreTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite implementation of {@link HubStore}: one database file in WAL mode, one writer thread doing group commit,
 * and a few reader threads, each with its own connection.
 */
public final class SqliteHubStore implements HubStore {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteHubStore.class);

  /** At most this many queued writes share one commit. */
  private static final int MAX_BATCH = 512;
  private static final int WRITE_QUEUE_CAPACITY = 20_000;
  private static final int READ_QUEUE_CAPACITY = 20_000;
  private static final long SHUTDOWN_WAIT_MILLIS = 10_000;

  private final Path database;
  private final ChangeBus bus;
  private final BlockingQueue<Pending<?>> writes = new ArrayBlockingQueue<>(WRITE_QUEUE_CAPACITY);
  private final BlockingQueue<Pending<?>> reads = new ArrayBlockingQueue<>(READ_QUEUE_CAPACITY);
  private final SqliteConnection writeConnection;
  private final Thread writer;
  private final List<Thread> readers = new ArrayList<>();
  private volatile boolean closed;

  private SqliteHubStore(Path database, ChangeBus bus, int readerCount) throws SQLException {
    this.database = database;
    this.bus = bus;
    this.writeConnection = SqliteConnection.open(database, false);
    Migrations.migrate(writeConnection);
    this.writer = new Thread(this::writeLoop, "twin-hub-store-writer");
    writer.setDaemon(true);
    for (int i = 0; i < readerCount; i++) {
      SqliteConnection connection = SqliteConnection.open(database, true);
      Thread reader = new Thread(() -> readLoop(connection), "twin-hub-store-reader-" + i);
      reader.setDaemon(true);
      readers.add(reader);
    }
  }

  /**
   * Opens (creating and migrating when needed) the database {@code hub.db} in {@code directory}.
   *
   * @param bus where committed changes are published
   * @param readerCount how many reader threads and connections to use
   */
  public static SqliteHubStore open(Path directory, ChangeBus bus, int readerCount) {
    try {
      Files.createDirectories(directory);
      SqliteHubStore store = new SqliteHubStore(directory.resolve("hub.db"), bus, readerCount);
      store.writer.start();
      store.readers.forEach(Thread::start);
      return store;
    } catch (java.io.IOException | SQLException e) {
      throw new StoreException("Could not open the hub database in " + directory.toAbsolutePath(), e);
    }
  }

  /** The database file. */
  public Path databaseFile() {
    return database;
  }

  @Override
  public <T> CompletableFuture<T> write(StoreTask<T> task) {
    return enqueue(writes, task, "write");
  }

  @Override
  public <T> CompletableFuture<T> read(StoreTask<T> task) {
    return enqueue(reads, task, "read");
  }

  private <T> CompletableFuture<T> enqueue(BlockingQueue<Pending<?>> queue, StoreTask<T> task, String name) {
    Pending<T> pending = new Pending<>(task);
    if (closed) {
      pending.future.completeExceptionally(StoreException.closed());
    } else if (!queue.offer(pending)) {
      pending.future.completeExceptionally(StoreException.overloaded(name));
    }
    return pending.future;
  }

  private void writeLoop() {
    List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
    while (!closed || !writes.isEmpty()) {
      try {
        Pending<?> first = writes.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        writes.drainTo(batch, MAX_BATCH - 1);
        runBatch(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException | Error e) {
        LOG.error("Store writer failed a batch of {}", batch.size(), e);
        batch.forEach(p -> p.future.completeExceptionally(new StoreException("Store writer failed", e)));
      } finally {
        batch.clear();
      }
    }
    failRemaining(writes);
  }

  private void runBatch(List<Pending<?>> batch) {
    SqliteTransaction transaction = new SqliteTransaction(writeConnection);
    for (Pending<?> pending : batch) {
      pending.runInSavepoint(transaction, writeConnection);
    }
    try {
      writeConnection.jdbc().commit();
    } catch (SQLException e) {
      StoreException failure = new StoreException("Commit failed", e);
      try {
        writeConnection.jdbc().rollback();
      } catch (SQLException rollbackFailure) {
        failure.addSuppressed(rollbackFailure);
      }
      LOG.error("Commit of {} writes failed", batch.size(), e);
      batch.forEach(p -> p.future.completeExceptionally(p.error != null ? p.error : failure));
      return;
    }
    for (Pending<?> pending : batch) {
      pending.actions.forEach(SqliteHubStore::runAfterCommit);
    }
    for (Pending<?> pending : batch) {
      pending.events.forEach(bus::publish);
      pending.complete();
    }
  }

  /** An action's failure must not keep the committed writes from being answered. */
  private static void runAfterCommit(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.error("An action after commit failed", e);
    }
  }

  private void readLoop(SqliteConnection connection) {
    try {
      while (!closed || !reads.isEmpty()) {
        Pending<?> pending;
        try {
          pending = reads.poll(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        if (pending == null) {
          continue;
        }
        pending.runRead(new SqliteTransaction(connection), connection);
      }
      failRemaining(reads);
    } finally {
      connection.close();
    }
  }

  private static void failRemaining(BlockingQueue<Pending<?>> queue) {
    Pending<?> pending;
    while ((pending = queue.poll()) != null) {
      pending.future.completeExceptionally(StoreException.closed());
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    join(writer);
    readers.forEach(SqliteHubStore::join);
    try {
      writeConnection.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (SQLException e) {
      LOG.debug("Checkpoint on close failed", e);
    }
    writeConnection.close();
  }

  private static void join(Thread thread) {
    try {
      thread.join(SHUTDOWN_WAIT_MILLIS);
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(SHUTDOWN_WAIT_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A queued task with its future and what it produced. Touched only by the thread running it. */
  private static final class Pending<T> {
    final StoreTask<T> task;
    final CompletableFuture<T> future = new CompletableFuture<>();
    List<ChangeEvent> events = List.of();
    List<Runnable> actions = List.of();
    T result;
    Throwable error;

    Pending(StoreTask<T> task) {
      this.task = task;
    }

    void runInSavepoint(SqliteTransaction transaction, SqliteConnection connection) {
      Savepoint savepoint;
      try {
        savepoint = connection.jdbc().setSavepoint();
      } catch (SQLException e) {
        error = new StoreException("Could not start a savepoint", e);
        return;
      }
      try {
        result = task.run(transaction);
        connection.jdbc().releaseSavepoint(savepoint);
        events = transaction.takeEvents();
        actions = transaction.takeActions();
      } catch (Throwable t) {
        error = t;
        transaction.takeEvents();
        transaction.takeActions();
        try {
          connection.jdbc().rollback(savepoint);
        } catch (SQLException e) {
          t.addSuppressed(e);
        }
      }
    }

    void runRead(SqliteTransaction transaction, SqliteConnection connection) {
      try {
        result = task.run(transaction);
      } catch (Throwable t) {
        error = t;
      } finally {
        try {
          connection.jdbc().rollback();
        } catch (SQLException e) {
          LOG.debug("Ending a read transaction failed", e);
        }
      }
      complete();
    }

    void complete() {
      if (error != null) {
        future.completeExceptionally(error);
      } else {
        future.complete(result);
      }
    }
  }
}
