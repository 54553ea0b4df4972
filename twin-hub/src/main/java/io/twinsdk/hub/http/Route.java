package io.twinsdk.hub.http;

import java.util.concurrent.CompletableFuture;

/** A route handler: turns a request into a result, asynchronously, without blocking the calling event loop. */
@FunctionalInterface
public interface Route {

  /**
   * Handles the request. Called on a Vert.x event loop: do not block; run blocking work through the store.
   *
   * @return the result, or a future failed with {@link ApiError} for a refused request
   */
  CompletableFuture<HttpResult> handle(HttpExchange exchange);
}
