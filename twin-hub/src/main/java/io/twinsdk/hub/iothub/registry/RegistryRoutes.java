package io.twinsdk.hub.iothub.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.twinsdk.hub.auth.Right;
import io.twinsdk.hub.http.HttpExchange;
import io.twinsdk.hub.http.HttpResult;
import io.twinsdk.hub.http.Realm;
import io.twinsdk.hub.http.Router;
import io.twinsdk.hub.iothub.Access;
import io.twinsdk.hub.iothub.IotHubErrors;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** The registry REST API: {@code PUT/GET/DELETE /devices/{id}} and {@code GET /devices}. */
public final class RegistryRoutes {

  private static final int DEFAULT_LIST_SIZE = 1000;

  private final DeviceRegistry registry;
  private final Predicate<String> connected;

  private RegistryRoutes(DeviceRegistry registry, Predicate<String> connected) {
    this.registry = registry;
    this.connected = connected;
  }

  /** Adds the registry routes to {@code router}; {@code connected} tells whether a device has a live connection. */
  public static void addTo(Router router, DeviceRegistry registry, Predicate<String> connected) {
    RegistryRoutes routes = new RegistryRoutes(registry, connected);
    router.add("PUT", "/devices/{id}", Realm.IOT_HUB, routes::put)
        .add("GET", "/devices/{id}", Realm.IOT_HUB, routes::get)
        .add("DELETE", "/devices/{id}", Realm.IOT_HUB, routes::delete)
        .add("GET", "/devices", Realm.IOT_HUB, routes::list);
  }

  private CompletableFuture<HttpResult> put(HttpExchange exchange) {
    Access.requireAny(exchange, Right.REGISTRY_WRITE);
    String id = exchange.pathParameter("id");
    return registry.put(id, exchange.jsonBody(Realm.IOT_HUB), exchange.header("If-Match"))
        .thenApply(device -> HttpResult.json(200, DeviceJson.render(device, connected.test(id))));
  }

  private CompletableFuture<HttpResult> get(HttpExchange exchange) {
    Access.requireAny(exchange, Right.REGISTRY_READ);
    String id = exchange.pathParameter("id");
    return registry.get(id).thenApply(device -> HttpResult.json(200, DeviceJson.render(device, connected.test(id))));
  }

  private CompletableFuture<HttpResult> delete(HttpExchange exchange) {
    Access.requireAny(exchange, Right.REGISTRY_WRITE);
    return registry.delete(exchange.pathParameter("id"), exchange.header("If-Match"))
        .thenApply(ignored -> HttpResult.empty(204));
  }

  private CompletableFuture<HttpResult> list(HttpExchange exchange) {
    Access.requireAny(exchange, Right.REGISTRY_READ);
    int top = exchange.query("top").map(RegistryRoutes::parseTop).orElse(DEFAULT_LIST_SIZE);
    return registry.list(top).thenApply(devices -> {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      devices.forEach(device -> array.add(DeviceJson.render(device, connected.test(device.deviceId()))));
      return HttpResult.json(200, array);
    });
  }

  private static int parseTop(String value) {
    try {
      int top = Integer.parseInt(value);
      if (top < 1 || top > DEFAULT_LIST_SIZE) {
        throw IotHubErrors.invalid("top must be between 1 and " + DEFAULT_LIST_SIZE + ", got " + top + ".");
      }
      return top;
    } catch (NumberFormatException e) {
      throw IotHubErrors.invalid("top must be a number, got '" + value + "'.");
    }
  }
}
