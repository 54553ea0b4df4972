package io.twinsdk.device.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for a shut-down executor's threads, so that {@code close()} can keep its promise to end them: a bounded wait,
 * then an interrupt, then one more bounded wait, because an interrupted thread still needs time to leave.
 */
final class ExecutorShutdown {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutorShutdown.class);

  private ExecutorShutdown() {}

  /**
   * Waits up to {@code millis} for {@code executor} (already shut down) to end, interrupts its threads if it did not,
   * and waits up to {@code millis} again; logs a warning if threads of {@code what} are still running after that.
   * Keeps the caller's interrupt status.
   */
  static void await(ExecutorService executor, long millis, String what) {
    boolean interrupted = false;
    try {
      if (executor.awaitTermination(millis, TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(millis, TimeUnit.MILLISECONDS)) {
        LOG.warn("Threads of the twin client's {} still run {} ms after being interrupted", what, millis);
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
