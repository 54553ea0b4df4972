package io.twinsdk.hub.iothub.query;

/** A query the hub cannot parse or does not support; the message names the problem and its position. */
public final class QueryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  QueryException(String message) {
    super(message);
  }
}
