package io.twinsdk.service;

import io.twinsdk.service.internal.Await;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A paged iterable is the blocking view of {@link AsyncPages}: iterating it fetches pages lazily, one request per
 * page, as the iteration reaches them; nothing is fetched before the first {@code hasNext()}.
 *
 * <p>Each page request waits at most the client's operation timeout and fails with the service's exception. The
 * iterable may be iterated more than once; each iteration calls the service again.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {

  private final AsyncPages<T> pages;
  private final Function<CompletableFuture<Page<T>>, Page<T>> await;

  /**
   * Creates a blocking view of {@code pages}. The clients create their own; this constructor is public for test
   * doubles of their results (as Azure's {@code PagedIterable} is), not as an extension point.
   *
   * @param pages the async pages
   * @param timeout how long to wait for each page
   */
  public PagedIterable(AsyncPages<T> pages, Duration timeout) {
    this.pages = Objects.requireNonNull(pages, "pages");
    Objects.requireNonNull(timeout, "timeout");
    this.await = future -> Await.result(future, timeout);
  }

  /** Returns the pages, each fetched when the iteration reaches it. */
  public Iterable<Page<T>> byPage() {
    return PageIterator::new;
  }

  /** Returns the items as a sequential stream that fetches pages as it goes. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  @Override
  public Iterator<T> iterator() {
    PageIterator pageIterator = new PageIterator();
    return new Iterator<T>() {
      private Iterator<T> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && pageIterator.hasNext()) {
          current = pageIterator.next().items().iterator();
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  private final class PageIterator implements Iterator<Page<T>> {
    private Page<T> last;

    @Override
    public boolean hasNext() {
      return last == null || last.hasNext();
    }

    @Override
    public Page<T> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      last = await.apply(last == null ? pages.firstPage() : pages.nextPage(last));
      return last;
    }
  }
}
