package io.twinsdk.hub.digitaltwins.query;

/**
 * Thrown by the store when a query ran past the service's time limit and was stopped; the route answers with the
 * service's 400 TimeoutError.
 */
public final class QueryTimeoutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for a query stopped after {@code seconds}. */
  public QueryTimeoutException(long seconds, Throwable cause) {
    super("The query execution timed out after " + seconds + " seconds. Try simplifying the query or adding"
        + " conditions to reduce the result size.", cause);
  }
}
