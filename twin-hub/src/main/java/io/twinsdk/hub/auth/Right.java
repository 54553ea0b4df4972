package io.twinsdk.hub.auth;

/** The permissions an IoT Hub shared access policy grants. */
public enum Right {
  /** Read the device registry. */
  REGISTRY_READ,
  /** Create, update and delete device identities. */
  REGISTRY_WRITE,
  /** Service-facing APIs: twins, queries, and the Digital Twins data plane. */
  SERVICE_CONNECT,
  /** Device-facing endpoints. */
  DEVICE_CONNECT
}
