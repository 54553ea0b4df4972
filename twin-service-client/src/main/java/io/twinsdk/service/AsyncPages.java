package io.twinsdk.service;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Async pages are the results of one list or query call, fetched a page at a time: nothing is requested until
 * {@link #firstPage()} (or {@link #forEach}) is called, and each following page only when asked for.
 *
 * <p>Futures complete on the client's callback executor (see the client's class documentation). Instances are
 * immutable and may be iterated more than once; each iteration calls the service again.
 *
 * @param <T> the item type
 */
public final class AsyncPages<T> {

  private final Function<String, CompletableFuture<Page<T>>> fetch;

  /**
   * Creates pages that fetch with {@code fetch}, which takes a continuation token (null for the first page). The
   * clients create their own; this constructor is public for test doubles of their results (as Azure's
   * {@code PagedFlux} is), not as an extension point.
   */
  public AsyncPages(Function<String, CompletableFuture<Page<T>>> fetch) {
    this.fetch = Objects.requireNonNull(fetch, "fetch");
  }

  /** Requests the first page. */
  public CompletableFuture<Page<T>> firstPage() {
    return fetch.apply(null);
  }

  /**
   * Requests the page after {@code page}.
   *
   * @throws IllegalArgumentException if {@code page} is the last page
   */
  public CompletableFuture<Page<T>> nextPage(Page<T> page) {
    String token = page.continuationToken()
        .orElseThrow(() -> new IllegalArgumentException("The page is the last one; check hasNext() first"));
    return fetch.apply(token);
  }

  /**
   * Requests every page in turn and hands each item to {@code action}, on the callback executor, in order.
   *
   * @return a future that completes after the last item, or exceptionally with the first failure
   */
  public CompletableFuture<Void> forEach(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    return firstPage().thenCompose(page -> drain(page, action));
  }

  private CompletableFuture<Void> drain(Page<T> page, Consumer<? super T> action) {
    page.items().forEach(action);
    return page.hasNext() ? nextPage(page).thenCompose(next -> drain(next, action))
        : CompletableFuture.completedFuture(null);
  }
}
