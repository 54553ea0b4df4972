package io.twinsdk.hub.digitaltwins;

import io.twinsdk.hub.bus.ChangeBus;
import io.twinsdk.hub.digitaltwins.http.DigitalTwinsContext;
import io.twinsdk.hub.digitaltwins.models.ModelCatalog;
import io.twinsdk.hub.digitaltwins.models.ModelRoutes;
import io.twinsdk.hub.digitaltwins.relationships.RelationshipRoutes;
import io.twinsdk.hub.digitaltwins.telemetry.TelemetryRoutes;
import io.twinsdk.hub.digitaltwins.twins.TwinRoutes;
import io.twinsdk.hub.http.Router;
import io.twinsdk.hub.store.HubStore;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Azure Digital Twins data plane of the hub: models, twins, components, relationships and telemetry.
 *
 * <p>Create one when the hub starts (it loads the stored models) and {@link #register} its routes.
 */
public final class DigitalTwinsApi {

  private static final long LOAD_TIMEOUT_SECONDS = 60;

  private final DigitalTwinsContext context;
  private final ModelCatalog catalog;
  private final ChangeBus bus;

  private DigitalTwinsApi(DigitalTwinsContext context, ModelCatalog catalog, ChangeBus bus) {
    this.context = context;
    this.catalog = catalog;
    this.bus = bus;
  }

  /**
   * Loads the stored models and returns the API over {@code store}, publishing telemetry on {@code bus} (the bus the
   * store publishes committed changes on).
   *
   * @throws IllegalStateException if the models cannot be loaded within a minute
   */
  public static DigitalTwinsApi start(HubStore store, ChangeBus bus, Clock clock) {
    try {
      ModelCatalog catalog = store.read(ModelCatalog::load).get(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return new DigitalTwinsApi(new DigitalTwinsContext(store, clock), catalog, bus);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not load the Digital Twins models", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while loading the Digital Twins models", e);
    }
  }

  /** The resolved models, for features that need them (queries with {@code IS_OF_MODEL}, import jobs). */
  public ModelCatalog models() {
    return catalog;
  }

  /** Adds every Digital Twins route to {@code router}. */
  public Router register(Router router) {
    new ModelRoutes(context, catalog).register(router);
    new TwinRoutes(context, catalog).register(router);
    new RelationshipRoutes(context, catalog).register(router);
    new TelemetryRoutes(context, bus).register(router);
    return router;
  }
}
