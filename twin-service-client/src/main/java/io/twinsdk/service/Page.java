package io.twinsdk.service;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A page is one batch of results of a list or query call, with the continuation token that fetches the next batch
 * and, for Digital Twins queries, the query charge. Instances are immutable.
 *
 * @param <T> the item type
 */
public final class Page<T> {

  private final List<T> items;
  private final String continuationToken;
  private final Double queryCharge;
  private final int statusCode;

  /**
   * Creates a page.
   *
   * @param items the items, in service order
   * @param continuationToken the token for the next page, or null on the last page
   * @param queryCharge the {@code query-charge} header's value, or null when the service sent none
   * @param statusCode the HTTP status of the response that carried the page
   */
  public Page(List<T> items, String continuationToken, Double queryCharge, int statusCode) {
    this.items = List.copyOf(items);
    this.continuationToken = continuationToken;
    this.queryCharge = queryCharge;
    this.statusCode = statusCode;
  }

  /** Returns the items of this page. */
  public List<T> items() {
    return items;
  }

  /** Returns the token that fetches the next page; empty on the last page. */
  public Optional<String> continuationToken() {
    return Optional.ofNullable(continuationToken);
  }

  /** Returns whether another page follows. */
  public boolean hasNext() {
    return continuationToken != null;
  }

  /** Returns the query units this page cost (Digital Twins {@code query-charge}), if reported. */
  public OptionalDouble queryCharge() {
    return queryCharge == null ? OptionalDouble.empty() : OptionalDouble.of(queryCharge);
  }

  /** Returns the HTTP status of the response that carried this page. */
  public int statusCode() {
    return statusCode;
  }

  @Override
  public String toString() {
    return "Page{items=" + items.size() + ", hasNext=" + hasNext() + "}";
  }
}
