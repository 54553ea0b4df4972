package io.twinsdk.service.internal;

import io.twinsdk.service.ServiceException;
import io.twinsdk.service.ServiceTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The blocking facade's one wait: a bounded {@code get} that rethrows the service's own exception. */
public final class Await {

  private Await() {}

  /**
   * Waits for {@code future} at most {@code timeout}; on timeout or interruption cancels it (which cancels the HTTP
   * call) and throws.
   *
   * @throws ServiceTimeoutException if no result arrived in time
   * @throws ServiceException the call's failure, or status 0 when the wait was interrupted
   */
  public static <T> T result(CompletableFuture<T> future, Duration timeout) {
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new ServiceException(String.valueOf(cause), 0, null, null, cause);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ServiceTimeoutException("No result within " + timeout, null, e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ServiceException("Interrupted while waiting for the service", 0, null, null, e);
    }
  }
}
