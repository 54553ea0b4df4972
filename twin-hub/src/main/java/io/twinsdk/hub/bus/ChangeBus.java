package io.twinsdk.hub.bus;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's in-process change bus: every committed change is published here, in commit order.
 *
 * <p>Listeners are called synchronously on the publishing thread (the store's writer thread, right after a commit),
 * so they must return quickly and never block: hand the event to your own executor or event loop. A listener that
 * throws is logged and does not affect the others.
 */
public final class ChangeBus {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeBus.class);

  private final CopyOnWriteArrayList<Consumer<ChangeEvent>> listeners = new CopyOnWriteArrayList<>();

  /**
   * Registers {@code listener} for every event published from now on.
   *
   * @return a handle whose {@code close()} removes the listener
   */
  public AutoCloseable subscribe(Consumer<ChangeEvent> listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Delivers {@code event} to every listener. */
  public void publish(ChangeEvent event) {
    for (Consumer<ChangeEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("Change listener failed on {} {}", event.kind(), event.id(), e);
      }
    }
  }
}
