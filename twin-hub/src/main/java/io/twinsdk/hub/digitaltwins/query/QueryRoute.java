package io.twinsdk.hub.digitaltwins.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.digitaltwins.http.DigitalTwinsErrors;
import io.twinsdk.hub.digitaltwins.http.Paging;
import io.twinsdk.hub.digitaltwins.query.AdtQuery.Projection;
import io.twinsdk.hub.digitaltwins.query.AdtQuery.SelectKind;
import io.twinsdk.hub.http.ApiError;
import io.twinsdk.hub.http.HttpExchange;
import io.twinsdk.hub.http.HttpResult;
import io.twinsdk.hub.http.Realm;
import io.twinsdk.hub.http.Route;
import io.twinsdk.hub.store.HubStore;
import io.twinsdk.hub.store.QueryRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /query}: runs a Digital Twins query a page at a time. The body is {@code {"query": "..."}} for a first
 * page and {@code {"continuationToken": "..."}} for the next ones; the answer is {@code {"value": [...],
 * "continuationToken": "..." | null}} with a {@code query-charge} header. Pages hold at most
 * {@code max-items-per-page} (≤ 100) rows.
 *
 * <p>The query is parsed on the calling event loop (bounded: at most 8,000 characters) and run on a store reader
 * thread; the continuation token carries the query text and the key of the last row sent, so pages continue
 * exactly after it without re-reading earlier rows.
 */
public final class QueryRoute implements Route {

  private static final int TOKEN_PARTS = 3;

  private final HubStore store;

  /** Creates the route over {@code store}. */
  public QueryRoute(HubStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public CompletableFuture<HttpResult> handle(HttpExchange exchange) {
    JsonNode body = exchange.jsonBody(Realm.DIGITAL_TWINS);
    int pageSize = Paging.pageSize(exchange);
    Position position = position(body);
    AdtQuery query = parse(position.text());
    if (query.select().kind() == SelectKind.COUNT) {
      return store.read(tx -> tx.digitalTwinQueries().count(query))
          .thenApply(count -> countResult(query, count))
          .exceptionally(QueryRoute::translate);
    }
    Integer allowed = position.remaining() != null ? position.remaining() : query.select().top().orElse(null);
    int limit = allowed == null ? pageSize : Math.min(pageSize, allowed);
    return store.read(tx -> tx.digitalTwinQueries().find(query, position.afterKey(), limit + 1))
        .thenApply(rows -> pageResult(position, query, rows, limit, allowed))
        .exceptionally(QueryRoute::translate);
  }

  /** Turns the store's failures that the service names into its errors; others pass through. */
  static HttpResult translate(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof QueryTimeoutException timeout) {
      throw ApiError.digitalTwins(400, "TimeoutError", timeout.getMessage());
    }
    // A key of the wrong shape can only come from a token the hub did not issue for this query.
    if (cause instanceof IllegalArgumentException) {
      throw DigitalTwinsErrors.invalidContinuationToken();
    }
    throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
  }

  /** Where a request starts: the query text, the key of the last row already sent, and what TOP still allows. */
  private record Position(String text, List<String> afterKey, Integer remaining) {}

  private static Position position(JsonNode body) {
    JsonNode token = body.path("continuationToken");
    if (token.isTextual()) {
      List<String> parts = Paging.decodeToken(token.textValue(), TOKEN_PARTS);
      try {
        List<String> afterKey = new ArrayList<>();
        JsonNode key = Json.parse(parts.get(1));
        for (JsonNode part : key) {
          afterKey.add(Objects.requireNonNull(part.textValue(), "key part"));
        }
        Integer remaining = parts.get(2).isEmpty() ? null : Integer.valueOf(parts.get(2));
        if (!key.isArray() || afterKey.isEmpty() || (remaining != null && remaining < 1)) {
          throw DigitalTwinsErrors.invalidContinuationToken();
        }
        return new Position(parts.get(0), afterKey, remaining);
      } catch (RuntimeException e) {
        throw DigitalTwinsErrors.invalidContinuationToken();
      }
    }
    JsonNode text = body.path("query");
    if (!text.isTextual() || text.textValue().isBlank()) {
      throw DigitalTwinsErrors.invalidArgument("The request body must carry a query or a continuationToken.");
    }
    return new Position(text.textValue(), null, null);
  }

  private static AdtQuery parse(String text) {
    try {
      return QueryParser.parse(text);
    } catch (QueryException e) {
      throw sqlQueryError(e);
    }
  }

  /** 400 SqlQueryError naming the position of the problem, as the service words a parse failure. */
  static ApiError sqlQueryError(QueryException e) {
    return ApiError.digitalTwins(400, "SqlQueryError", "SQL query parse failed at position " + (e.position() + 1)
        + ": " + e.getMessage() + ". See the query language reference https://aka.ms/adtv2query.");
  }

  private static HttpResult countResult(AdtQuery query, long count) {
    long limited = query.select().top().map(top -> Math.min(top, count)).orElse(count);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("value").addObject().put("COUNT", limited);
    body.putNull("continuationToken");
    return withCharge(HttpResult.json(200, body), 1);
  }

  /**
   * Builds a page from up to {@code limit + 1} rows; {@code allowed} is how many rows TOP still permits (null: no
   * TOP).
   */
  private static HttpResult pageResult(Position position, AdtQuery query, List<QueryRow> rows, int limit,
      Integer allowed) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode value = body.putArray("value");
    int count = Math.min(limit, rows.size());
    for (int i = 0; i < count; i++) {
      value.add(render(query, rows.get(i)));
    }
    Integer remaining = allowed == null ? null : allowed - count;
    boolean more = rows.size() > limit && (remaining == null || remaining > 0);
    if (more) {
      body.put("continuationToken", Paging.encodeToken(List.of(position.text(),
          Json.write(rows.get(count - 1).key()), remaining == null ? "" : remaining.toString())));
    } else {
      body.putNull("continuationToken");
    }
    return withCharge(HttpResult.json(200, body), count);
  }

  /** One result row: the document itself for SELECT *, else an object keyed by each projection's output name. */
  private static JsonNode render(AdtQuery query, QueryRow row) {
    if (query.select().kind() == SelectKind.ALL) {
      return row.documents().get(query.fromAlias());
    }
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    for (Projection projection : query.select().projections()) {
      JsonNode node = row.documents().get(projection.source().collection());
      for (String name : projection.source().path()) {
        node = node == null ? null : node.get(name);
      }
      // A projected property the row lacks is left out of that row, as the service does.
      if (node != null) {
        result.set(projection.outputName(), node);
      }
    }
    return result;
  }

  /**
   * Adds {@code query-charge}: the hub's stand-in for Query Units, one unit per request plus a tenth per row
   * returned. Clients read it as a number; it does not claim to match the service's figures.
   */
  private static HttpResult withCharge(HttpResult result, int rows) {
    return result.withHeader("query-charge", String.format(Locale.ROOT, "%.2f", 1 + rows / 10.0));
  }
}
