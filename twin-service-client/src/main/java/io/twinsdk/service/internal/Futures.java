package io.twinsdk.service.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Future helpers for the clients. */
public final class Futures {

  private Futures() {}

  /**
   * Returns {@code source} mapped with {@code mapper}; cancelling the result cancels {@code source} (and so the HTTP
   * call behind it), which a plain {@code thenApply} would not.
   */
  public static <S, T> CompletableFuture<T> map(CompletableFuture<S> source, Function<? super S, ? extends T> mapper) {
    CompletableFuture<T> mapped = source.thenApply(mapper);
    mapped.whenComplete((ignored, error) -> {
      if (mapped.isCancelled()) {
        source.cancel(true);
      }
    });
    return mapped;
  }

  /**
   * Returns {@code source}, or, when it fails with an error that {@code recoverable} accepts, the result of
   * {@code fallback}; cancelling the result cancels whichever of the two is running. Completes on the thread that
   * completed the last of them.
   */
  public static <T> CompletableFuture<T> recover(CompletableFuture<T> source, Predicate<Throwable> recoverable,
      Supplier<CompletableFuture<T>> fallback) {
    CompletableFuture<T> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<T>> running = new AtomicReference<>(source);
    source.whenComplete((value, error) -> {
      Throwable cause = unwrap(error);
      if (cause == null || !recoverable.test(cause) || result.isDone()) {
        settle(result, value, cause);
        return;
      }
      CompletableFuture<T> next;
      try {
        next = fallback.get();
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      running.set(next);
      next.whenComplete((nextValue, nextError) -> settle(result, nextValue, unwrap(nextError)));
    });
    result.whenComplete((ignored, error) -> {
      if (result.isCancelled()) {
        running.get().cancel(true);
      }
    });
    return result;
  }

  private static <T> void settle(CompletableFuture<T> result, T value, Throwable error) {
    if (error == null) {
      result.complete(value);
    } else {
      result.completeExceptionally(error);
    }
  }

  /** Returns the failure a {@link CompletionException} wraps, or {@code error} itself. */
  static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
  }
}
