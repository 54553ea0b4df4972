package io.twinsdk.device.internal;

/** A transport exception says how a connection failed, so that the client knows whether reconnecting can help. */
public final class TransportException extends RuntimeException {

  /** What kind of failure this is. */
  public enum Kind {
    /** The network failed or the connection was cut; retry. */
    NETWORK,
    /** The hub refused the connection as unavailable or dropped it; retry. */
    SERVER,
    /** The hub refused the credentials; do not retry with the same ones. */
    UNAUTHORIZED,
    /** The link is up but this one message was refused (for example too many in flight); fail just that request. */
    REJECTED
  }

  private final Kind kind;

  /** Creates the exception. */
  public TransportException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** Returns the kind of failure. */
  public Kind kind() {
    return kind;
  }
}
