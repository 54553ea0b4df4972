package io.twinsdk.hub.store;

import java.util.Optional;
import java.util.Set;

/**
 * Persistent MQTT session state: the topic filters each client id subscribed to. IoT Hub clients connect with
 * CleanSession=0 and never subscribe again after a reconnect, so subscriptions must outlive connections and restarts.
 */
public interface SessionRepository {

  /** Returns the subscriptions of a client id's session, or empty when it has no session. */
  Optional<Set<String>> find(String clientId);

  /** Stores the session's subscriptions (possibly empty: the session still exists). */
  void put(String clientId, Set<String> topicFilters);

  /** Ends the session; returns whether there was one. */
  boolean delete(String clientId);
}
