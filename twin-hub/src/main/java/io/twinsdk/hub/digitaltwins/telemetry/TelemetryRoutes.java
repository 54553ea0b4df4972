package io.twinsdk.hub.digitaltwins.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.digitaltwin.DigitalTwinsTimestamps;
import io.twinsdk.hub.bus.ChangeBus;
import io.twinsdk.hub.bus.ChangeEvent;
import io.twinsdk.hub.digitaltwins.http.DigitalTwinsContext;
import io.twinsdk.hub.digitaltwins.http.DigitalTwinsErrors;
import io.twinsdk.hub.digitaltwins.twins.TwinRoutes;
import io.twinsdk.hub.http.ApiError;
import io.twinsdk.hub.http.HttpExchange;
import io.twinsdk.hub.http.HttpResult;
import io.twinsdk.hub.http.Realm;
import io.twinsdk.hub.http.Router;
import io.twinsdk.hub.store.DigitalTwinRecord;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Telemetry sent to a twin or one of its components, and the event routes that would carry it further.
 *
 * <p>Telemetry is not stored: once the twin (and component) is found, it is published on the change bus as a
 * {@link ChangeEvent.Kind#TELEMETRY} event whose id is the twin id, or {@code twinId/component}. Like the service, the
 * hub does not check the payload against the model's Telemetry contents. Event routes need endpoints that exist only
 * in Azure's control plane, so they answer 501.
 */
public final class TelemetryRoutes {

  private final DigitalTwinsContext context;
  private final ChangeBus bus;

  /** Creates the routes, publishing on {@code bus}. */
  public TelemetryRoutes(DigitalTwinsContext context, ChangeBus bus) {
    this.context = context;
    this.bus = bus;
  }

  /** Adds the routes to {@code router}. */
  public void register(Router router) {
    router.add("POST", "/digitaltwins/{id}/telemetry", Realm.DIGITAL_TWINS, this::twinTelemetry)
        .add("POST", "/digitaltwins/{id}/components/{component}/telemetry", Realm.DIGITAL_TWINS,
            this::componentTelemetry);
    for (String method : new String[] {"GET", "PUT", "DELETE"}) {
      router.add(method, "/eventroutes/{id}", Realm.DIGITAL_TWINS, TelemetryRoutes::eventRoutes);
    }
    router.add("GET", "/eventroutes", Realm.DIGITAL_TWINS, TelemetryRoutes::eventRoutes);
  }

  private CompletableFuture<HttpResult> twinTelemetry(HttpExchange exchange) {
    return publish(exchange, null);
  }

  private CompletableFuture<HttpResult> componentTelemetry(HttpExchange exchange) {
    return publish(exchange, exchange.pathParameter("component"));
  }

  private CompletableFuture<HttpResult> publish(HttpExchange exchange, String component) {
    String id = exchange.pathParameter("id");
    String messageId = exchange.header("Message-Id").filter(value -> !value.isBlank()).orElseThrow(() ->
        DigitalTwinsErrors.invalidArgument("The Message-Id header is required: a unique identifier of the message,"
            + " used to de-duplicate it."));
    Instant sourceTime = exchange.header("Telemetry-Source-Time").map(TelemetryRoutes::sourceTime).orElse(null);
    JsonNode payload = exchange.jsonBody(Realm.DIGITAL_TWINS);
    Instant now = context.now();
    return context.store().read(tx -> {
      DigitalTwinRecord twin = TwinRoutes.require(tx, id);
      if (component != null) {
        TwinRoutes.requireComponent(twin, component);
      }
      return twin;
    }).thenApply(twin -> {
      bus.publish(new ChangeEvent(ChangeEvent.Kind.TELEMETRY, component == null ? id : id + "/" + component, 0,
          payload, sourceTime == null ? now : sourceTime));
      return HttpResult.empty(204).withHeader("Message-Id", messageId);
    });
  }

  private static Instant sourceTime(String value) {
    try {
      return DigitalTwinsTimestamps.parse(value);
    } catch (IllegalArgumentException e) {
      throw DigitalTwinsErrors.invalidArgument("The Telemetry-Source-Time header must be an RFC 3339 timestamp, not '"
          + value + "'.");
    }
  }

  private static CompletableFuture<HttpResult> eventRoutes(HttpExchange exchange) {
    throw ApiError.digitalTwins(501, "NotImplemented", "Event routes are not supported by twin-hub: their endpoints"
        + " (Event Grid, Event Hubs, Service Bus) exist only in Azure's control plane. Subscribe to the hub's change"
        + " bus instead to observe twin, relationship and telemetry events.");
  }
}
