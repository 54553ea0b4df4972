package io.twinsdk.hub.http;

/** Which API a route belongs to: it decides authentication, api-versions and the error format. */
public enum Realm {
  /** The IoT Hub service API: SAS tokens signed with a shared access policy key; IoT Hub error bodies. */
  IOT_HUB,
  /** The Azure Digital Twins data plane: bearer tokens from the hub's token endpoint; ADT error bodies. */
  DIGITAL_TWINS,
  /** The OAuth2 token endpoint itself: no authentication; OAuth2 error bodies. */
  TOKEN
}
