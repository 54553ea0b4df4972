package io.twinsdk.device.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callback dispatcher runs the application's listeners, one at a time and in order, on a single thread of its own
 * with a bounded queue: a slow listener delays later callbacks but never the MQTT connection, and a throwing listener
 * is logged and does not stop later callbacks.
 */
public final class CallbackDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(CallbackDispatcher.class);

  private static final long IDLE_THREAD_SECONDS = 10;

  private final ThreadPoolExecutor executor;
  private final AtomicReference<Runnable> latest = new AtomicReference<>();
  private volatile Thread thread;

  /** Creates a dispatcher whose thread is named {@code threadName} and whose queue holds {@code capacity} callbacks. */
  public CallbackDispatcher(String threadName, int capacity) {
    // A linked queue allocates per waiting callback, not the whole capacity up front; an idle thread ends.
    this.executor = new ThreadPoolExecutor(1, 1, IDLE_THREAD_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(capacity),
        runnable -> {
          Thread t = new Thread(runnable, threadName);
          t.setDaemon(true);
          thread = t;
          return t;
        });
    this.executor.allowCoreThreadTimeOut(true);
  }

  /** Queues {@code callback}; returns false, without running it, if the queue is full or the dispatcher is closed. */
  public boolean submit(Runnable callback) {
    try {
      executor.execute(() -> {
        runSafely(callback);
        runSafely(latest.getAndSet(null));
      });
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /**
   * Queues {@code callback} like {@link #submit}, but if the queue is full keeps it in a one-callback slot instead of
   * dropping it, replacing what the slot held: the slot runs after the callback that is running or queued ahead, so
   * the latest of these callbacks (a connection state) always runs, while older ones it replaced never do.
   */
  public void submitLatest(Runnable callback) {
    if (submit(callback)) {
      return;
    }
    latest.set(callback);
    // The queue may have emptied since: a no-op task then runs the slot; if it is still full, the tasks ahead will.
    submit(() -> { });
  }

  private static void runSafely(Runnable callback) {
    if (callback == null) {
      return;
    }
    try {
      callback.run();
    } catch (RuntimeException | Error e) {
      LOG.warn("A twin client listener threw; the client carries on", e);
    }
  }

  /** Returns whether the calling thread is the callback thread. */
  public boolean isCallbackThread() {
    return Thread.currentThread() == thread;
  }

  /**
   * Runs the callbacks already queued for up to {@code timeoutMillis}, then interrupts the thread and waits as long
   * again; from the callback thread itself it does not wait.
   */
  public void close(long timeoutMillis) {
    executor.shutdown();
    if (isCallbackThread()) {
      return;
    }
    ExecutorShutdown.await(executor, timeoutMillis, "listener");
  }
}
