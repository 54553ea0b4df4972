package io.twinsdk.hub.iothub.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.twinsdk.hub.auth.Right;
import io.twinsdk.hub.http.HttpExchange;
import io.twinsdk.hub.http.HttpResult;
import io.twinsdk.hub.http.Realm;
import io.twinsdk.hub.http.Router;
import io.twinsdk.hub.iothub.Access;
import io.twinsdk.hub.iothub.IotHubErrors;
import io.twinsdk.hub.iothub.twins.TwinJson;
import io.twinsdk.hub.iothub.twins.TwinView;
import io.twinsdk.hub.store.DeviceRecord;
import io.twinsdk.hub.store.DeviceTwinRecord;
import io.twinsdk.hub.store.HubStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code POST /devices/query}: runs an IoT Hub query over every twin and pages the result by
 * {@code x-ms-max-item-count} and {@code x-ms-continuation}; the last page has no continuation header.
 */
public final class QueryRoutes {

  private static final int DEFAULT_PAGE = 100;
  private static final int MAX_PAGE = 1000;
  private static final String CONTINUATION = "x-ms-continuation";

  private final HubStore store;
  private final Predicate<String> connected;

  private QueryRoutes(HubStore store, Predicate<String> connected) {
    this.store = store;
    this.connected = connected;
  }

  /** Adds the query route to {@code router}; {@code connected} tells whether a device has a live connection. */
  public static void addTo(Router router, HubStore store, Predicate<String> connected) {
    router.add("POST", "/devices/query", Realm.IOT_HUB, new QueryRoutes(store, connected)::query);
  }

  private CompletableFuture<HttpResult> query(HttpExchange exchange) {
    Access.requireAny(exchange, Right.REGISTRY_READ, Right.SERVICE_CONNECT);
    JsonNode text = exchange.jsonBody(Realm.IOT_HUB).get("query");
    if (text == null || !text.isTextual() || text.asText().isBlank()) {
      throw IotHubErrors.invalid("The body must be {\"query\":\"SELECT ... FROM devices ...\"}.");
    }
    Query query;
    try {
      query = Query.parse(text.asText());
    } catch (QueryException e) {
      throw IotHubErrors.invalid(e.getMessage());
    }
    int pageSize = exchange.header("x-ms-max-item-count").map(QueryRoutes::pageSize).orElse(DEFAULT_PAGE);
    int offset = exchange.header(CONTINUATION).map(QueryRoutes::offset).orElse(0);
    return store.read(tx -> {
      Map<String, DeviceRecord> devices = tx.devices().all().stream()
          .collect(Collectors.toMap(DeviceRecord::deviceId, Function.identity()));
      List<JsonNode> twins = new ArrayList<>();
      for (DeviceTwinRecord twin : tx.deviceTwins().all()) {
        DeviceRecord device = devices.get(twin.deviceId());
        if (device != null) {
          twins.add(TwinJson.service(new TwinView(device, twin), connected.test(device.deviceId())));
        }
      }
      return twins;
    }).thenApply(twins -> page(query, query.run(twins), offset, pageSize));
  }

  private static HttpResult page(Query query, List<JsonNode> items, int offset, int pageSize) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    int end = Math.min(items.size(), offset + pageSize);
    for (int i = Math.min(offset, items.size()); i < end; i++) {
      array.add(items.get(i));
    }
    HttpResult result = HttpResult.json(200, array)
        .withHeader("x-ms-item-type", query.selectsTwins() ? "twin" : "raw");
    return end < items.size() ? result.withHeader(CONTINUATION, token(end)) : result;
  }

  private static int pageSize(String value) {
    try {
      int size = Integer.parseInt(value.trim());
      if (size < 1) {
        throw IotHubErrors.invalid("x-ms-max-item-count must be positive, got " + size + ".");
      }
      return Math.min(size, MAX_PAGE);
    } catch (NumberFormatException e) {
      throw IotHubErrors.invalid("x-ms-max-item-count must be a number, got '" + value + "'.");
    }
  }

  private static String token(int offset) {
    return Base64.getEncoder().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token) {
    try {
      String decoded = new String(Base64.getDecoder().decode(token.trim()), StandardCharsets.UTF_8);
      if (!decoded.startsWith("offset:")) {
        throw new IllegalArgumentException(decoded);
      }
      return Math.max(0, Integer.parseInt(decoded.substring("offset:".length())));
    } catch (IllegalArgumentException e) {
      throw IotHubErrors.invalid("The x-ms-continuation token is not one this hub issued.");
    }
  }
}
