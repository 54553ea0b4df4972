package io.twinsdk.device;

/**
 * A desired-properties listener receives every change of the device twin's desired properties, exactly once per
 * {@code $version} and in version order, including changes made while the device was offline.
 *
 * <p>It is called on the client's single callback thread, never on an MQTT thread: a slow listener delays later
 * callbacks but not the connection, and an exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface DesiredPropertiesListener {

  /** Receives one change of the desired properties. */
  void onDesiredProperties(DesiredPropertiesUpdate update);
}
