package io.twinsdk.device;

/** A disconnect reason says why a {@link DeviceClient} is not {@link ConnectionState#CONNECTED}. */
public enum DisconnectReason {
  /** Nothing is wrong: the state is {@link ConnectionState#CONNECTED}. */
  NONE,
  /** The network failed: the connection was refused, cut, or timed out. */
  NETWORK,
  /** The hub closed the connection after the SAS token expired. */
  TOKEN_EXPIRED,
  /** The client reconnects on purpose to present a renewed SAS token before the old one expires. */
  TOKEN_RENEWAL,
  /** The hub refused the connection as unavailable or closed it on its side. */
  SERVER,
  /** The hub refused the credentials (bad key, expired token that cannot be renewed, disabled device); final. */
  UNAUTHORIZED,
  /** The retry policy gave up reconnecting; final. */
  RETRIES_EXHAUSTED,
  /** The application closed the client; final. */
  CLIENT_CLOSED
}
