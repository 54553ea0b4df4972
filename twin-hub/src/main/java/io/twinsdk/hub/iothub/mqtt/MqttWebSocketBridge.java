package io.twinsdk.hub.iothub.mqtt;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT over secure WebSocket at {@code wss://{host}:{https port}/$iothub/websocket} (subprotocol {@code mqtt}), as
 * IoT Hub serves it on 443 (iothub-protocol.md §1.1).
 *
 * <p>The HTTPS gateway terminates TLS and the WebSocket handshake and hands each upgraded connection here; the bridge
 * forwards the binary frames' bytes, with back-pressure both ways, to the gateway's own MQTT listener on a loopback
 * port ({@link MqttGateway#listenLoopback}). Why a loopback hop rather than a shared handler: vertx-mqtt only builds an
 * endpoint from a socket it accepted itself, so forwarding the bytes is the one way that reuses the MQTT endpoint logic
 * unchanged — same CONNECT checks, topics, session handling and size limits as MQTT/TLS — at the price of one local
 * TCP hop. Closing either side closes the other.
 *
 * <p>Threads: the handler and both pipes run on the WebSocket's event loop.
 */
public final class MqttWebSocketBridge implements Handler<ServerWebSocket>, AutoCloseable {

  /** The WebSocket path devices dial. */
  public static final String PATH = "/$iothub/websocket";

  /** The WebSocket subprotocol of MQTT. */
  public static final String SUBPROTOCOL = "mqtt";

  private static final Logger LOG = LoggerFactory.getLogger(MqttWebSocketBridge.class);
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final NetClient client;
  private final int loopbackPort;

  /** Creates a bridge to the loopback MQTT listener on {@code loopbackPort}. */
  public MqttWebSocketBridge(Vertx vertx, int loopbackPort) {
    this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS));
    this.loopbackPort = loopbackPort;
  }

  /** Accepts a WebSocket upgrade on {@link #PATH} and refuses every other path with 404. */
  @Override
  public void handle(ServerWebSocket webSocket) {
    if (!PATH.equals(webSocket.path())) {
      webSocket.reject(404);
      return;
    }
    // Hold the device's first frames (its CONNECT) until the loopback connection exists.
    webSocket.pause();
    client.connect(loopbackPort, "127.0.0.1").onComplete(connected -> {
      if (connected.failed()) {
        LOG.warn("MQTT over WebSocket from {}: the loopback MQTT listener is unreachable", webSocket.remoteAddress(),
            connected.cause());
        webSocket.close((short) 1011, "MQTT endpoint unavailable");
        return;
      }
      NetSocket mqtt = connected.result();
      if (webSocket.isClosed()) {
        // The device left while the loopback connection opened; do not leave a half-open MQTT connection behind.
        mqtt.close();
        return;
      }
      mqtt.pipeTo(webSocket);
      webSocket.pipeTo(mqtt);
      LOG.debug("MQTT over WebSocket from {} bridged", webSocket.remoteAddress());
    });
  }

  /** Closes the loopback client and with it every bridged connection. */
  @Override
  public void close() {
    Future<Void> closing = client.close();
    closing.toCompletionStage().toCompletableFuture().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
        .exceptionally(e -> null).join();
  }
}
