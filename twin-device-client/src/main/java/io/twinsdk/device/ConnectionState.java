package io.twinsdk.device;

/** A connection state is where a {@link DeviceClient}'s link to the hub stands, as its listener is told. */
public enum ConnectionState {
  /** Connected, subscribed, and caught up with the desired properties; requests go out at once. */
  CONNECTED,
  /** The link is down and the client is reconnecting; requests wait in the offline queue. */
  DISCONNECTED_RETRYING,
  /** The client has stopped for good (closed, refused credentials, or retries exhausted); requests fail. */
  DISCONNECTED
}
