package io.twinsdk.service;

import java.util.Objects;
import java.util.Optional;

/**
 * Match conditions make a write conditional on the resource's ETag: {@link #ifMatch(String)} applies it only to the
 * version the caller read (optimistic concurrency), {@link #ifNoneMatchAny()} only when the resource does not exist
 * yet. A failed condition is a {@link PreconditionFailedException}. Instances are immutable.
 */
public final class MatchConditions {

  private static final MatchConditions NONE = new MatchConditions(null, null);
  private static final MatchConditions IF_NONE_MATCH_ANY = new MatchConditions(null, "*");

  private final String ifMatch;
  private final String ifNoneMatch;

  private MatchConditions(String ifMatch, String ifNoneMatch) {
    this.ifMatch = ifMatch;
    this.ifNoneMatch = ifNoneMatch;
  }

  /** Returns no condition: the write applies whatever the current ETag. */
  public static MatchConditions none() {
    return NONE;
  }

  /**
   * Returns the condition that the resource's ETag is {@code etag} ({@code If-Match}); {@code "*"} means "exists".
   *
   * @throws IllegalArgumentException if {@code etag} is empty
   */
  public static MatchConditions ifMatch(String etag) {
    Objects.requireNonNull(etag, "etag");
    if (etag.isEmpty()) {
      throw new IllegalArgumentException("etag must not be empty");
    }
    return new MatchConditions(etag, null);
  }

  /** Returns the condition that the resource does not exist yet ({@code If-None-Match: *}). */
  public static MatchConditions ifNoneMatchAny() {
    return IF_NONE_MATCH_ANY;
  }

  /** Returns the {@code If-Match} value, if any. */
  public Optional<String> ifMatch() {
    return Optional.ofNullable(ifMatch);
  }

  /** Returns the {@code If-None-Match} value, if any. */
  public Optional<String> ifNoneMatch() {
    return Optional.ofNullable(ifNoneMatch);
  }

  @Override
  public String toString() {
    return ifMatch != null ? "If-Match: " + ifMatch : ifNoneMatch != null ? "If-None-Match: " + ifNoneMatch : "none";
  }
}
