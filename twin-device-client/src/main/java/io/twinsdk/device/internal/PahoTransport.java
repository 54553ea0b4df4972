package io.twinsdk.device.internal;

import io.twinsdk.device.HttpProxy;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Paho transport is one MQTT 3.1.1 connection over TLS or secure WebSocket, made with Eclipse Paho's asynchronous
 * client.
 *
 * <p>Paho's automatic reconnect is off: the session owns reconnection. Every Paho thread (receiver, sender, callback,
 * connect, ping) runs on a small pool this transport owns, so {@link #close()} can end them all, also while a connect
 * is still in progress. Clean sessions are used on purpose: the session re-subscribes and re-reads the twin after every
 * connect, so no state on the hub has to survive, and stale subscriptions cannot linger.
 */
public final class PahoTransport implements Transport {

  private static final Logger LOG = LoggerFactory.getLogger(PahoTransport.class);
  private static final int QOS = 1;
  private static final int SUBACK_FAILURE = 0x80;
  private static final int PAHO_THREADS = 6;
  private static final long DISCONNECT_MILLIS = 200;
  private static final long TERMINATION_MILLIS = 500;
  private static final long IDLE_THREAD_SECONDS = 1;
  private static final AtomicInteger CONNECTIONS = new AtomicInteger();

  private final Settings settings;
  private final ScheduledThreadPoolExecutor executor;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile MqttAsyncClient client;

  /** Creates an unconnected transport. */
  public PahoTransport(Settings settings) {
    this.settings = settings;
    String threadName = "twin-device-" + settings.clientId + "-mqtt-" + CONNECTIONS.incrementAndGet();
    this.executor = new ScheduledThreadPoolExecutor(PAHO_THREADS, runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    this.executor.setRemoveOnCancelPolicy(true);
    // Threads that finished their work (connect, a ping) end instead of idling with their I/O buffer caches.
    this.executor.setKeepAliveTime(IDLE_THREAD_SECONDS, TimeUnit.SECONDS);
    this.executor.allowCoreThreadTimeOut(true);
  }

  @Override
  public CompletableFuture<Void> connect(String password, String[] topics, Listener listener) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    try {
      MqttAsyncClient mqtt = new MqttAsyncClient(settings.serverUri, settings.clientId, new MemoryPersistence(),
          new ScheduledExecutorPingSender(executor), executor);
      client = mqtt;
      mqtt.setCallback(new MqttCallback() {
        @Override
        public void connectionLost(Throwable cause) {
          if (!closed.get()) {
            listener.connectionLost(classify("Connection lost", cause));
          }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
          listener.messageArrived(topic, message.getPayload());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
          // Twin answers arrive as messages; the PUBACK itself carries no news.
        }
      });
      mqtt.connect(connectOptions(password), null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          subscribe(mqtt, topics, result);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
          result.completeExceptionally(classify("Connect failed", failure));
        }
      });
    } catch (MqttException | RuntimeException e) {
      result.completeExceptionally(classify("Connect failed", e));
    }
    return result;
  }

  private void subscribe(MqttAsyncClient mqtt, String[] topics, CompletableFuture<Void> result) {
    int[] qos = new int[topics.length];
    Arrays.fill(qos, QOS);
    try {
      mqtt.subscribe(topics, qos, null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          for (int granted : token.getGrantedQos()) {
            if (granted == SUBACK_FAILURE) {
              result.completeExceptionally(new TransportException(
                  TransportException.Kind.SERVER, "The hub refused a twin subscription", null));
              return;
            }
          }
          result.complete(null);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
          result.completeExceptionally(classify("Subscribe failed", failure));
        }
      });
    } catch (MqttException e) {
      result.completeExceptionally(classify("Subscribe failed", e));
    }
  }

  private MqttConnectOptions connectOptions(String password) {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setCleanSession(true);
    options.setAutomaticReconnect(false);
    options.setUserName(settings.username);
    options.setPassword(password.toCharArray());
    options.setKeepAliveInterval(settings.keepAliveSeconds);
    options.setConnectionTimeout(settings.connectTimeoutSeconds);
    options.setMaxInflight(settings.maxInflight);
    options.setSocketFactory(settings.proxy == null ? new NoDelaySocketFactory(settings.socketFactory)
        : new ProxyTunnelSocketFactory(settings.socketFactory, settings.proxy.host(), settings.proxy.port(),
            settings.proxy.username().orElse(null), settings.proxy.password().orElse(null)));
    options.setHttpsHostnameVerificationEnabled(true);
    return options;
  }

  @Override
  public void publish(String topic, byte[] payload) {
    MqttAsyncClient mqtt = client;
    if (mqtt == null || closed.get()) {
      throw new TransportException(TransportException.Kind.NETWORK, "Not connected", null);
    }
    try {
      mqtt.publish(topic, payload, QOS, false);
    } catch (MqttException e) {
      throw classify("Publish failed", e);
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    MqttAsyncClient mqtt = client;
    if (mqtt != null) {
      try {
        mqtt.disconnectForcibly(0, DISCONNECT_MILLIS, mqtt.isConnected());
      } catch (MqttException | RuntimeException e) {
        LOG.debug("Paho disconnect: {}", e.toString());
      }
      try {
        mqtt.close(true);
      } catch (MqttException | RuntimeException e) {
        LOG.debug("Paho close: {}", e.toString());
      }
    }
    // shutdown, not shutdownNow: Paho's connect thread waits, sleeping in a loop, for the sender and callback tasks
    // it submitted to start; dropping them from the queue would leave it spinning for ever.
    executor.shutdown();
    // Known Paho 1.2.5 race: if a connection dies within ~100 ms of its TLS handshake, Paho's connect thread can miss
    // its sender's short life and poll for it for ever, ignoring interrupts. Rare; the second wait logs it.
    ExecutorShutdown.await(executor, TERMINATION_MILLIS, "Paho connection " + settings.clientId);
  }

  private static TransportException classify(String what, Throwable failure) {
    if (failure instanceof TransportException) {
      return (TransportException) failure;
    }
    TransportException.Kind kind = TransportException.Kind.NETWORK;
    ProxyTunnelException proxyRefusal = proxyRefusal(failure);
    if (proxyRefusal != null && proxyRefusal.status() == ProxyTunnelException.PROXY_AUTHENTICATION_REQUIRED) {
      // Wrong or missing proxy credentials do not heal by retrying, like refused device credentials.
      return new TransportException(TransportException.Kind.UNAUTHORIZED, what + ": " + proxyRefusal.getMessage(),
          proxyRefusal);
    }
    if (failure instanceof MqttException) {
      switch (((MqttException) failure).getReasonCode()) {
        case MqttException.REASON_CODE_FAILED_AUTHENTICATION:
        case MqttException.REASON_CODE_NOT_AUTHORIZED:
          kind = TransportException.Kind.UNAUTHORIZED;
          break;
        case MqttException.REASON_CODE_BROKER_UNAVAILABLE:
        case MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION:
        case MqttException.REASON_CODE_INVALID_CLIENT_ID:
          kind = TransportException.Kind.SERVER;
          break;
        case MqttException.REASON_CODE_MAX_INFLIGHT:
          kind = TransportException.Kind.REJECTED;
          break;
        default:
          break;
      }
    }
    String detail = failure == null ? "unknown cause"
        : failure.getMessage() + (failure.getCause() != null ? " (" + failure.getCause() + ")" : "");
    return new TransportException(kind, what + ": " + detail, failure);
  }

  private static ProxyTunnelException proxyRefusal(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProxyTunnelException) {
        return (ProxyTunnelException) cause;
      }
    }
    return null;
  }

  /** Where and how to connect; immutable. */
  public static final class Settings {

    final String serverUri;
    final String clientId;
    final String username;
    final SSLSocketFactory socketFactory;
    final int keepAliveSeconds;
    final int connectTimeoutSeconds;
    final int maxInflight;
    final HttpProxy proxy;

    /**
     * Creates settings; {@code serverUri} is {@code ssl://host:port} or {@code wss://host:port/path}, and
     * {@code proxy}, when not null, the HTTP proxy to tunnel through.
     */
    public Settings(String serverUri, String clientId, String username, SSLSocketFactory socketFactory,
        int keepAliveSeconds, int connectTimeoutSeconds, int maxInflight, HttpProxy proxy) {
      this.serverUri = serverUri;
      this.clientId = clientId;
      this.username = username;
      this.socketFactory = socketFactory;
      this.keepAliveSeconds = keepAliveSeconds;
      this.connectTimeoutSeconds = connectTimeoutSeconds;
      this.maxInflight = maxInflight;
      this.proxy = proxy;
    }
  }
}
