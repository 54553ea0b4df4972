package io.twinsdk.hub.iothub.query;

import com.fasterxml.jackson.databind.JsonNode;

/** A compiled {@code WHERE} clause: whether a twin (as service JSON) matches. */
@FunctionalInterface
interface Condition {

  /** A condition every twin matches (no {@code WHERE}). */
  Condition ALWAYS = twin -> true;

  boolean test(JsonNode twin);
}
