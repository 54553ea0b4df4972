package io.twinsdk.device;

import io.twinsdk.core.auth.DeviceConnectionString;
import io.twinsdk.core.auth.SasToken;
import io.twinsdk.device.internal.PahoTransport;
import io.twinsdk.device.internal.SessionOptions;
import io.twinsdk.device.internal.TlsTrust;
import io.twinsdk.device.internal.TokenSource;
import io.twinsdk.device.internal.TwinSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;

/**
 * A device client builder collects a device's identity, credentials and options and builds a {@link DeviceClient}.
 *
 * <p>Exactly one identity is required: {@link #connectionString}, {@link #sharedAccessKey} or
 * {@link #sasTokenSupplier}. Everything else has a default. Builders are not thread-safe; the clients they build are.
 */
public final class DeviceClientBuilder {

  static final String API_VERSION = "2021-04-12";
  static final String CLIENT_TYPE = "twin-sdk-java/0.1.0";
  private static final int MQTTS_PORT = 8883;
  private static final int WEBSOCKET_PORT = 443;
  private static final String WEBSOCKET_PATH = "/$iothub/websocket?iothub-no-client-cert=true";

  private DeviceConnectionString identity;
  private Supplier<String> tokenSupplier;
  private int port;
  private SSLSocketFactory socketFactory;
  private boolean webSocket;
  private HttpProxy proxy;
  private Duration keepAlive = Duration.ofSeconds(230);
  private Duration connectTimeout = Duration.ofSeconds(30);
  private Duration operationTimeout = Duration.ofSeconds(60);
  private Duration tokenLifetime = Duration.ofHours(1);
  private RetryPolicy retryPolicy = ExponentialBackoff.defaults();
  private int offlineQueueCapacity = 1000;
  private int callbackQueueCapacity = 1000;
  private DesiredPropertiesListener desiredListener;
  private ConnectionStateListener stateListener;

  DeviceClientBuilder() {}

  /**
   * Sets the identity and credentials from a device connection string ({@code HostName=…;DeviceId=…;
   * SharedAccessKey=…}); {@code HostName} may carry a port, and {@code GatewayHostName} is dialled instead when given.
   *
   * @throws io.twinsdk.core.auth.ConnectionStringException if the string is malformed
   */
  public DeviceClientBuilder connectionString(String connectionString) {
    DeviceConnectionString parsed = DeviceConnectionString.parse(connectionString);
    if (parsed.isX509()) {
      throw new IllegalArgumentException("X.509 authentication is not supported; use a SharedAccessKey");
    }
    this.identity = parsed;
    this.tokenSupplier = null;
    return this;
  }

  /** Sets the identity as hub host name (optionally {@code host:port}), device id and the device's base64 key. */
  public DeviceClientBuilder sharedAccessKey(String hostName, String deviceId, String base64Key) {
    this.identity = DeviceConnectionString.builder()
        .hostName(hostName).deviceId(deviceId).sharedAccessKey(base64Key).build();
    this.tokenSupplier = null;
    return this;
  }

  /**
   * Sets the identity as hub host name and device id, with SAS tokens from {@code supplier}, which is asked for a
   * fresh token before each connection and renewal (at 85% of the token's remaining life).
   */
  public DeviceClientBuilder sasTokenSupplier(String hostName, String deviceId, Supplier<String> supplier) {
    Objects.requireNonNull(supplier, "supplier");
    // A placeholder key gives the connection string its required credential; it never signs anything.
    this.identity = DeviceConnectionString.builder()
        .hostName(hostName).deviceId(deviceId).sharedAccessKey("AA==").build();
    this.tokenSupplier = supplier;
    return this;
  }

  /** Sets the port to dial; by default the connection string's port, else 8883 (MQTT) or 443 (WebSocket). */
  public DeviceClientBuilder port(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, but was " + port);
    }
    this.port = port;
    return this;
  }

  /** Trusts exactly the certificates in a PEM file, such as the local hub's certificate. */
  public DeviceClientBuilder trustPem(Path pemFile) {
    this.socketFactory = TlsTrust.fromPem(Objects.requireNonNull(pemFile, "pemFile"));
    return this;
  }

  /** Trusts the certificates in {@code trustStore} instead of the system's. */
  public DeviceClientBuilder trustStore(KeyStore trustStore) {
    this.socketFactory = TlsTrust.fromKeyStore(Objects.requireNonNull(trustStore, "trustStore"));
    return this;
  }

  /** Uses MQTT over secure WebSocket ({@code wss://host:443/$iothub/websocket}) instead of MQTT over TLS. */
  public DeviceClientBuilder webSocket(boolean webSocket) {
    this.webSocket = webSocket;
    return this;
  }

  /**
   * Tunnels the connection through an HTTP proxy with {@code CONNECT}; needs {@link #webSocket(boolean) webSocket(true)},
   * as IoT Hub devices reach the hub through proxies on port 443 only. A proxy that answers 407 ends the client in
   * DISCONNECTED with an {@link UnauthorizedException}, as refused device credentials do.
   */
  public DeviceClientBuilder httpProxy(HttpProxy proxy) {
    this.proxy = Objects.requireNonNull(proxy, "proxy");
    return this;
  }

  /** Sets the MQTT keep-alive interval, in whole seconds from 1 s; default 230 s, as the official SDK uses. */
  public DeviceClientBuilder keepAlive(Duration keepAlive) {
    this.keepAlive = atLeastOneSecond(keepAlive, "keepAlive");
    return this;
  }

  /** Sets how long one connection attempt may take; default 30 s. */
  public DeviceClientBuilder connectTimeout(Duration connectTimeout) {
    this.connectTimeout = atLeastOneSecond(connectTimeout, "connectTimeout");
    return this;
  }

  /**
   * Sets how long a request may wait for the hub's answer once sent, and how long a blocking call waits in all;
   * default 60 s.
   */
  public DeviceClientBuilder operationTimeout(Duration operationTimeout) {
    this.operationTimeout = positive(operationTimeout, "operationTimeout");
    return this;
  }

  /** Sets the lifetime of the SAS tokens the client signs with the device key; default 1 hour. */
  public DeviceClientBuilder tokenLifetime(Duration tokenLifetime) {
    this.tokenLifetime = atLeastOneSecond(tokenLifetime, "tokenLifetime");
    return this;
  }

  /** Sets how to wait between reconnection attempts; default {@link ExponentialBackoff#defaults()}. */
  public DeviceClientBuilder retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    return this;
  }

  /**
   * Sets how many requests may wait for an answer at once, sent or queued while offline; a request beyond that fails
   * at once with {@link QueueFullException}. Default 1000.
   */
  public DeviceClientBuilder offlineQueueCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("offlineQueueCapacity must be >= 1, but was " + capacity);
    }
    this.offlineQueueCapacity = capacity;
    return this;
  }

  /**
   * Sets how many listener calls may wait for the callback thread; a desired change that finds it full is delivered
   * later, merged into the next catch-up. Default 1000.
   */
  public DeviceClientBuilder callbackQueueCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("callbackQueueCapacity must be >= 1, but was " + capacity);
    }
    this.callbackQueueCapacity = capacity;
    return this;
  }

  /** Sets the listener for desired-property changes. */
  public DeviceClientBuilder desiredPropertiesListener(DesiredPropertiesListener listener) {
    this.desiredListener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** Sets the listener for connection-state changes. */
  public DeviceClientBuilder connectionStateListener(ConnectionStateListener listener) {
    this.stateListener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Returns a new client, not yet connected: call {@link DeviceClient#open()}.
   *
   * @throws IllegalStateException if no identity was set
   */
  public DeviceClient buildClient() {
    if (identity == null) {
      throw new IllegalStateException("Set connectionString, sharedAccessKey or sasTokenSupplier first");
    }
    if (proxy != null && !webSocket) {
      throw new IllegalStateException("An HTTP proxy needs MQTT over WebSocket: call webSocket(true)");
    }
    DeviceConnectionString id = identity;
    TokenSource tokens;
    if (tokenSupplier != null) {
      tokens = TokenSource.supplied(tokenSupplier);
    } else if (id.sharedAccessSignature().isPresent()) {
      SasToken fixed = id.sharedAccessSignature().get();
      tokens = TokenSource.supplied(fixed::value);
    } else {
      tokens = TokenSource.signing(id::sasToken, tokenLifetime);
    }
    String clientId = id.deviceId() + id.moduleId().map(m -> "/" + m).orElse("");
    String username = id.hostName() + "/" + clientId + "/?api-version=" + API_VERSION
        + "&DeviceClientType=" + URLEncoder.encode(CLIENT_TYPE, StandardCharsets.UTF_8);
    String dialHost = id.gatewayHostName().orElse(id.hostName());
    int dialPort = port != 0 ? port : id.port().orElse(webSocket ? WEBSOCKET_PORT : MQTTS_PORT);
    String serverUri = (webSocket ? "wss://" : "ssl://") + dialHost + ":" + dialPort
        + (webSocket ? WEBSOCKET_PATH : "");
    PahoTransport.Settings settings = new PahoTransport.Settings(serverUri, clientId, username,
        socketFactory != null ? socketFactory : TlsTrust.systemDefault(), (int) keepAlive.getSeconds(),
        (int) connectTimeout.getSeconds(), offlineQueueCapacity + 1, proxy);
    SessionOptions options = new SessionOptions(clientId.replace('/', '-'), tokens, retryPolicy, operationTimeout,
        offlineQueueCapacity, callbackQueueCapacity, desiredListener, stateListener, Clock.systemUTC());
    return new DeviceClient(new TwinSession(options, () -> new PahoTransport(settings)), operationTimeout);
  }

  private static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, but was " + value);
    }
    return value;
  }

  private static Duration atLeastOneSecond(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.getSeconds() < 1 || value.getSeconds() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be at least 1 second, but was " + value);
    }
    return value;
  }
}
