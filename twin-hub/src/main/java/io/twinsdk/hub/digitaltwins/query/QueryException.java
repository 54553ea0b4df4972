package io.twinsdk.hub.digitaltwins.query;

/**
 * A query the hub cannot run: a syntax error, a limit exceeded, or a feature not supported. Carries the zero-based
 * character position the problem was found at, so that the error response can name it.
 */
public final class QueryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int position;

  QueryException(int position, String message) {
    super(message, null, false, false);
    this.position = position;
  }

  /** The zero-based character offset into the query text where the problem was found. */
  public int position() {
    return position;
  }
}
