package io.twinsdk.service.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

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
}
