package io.twinsdk.hub.digitaltwins.jobs;

import io.twinsdk.hub.http.ApiError;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Why a job ends early, with the error code its JSON reports. Thrown and caught on the bulk-job thread. */
final class JobFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** How long one batch may wait for the store before the job gives up. */
  static final long BATCH_TIMEOUT_MINUTES = 5;

  private final String code;

  JobFailure(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The error code for the job's {@code error.code}. */
  String code() {
    return code;
  }

  /**
   * Waits for a store task of the job.
   *
   * @throws ApiError the task's own refusal, for the caller to log against the entity
   * @throws JobFailure when the store fails, does not answer in time, or the thread is interrupted (hub closing)
   */
  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(BATCH_TIMEOUT_MINUTES, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ApiError error) {
        throw error;
      }
      throw new JobFailure("InternalServerError", "The store failed: " + e.getCause());
    } catch (TimeoutException e) {
      future.cancel(false);
      throw new JobFailure("TimeoutError", "The store did not finish a batch within " + BATCH_TIMEOUT_MINUTES
          + " minutes.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobFailure("InternalServerError", "The hub is shutting down.");
    }
  }
}
