package io.twinsdk.device.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
        try {
          callback.run();
        } catch (RuntimeException | Error e) {
          LOG.warn("A twin client listener threw; the client carries on", e);
        }
      });
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Returns whether the calling thread is the callback thread. */
  public boolean isCallbackThread() {
    return Thread.currentThread() == thread;
  }

  /**
   * Runs the callbacks already queued for up to {@code timeoutMillis}, then stops the thread; from the callback thread
   * itself it does not wait.
   */
  public void close(long timeoutMillis) {
    executor.shutdown();
    if (isCallbackThread()) {
      return;
    }
    try {
      if (!executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
        LOG.warn("A twin client listener is still running after close; interrupting it");
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
