package io.twinsdk.hub.store;

/** A failure of the store itself (overload, I/O, shutdown), as opposed to a rejected request. */
public final class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean overloaded;

  /** Creates an exception for a store failure. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
    this.overloaded = false;
  }

  private StoreException(String message, boolean overloaded) {
    super(message);
    this.overloaded = overloaded;
  }

  /** Returns an exception saying the store's queue is full and the caller should retry later. */
  public static StoreException overloaded(String queue) {
    return new StoreException("The hub's " + queue + " queue is full; retry later", true);
  }

  /** Returns an exception saying the store is closed. */
  public static StoreException closed() {
    return new StoreException("The hub's store is closed", false);
  }

  /** Whether the request was refused because a queue was full (throttling, not a fault). */
  public boolean isOverloaded() {
    return overloaded;
  }
}
