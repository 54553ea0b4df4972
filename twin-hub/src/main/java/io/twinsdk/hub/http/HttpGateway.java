package io.twinsdk.hub.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.auth.Principal;
import io.twinsdk.hub.store.StoreException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.PemKeyCertOptions;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's HTTPS endpoint: the IoT Hub service API, the Digital Twins data plane and the token endpoint on one port.
 *
 * <p>Requests are read whole (up to a size limit), routed, authenticated for their realm, checked for a supported
 * {@code api-version}, and handed to the route on the connection's event loop. The route's future may complete on any
 * thread; the response is always written back on the connection's own context.
 */
public final class HttpGateway {

  private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);

  /** Largest accepted request body: a model batch can be large, everything else is far smaller. */
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  /** IoT Hub service api-versions the hub accepts (those the SDKs and the REST docs use). */
  public static final Set<String> IOT_HUB_API_VERSIONS = Set.of(
      "2016-11-14", "2017-06-30", "2017-11-08-preview", "2018-01-26", "2018-04-01", "2018-06-30",
      "2019-03-30", "2019-10-01", "2020-03-13", "2020-05-31-preview", "2020-06-30", "2020-09-30",
      "2021-04-12", "2021-11-30");

  /** Digital Twins data-plane api-versions the hub accepts. */
  public static final Set<String> DIGITAL_TWINS_API_VERSIONS = Set.of("2020-10-31", "2022-05-31", "2023-10-31");

  private final Vertx vertx;
  private final Router router;
  private final Map<Realm, Authenticator> authenticators;
  private HttpServer server;
  private Handler<ServerWebSocket> webSocketHandler;
  private String webSocketSubprotocol;
  private int maxWebSocketMessageBytes;

  /** Creates a gateway serving {@code router}, authenticating each realm with its authenticator. */
  public HttpGateway(Vertx vertx, Router router, Map<Realm, Authenticator> authenticators) {
    this.vertx = vertx;
    this.router = router;
    this.authenticators = Map.copyOf(authenticators);
  }

  /**
   * Serves WebSocket upgrades with {@code handler} (which refuses paths it does not serve), offering
   * {@code subprotocol} and accepting messages up to {@code maxMessageBytes}; call before {@link #listen}.
   */
  public void webSockets(Handler<ServerWebSocket> handler, String subprotocol, int maxMessageBytes) {
    this.webSocketHandler = handler;
    this.webSocketSubprotocol = subprotocol;
    this.maxWebSocketMessageBytes = maxMessageBytes;
  }

  /** Starts listening; the future completes with the bound port. */
  public Future<Integer> listen(String host, int port, String certificatePath, String keyPath) {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setSsl(true)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(certificatePath).setKeyPath(keyPath))
        .setIdleTimeout(240)
        .setDecompressionSupported(false);
    if (webSocketHandler != null) {
      options.setWebSocketSubProtocols(List.of(webSocketSubprotocol))
          .setMaxWebSocketFrameSize(maxWebSocketMessageBytes)
          .setMaxWebSocketMessageSize(maxWebSocketMessageBytes);
    }
    server = vertx.createHttpServer(options).requestHandler(this::handle);
    if (webSocketHandler != null) {
      server.webSocketHandler(webSocketHandler);
    }
    return server.listen().map(HttpServer::actualPort);
  }

  /** Stops listening and closes open connections. */
  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void handle(HttpServerRequest request) {
    long started = System.nanoTime();
    Context context = vertx.getOrCreateContext();
    String contentLength = request.getHeader("Content-Length");
    if (contentLength != null && parseLength(contentLength) > MAX_BODY_BYTES) {
      request.response().setStatusCode(413).putHeader("Connection", "close").end();
      return;
    }
    Buffer body = Buffer.buffer();
    request.handler(chunk -> {
      if (body.length() + chunk.length() > MAX_BODY_BYTES) {
        request.response().setStatusCode(413).putHeader("Connection", "close").end();
        request.connection().close();
        return;
      }
      body.appendBuffer(chunk);
    });
    request.endHandler(ignored -> {
      if (!request.response().ended()) {
        dispatch(request, body.getBytes()).whenComplete((result, failure) ->
            context.runOnContext(v -> respond(request, result, failure, started)));
      }
    });
  }

  private CompletableFuture<Answer> dispatch(HttpServerRequest request, byte[] body) {
    String method = request.method().name();
    String override = request.getHeader("X-HTTP-Method-Override");
    if ("POST".equals(method) && override != null) {
      method = override.toUpperCase(Locale.ROOT);
    }
    Router.Match match = router.match(method, request.path());
    Realm realm = match.realm() != null ? match.realm() : guessRealm(request.path());
    try {
      // Authenticate before saying whether a path exists, so that unauthenticated callers learn nothing.
      Authenticator authenticator = authenticators.get(realm);
      Principal principal = authenticator == null ? null : authenticator.authenticate(
          request.getHeader("Authorization"));
      checkApiVersion(realm, request.getParam("api-version"));
      if (match.route() == null) {
        throw match.methodNotAllowed() ? notAllowed(realm, method) : notFound(realm, request.path());
      }
      HttpExchange exchange = new HttpExchange(method, request.path(), match.parameters(), request.params(),
          request.headers(), body, principal, baseUrl(request));
      return match.route().handle(exchange)
          .handle((result, failure) -> new Answer(realm, result, failure));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(new Answer(realm, null, e));
    }
  }

  private static void checkApiVersion(Realm realm, String apiVersion) {
    if (realm == Realm.TOKEN) {
      return;
    }
    Set<String> supported = realm == Realm.IOT_HUB ? IOT_HUB_API_VERSIONS : DIGITAL_TWINS_API_VERSIONS;
    if (apiVersion == null || apiVersion.isEmpty()) {
      throw realm == Realm.IOT_HUB
          ? ApiError.iotHub(400004, "ArgumentInvalid", "The api-version query parameter is required.")
          : ApiError.digitalTwins(400, "MissingApiVersionParameter",
              "The api-version query parameter (?api-version=) is required for all requests.");
    }
    if (!supported.contains(apiVersion)) {
      throw realm == Realm.IOT_HUB
          ? ApiError.iotHub(400004, "ArgumentInvalid", "The api-version '" + apiVersion + "' is not supported.")
          : ApiError.digitalTwins(400, "InvalidApiVersionParameter", "The api-version '" + apiVersion
              + "' is invalid. The supported versions are '" + String.join(",",
              new java.util.TreeSet<>(supported)) + "'.");
    }
  }

  private void respond(HttpServerRequest request, Answer answer, Throwable failure, long started) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return;
    }
    Throwable problem = failure != null ? failure : answer.failure();
    HttpResult result = problem == null ? answer.result() : render(answer == null ? Realm.IOT_HUB : answer.realm(),
        unwrap(problem), request);
    response.setStatusCode(result.status());
    result.headers().forEach(response::putHeader);
    response.putHeader("x-ms-request-id", UUID.randomUUID().toString());
    if (result.body() != null) {
      response.putHeader("Content-Type", "application/json; charset=utf-8");
      response.end(Buffer.buffer(Json.write(result.body())));
    } else {
      response.end();
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} -> {} in {} ms", request.method(), request.path(), result.status(),
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static HttpResult render(Realm realm, Throwable failure, HttpServerRequest request) {
    ApiError error;
    if (failure instanceof ApiError apiError) {
      error = apiError;
    } else if (failure instanceof StoreException store && store.isOverloaded()) {
      error = realm == Realm.IOT_HUB
          ? ApiError.iotHub(429001, "ThrottlingException", store.getMessage())
          : ApiError.digitalTwins(429, "QuotaReachedError", store.getMessage());
    } else {
      LOG.error("{} {} failed", request.method(), request.path(), failure);
      error = realm == Realm.IOT_HUB
          ? ApiError.iotHub(500001, "ServerError", "The hub failed to handle the request: " + failure)
          : ApiError.digitalTwins(500, "InternalServerError", "The hub failed to handle the request: " + failure);
    }
    return ErrorBodies.render(realm, error);
  }

  private static ApiError notFound(Realm realm, String path) {
    String message = "No operation matches the path " + path + ".";
    return realm == Realm.DIGITAL_TWINS
        ? ApiError.digitalTwins(404, "NotFound", message)
        : ApiError.iotHub(404001, "NotFound", message);
  }

  private static ApiError notAllowed(Realm realm, String method) {
    String message = "The method " + method + " is not allowed on this resource.";
    return realm == Realm.DIGITAL_TWINS
        ? ApiError.digitalTwins(405, "MethodNotAllowed", message)
        : ApiError.iotHub(405000, "MethodNotAllowed", message);
  }

  private static Realm guessRealm(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    boolean iotHub = lower.startsWith("/devices") || lower.startsWith("/twins") || lower.startsWith("/jobs/v2")
        || lower.startsWith("/configurations") || lower.startsWith("/statistics");
    return iotHub ? Realm.IOT_HUB : Realm.DIGITAL_TWINS;
  }

  private static String baseUrl(HttpServerRequest request) {
    String host = request.getHeader("Host");
    if (host == null || host.isEmpty()) {
      host = request.localAddress().host() + ":" + request.localAddress().port();
    }
    return "https://" + host;
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private record Answer(Realm realm, HttpResult result, Throwable failure) {}

  /** The two error-body formats and the OAuth2 one. */
  static final class ErrorBodies {

    private ErrorBodies() {}

    static HttpResult render(Realm realm, ApiError error) {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      switch (realm) {
        case IOT_HUB -> {
          body.put("errorCode", error.iotHubCode());
          body.put("trackingId", UUID.randomUUID().toString().replace("-", ""));
          body.put("message", error.getMessage());
          body.putObject("info");
          body.put("timestampUtc", Instant.now().toString());
          return HttpResult.json(error.status(), body).withHeader("iothub-errorcode", error.code());
        }
        case DIGITAL_TWINS -> {
          ObjectNode inner = body.putObject("error");
          inner.put("code", error.code());
          inner.put("message", error.getMessage());
          if (!error.details().isEmpty()) {
            var details = inner.putArray("details");
            for (String detail : error.details()) {
              ObjectNode item = details.addObject();
              item.put("code", error.code());
              item.put("message", detail);
            }
          }
          return HttpResult.json(error.status(), body).withHeader("x-ms-error-code", error.code());
        }
        default -> {
          body.put("error", error.code());
          body.put("error_description", error.getMessage());
          return HttpResult.json(error.status(), body);
        }
      }
    }
  }
}
