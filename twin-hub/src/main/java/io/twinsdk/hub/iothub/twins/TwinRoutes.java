package io.twinsdk.hub.iothub.twins;

import io.twinsdk.hub.auth.Right;
import io.twinsdk.hub.http.HttpExchange;
import io.twinsdk.hub.http.HttpResult;
import io.twinsdk.hub.http.Realm;
import io.twinsdk.hub.http.Router;
import io.twinsdk.hub.iothub.Access;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The service twin API: {@code GET}, {@code PATCH} (also {@code POST} with {@code X-HTTP-Method-Override: PATCH}, which
 * the gateway turns into PATCH) and {@code PUT} on {@code /twins/{id}}, answering with the whole twin.
 */
public final class TwinRoutes {

  private final TwinService twins;
  private final Predicate<String> connected;

  private TwinRoutes(TwinService twins, Predicate<String> connected) {
    this.twins = twins;
    this.connected = connected;
  }

  /** Adds the twin routes to {@code router}; {@code connected} tells whether a device has a live connection. */
  public static void addTo(Router router, TwinService twins, Predicate<String> connected) {
    TwinRoutes routes = new TwinRoutes(twins, connected);
    router.add("GET", "/twins/{id}", Realm.IOT_HUB, routes::get)
        .add("PATCH", "/twins/{id}", Realm.IOT_HUB, routes::update)
        .add("PUT", "/twins/{id}", Realm.IOT_HUB, routes::replace);
  }

  private CompletableFuture<HttpResult> get(HttpExchange exchange) {
    Access.requireAny(exchange, Right.REGISTRY_READ, Right.SERVICE_CONNECT);
    return twins.get(exchange.pathParameter("id")).thenApply(this::answer);
  }

  private CompletableFuture<HttpResult> update(HttpExchange exchange) {
    Access.requireAny(exchange, Right.SERVICE_CONNECT, Right.REGISTRY_WRITE);
    return twins.update(exchange.pathParameter("id"), exchange.jsonBody(Realm.IOT_HUB), exchange.header("If-Match"))
        .thenApply(this::answer);
  }

  private CompletableFuture<HttpResult> replace(HttpExchange exchange) {
    Access.requireAny(exchange, Right.SERVICE_CONNECT, Right.REGISTRY_WRITE);
    return twins.replace(exchange.pathParameter("id"), exchange.jsonBody(Realm.IOT_HUB), exchange.header("If-Match"))
        .thenApply(this::answer);
  }

  private HttpResult answer(TwinView view) {
    return HttpResult.json(200, TwinJson.service(view, connected.test(view.device().deviceId())))
        .withHeader("ETag", "\"" + view.twin().etag() + "\"");
  }
}
