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
import io.twinsdk.hub.store.HubStore;
import io.twinsdk.hub.store.StoreTransaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * {@code POST /devices/query}: runs an IoT Hub query over the twins in device id order and pages the result by
 * {@code x-ms-max-item-count} and {@code x-ms-continuation}; the last page has no continuation header.
 */
public final class QueryRoutes {

  private static final int DEFAULT_PAGE = 100;
  private static final int MAX_PAGE = 1000;
  private static final String CONTINUATION = "x-ms-continuation";
  private static final int SCAN_BATCH = 256;

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
    Continuation from = exchange.header(CONTINUATION).map(Continuation::parse).orElse(Continuation.START);
    if (query.aggregates()) {
      // COUNT()/GROUP BY rows need every twin; they are few, so they are paged by offset over one evaluation.
      return store.read(tx -> query.run(views(tx.devices().all(), tx)))
          .thenApply(rows -> aggregatePage(query, rows, from.emitted(), pageSize));
    }
    return store.read(tx -> keysetPage(tx, query, from, pageSize));
  }

  /**
   * Scans devices in id order after the continuation's last device and stops one match past the page, so a page costs
   * the filter scan plus one page of rows, and devices added or removed between pages neither skip nor repeat rows.
   */
  private HttpResult keysetPage(StoreTransaction tx, Query query, Continuation from, int pageSize) {
    int limit = query.top().isPresent() ? Math.min(pageSize, query.top().getAsInt() - from.emitted()) : pageSize;
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    String after = from.lastDeviceId();
    String lastEmitted = after;
    boolean more = false;
    scan:
    while (limit > 0) {
      List<DeviceRecord> batch = tx.devices().list(after, SCAN_BATCH);
      for (JsonNode twin : views(batch, tx)) {
        Optional<JsonNode> row = query.row(twin);
        if (row.isPresent()) {
          if (array.size() == limit) {
            more = true;
            break scan;
          }
          array.add(row.get());
          lastEmitted = twin.get("deviceId").asText();
        }
      }
      if (batch.size() < SCAN_BATCH) {
        break;
      }
      after = batch.get(batch.size() - 1).deviceId();
    }
    int emitted = from.emitted() + array.size();
    if (query.top().isPresent() && emitted >= query.top().getAsInt()) {
      more = false;
    }
    HttpResult result = HttpResult.json(200, array).withHeader("x-ms-item-type", itemType(query));
    return more ? result.withHeader(CONTINUATION, new Continuation(emitted, lastEmitted).token())
        : result;
  }

  private List<JsonNode> views(List<DeviceRecord> devices, StoreTransaction tx) {
    List<JsonNode> twins = new ArrayList<>();
    for (DeviceRecord device : devices) {
      tx.deviceTwins().find(device.deviceId()).ifPresent(twin -> twins.add(
          TwinJson.service(new TwinView(device, twin), connected.test(device.deviceId()))));
    }
    return twins;
  }

  private static HttpResult aggregatePage(Query query, List<JsonNode> items, int offset, int pageSize) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    int end = Math.min(items.size(), offset + pageSize);
    for (int i = Math.min(offset, items.size()); i < end; i++) {
      array.add(items.get(i));
    }
    HttpResult result = HttpResult.json(200, array).withHeader("x-ms-item-type", itemType(query));
    return end < items.size() ? result.withHeader(CONTINUATION, new Continuation(end, "").token()) : result;
  }

  private static String itemType(Query query) {
    return query.selectsTwins() ? "twin" : "raw";
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

  /**
   * An opaque {@code x-ms-continuation}: how many rows earlier pages returned (for TOP and aggregate offsets) and the
   * last device id returned (the keyset).
   */
  private record Continuation(int emitted, String lastDeviceId) {

    static final Continuation START = new Continuation(0, "");
    private static final String PREFIX = "k1:";

    String token() {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          (PREFIX + emitted + ":" + lastDeviceId).getBytes(StandardCharsets.UTF_8));
    }

    static Continuation parse(String token) {
      try {
        String decoded = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':', PREFIX.length());
        if (!decoded.startsWith(PREFIX) || colon < 0) {
          throw new IllegalArgumentException(decoded);
        }
        int emitted = Integer.parseInt(decoded.substring(PREFIX.length(), colon));
        if (emitted < 0) {
          throw new IllegalArgumentException(decoded);
        }
        return new Continuation(emitted, decoded.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        throw IotHubErrors.invalid("The x-ms-continuation token is not one this hub issued.");
      }
    }
  }
}
