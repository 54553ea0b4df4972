package io.twinsdk.hub;

import io.twinsdk.hub.auth.AccessPolicies;
import io.twinsdk.hub.auth.AccessPolicy;
import io.twinsdk.hub.auth.BearerAuthenticator;
import io.twinsdk.hub.auth.BearerTokens;
import io.twinsdk.hub.auth.TokenEndpoint;
import io.twinsdk.hub.bus.ChangeBus;
import io.twinsdk.hub.digitaltwins.DigitalTwinsApi;
import io.twinsdk.hub.digitaltwins.http.DigitalTwinsContext;
import io.twinsdk.hub.digitaltwins.jobs.ApiBulkOperations;
import io.twinsdk.hub.digitaltwins.jobs.BulkJobRoutes;
import io.twinsdk.hub.digitaltwins.jobs.BulkJobs;
import io.twinsdk.hub.digitaltwins.query.QueryRoute;
import io.twinsdk.hub.http.HttpGateway;
import io.twinsdk.hub.http.Realm;
import io.twinsdk.hub.http.Router;
import io.twinsdk.hub.iothub.IotHub;
import io.twinsdk.hub.iothub.mqtt.MqttWebSocketBridge;
import io.twinsdk.hub.store.HubStore;
import io.twinsdk.hub.store.sqlite.SqliteHubStore;
import io.twinsdk.hub.tls.HubCertificate;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local hub that speaks the wire protocols of Azure IoT Hub (MQTT device twins, service REST API) and Azure Digital
 * Twins (data-plane REST API), backed by a durable store in its data directory.
 *
 * <p>Start one with {@link #start(HubOptions)}; it listens when the call returns, and {@link #close()} releases every
 * thread, socket and file it opened. Tests use {@code HubOptions.builder().freePorts().dataDirectory(tmp)}.
 */
public final class TwinHub implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TwinHub.class);
  private static final long START_TIMEOUT_SECONDS = 30;
  /** Room for MQTT packet headers around the largest payload, so the MQTT listener, not WebSocket, enforces size. */
  private static final int WEBSOCKET_FRAME_OVERHEAD = 1024;
  private static final String DIGITAL_TWINS_SCOPE = "https://digitaltwins.azure.net";

  private final HubOptions options;
  private final HubCertificate certificate;
  private final AccessPolicies policies;
  private final HubStore store;
  private final ChangeBus bus;
  private final Vertx vertx;
  private final HttpGateway http;
  private final int httpsPort;
  private final IotHub iotHub;
  private final int mqttPort;
  private final BulkJobs jobs;
  private final AtomicBoolean closed = new AtomicBoolean();

  private TwinHub(HubOptions options, HubCertificate certificate, AccessPolicies policies, HubStore store,
      ChangeBus bus, Vertx vertx, HttpGateway http, int httpsPort, IotHub iotHub, int mqttPort, BulkJobs jobs) {
    this.options = options;
    this.certificate = certificate;
    this.policies = policies;
    this.store = store;
    this.bus = bus;
    this.vertx = vertx;
    this.http = http;
    this.httpsPort = httpsPort;
    this.iotHub = iotHub;
    this.mqttPort = mqttPort;
    this.jobs = jobs;
  }

  /**
   * Starts a hub and waits until it listens.
   *
   * @throws UncheckedIOException when the data directory, certificate or ports cannot be used
   */
  public static TwinHub start(HubOptions options) {
    configureLogging();
    Path data = options.dataDirectory().toAbsolutePath();
    HubStore store = null;
    Vertx vertx = null;
    try {
      Files.createDirectories(data);
      Files.createDirectories(options.importDirectory());
      HubCertificate certificate = options.tlsCertificate().isPresent()
          ? HubCertificate.load(options.tlsCertificate().get(), options.tlsKey().orElseThrow())
          : HubCertificate.loadOrGenerate(data, options.hostName());
      ChangeBus bus = new ChangeBus();
      store = SqliteHubStore.open(data, bus, 4);
      AccessPolicies policies = store.write(tx -> AccessPolicies.loadOrCreate(tx.settings(), options.ownerKey()))
          .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      BearerTokens tokens = new BearerTokens(policies, "twin-hub", options.accessTokenLifetime(), Clock.systemUTC());

      int eventLoops = Math.max(2, Runtime.getRuntime().availableProcessors());
      vertx = Vertx.vertx(new VertxOptions()
          .setEventLoopPoolSize(eventLoops)
          .setWorkerPoolSize(4)
          .setInternalBlockingPoolSize(4));
      Router router = new Router()
          .add("POST", "/{tenant}/oauth2/v2.0/token", Realm.TOKEN, new TokenEndpoint(policies, tokens));
      IotHub iotHub = new IotHub(vertx, store, bus, policies, options, Clock.systemUTC());
      iotHub.addRoutes(router);
      DigitalTwinsApi digitalTwins = DigitalTwinsApi.start(store, bus, Clock.systemUTC());
      digitalTwins.register(router);
      router.add("POST", "/query", Realm.DIGITAL_TWINS, new QueryRoute(store));
      // The job thread starts with the first job, so a hub that fails to start below leaves no thread behind.
      BulkJobs jobs = new BulkJobs(store, new ApiBulkOperations(new DigitalTwinsContext(store, Clock.systemUTC()),
          digitalTwins.models()), options.importDirectory(), Clock.systemUTC());
      new BulkJobRoutes(jobs).register(router);
      HttpGateway http = new HttpGateway(vertx, router,
          Map.of(Realm.DIGITAL_TWINS, new BearerAuthenticator(tokens), Realm.IOT_HUB, iotHub.authenticator()));
      // MQTT over WebSocket shares the HTTPS port, as IoT Hub serves both on 443.
      http.webSockets(await(iotHub.listenMqttWebSocket(eventLoops).toCompletionStage().toCompletableFuture()),
          MqttWebSocketBridge.SUBPROTOCOL, options.maxMqttMessageBytes() + WEBSOCKET_FRAME_OVERHEAD);
      int httpsPort = await(http.listen(options.bindAddress(), options.httpsPort(),
          certificate.certificatePath().toString(), certificate.keyPath().toString())
          .toCompletionStage().toCompletableFuture());
      int mqttPort = await(iotHub.listenMqtt(certificate, eventLoops).toCompletionStage().toCompletableFuture());
      TwinHub hub = new TwinHub(options, certificate, policies, store, bus, vertx, http, httpsPort, iotHub, mqttPort,
          jobs);
      LOG.info("twin-hub listening on https port {} and mqtt port {}, data in {}", httpsPort, mqttPort, data);
      return hub;
    } catch (IOException e) {
      cleanUp(store, vertx);
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      cleanUp(store, vertx);
      throw e;
    } catch (ExecutionException | TimeoutException e) {
      cleanUp(store, vertx);
      throw new UncheckedIOException(new IOException("twin-hub could not start: " + e.getCause(), e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cleanUp(store, vertx);
      throw new IllegalStateException("Interrupted while starting twin-hub", e);
    }
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> future)
      throws ExecutionException, InterruptedException, TimeoutException {
    return future.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private static void configureLogging() {
    // Vert.x logs through JUL unless told otherwise; route it to SLF4J like the rest of the hub.
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
  }

  private static void cleanUp(HubStore store, Vertx vertx) {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null)
          .join();
    }
    if (store != null) {
      store.close();
    }
  }

  /** The options the hub was started with. */
  public HubOptions options() {
    return options;
  }

  /** The host name in connection strings, SAS scopes and the certificate. */
  public String hostName() {
    return options.hostName();
  }

  /** The bound HTTPS port. */
  public int httpsPort() {
    return httpsPort;
  }

  /** The bound MQTT/TLS port devices connect to. */
  public int mqttPort() {
    return mqttPort;
  }

  /**
   * Registers device {@code deviceId} unless it exists (idempotent) and returns its connection string,
   * {@code HostName=<host>[:<mqttPort> when not 8883];DeviceId=<id>;SharedAccessKey=<primary key>}.
   *
   * @throws io.twinsdk.hub.http.ApiError when the id is not a valid IoT Hub device id
   * @throws IllegalStateException when the store does not answer within 30 seconds
   */
  public String registerDevice(String deviceId) {
    try {
      return IotHub.connectionString(options.hostName(), mqttPort,
          iotHub.registry().register(deviceId).get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("Could not register " + deviceId, e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("The store did not register " + deviceId + " in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while registering " + deviceId, e);
    }
  }

  /** The absolute path of the PEM certificate clients must trust. */
  public Path certificatePath() {
    return certificate.certificatePath();
  }

  /** The hub's TLS certificate. */
  public X509Certificate certificate() {
    return certificate.certificate();
  }

  /** {@code HostName=<host>[:<port>]} as it appears in this hub's connection strings. */
  public String hostNameWithPort() {
    return httpsPort == 443 ? options.hostName() : options.hostName() + ":" + httpsPort;
  }

  /** The {@code iothubowner} service connection string. */
  public String iotHubConnectionString() {
    AccessPolicy owner = policies.owner();
    return "HostName=" + hostNameWithPort() + ";SharedAccessKeyName=" + owner.name() + ";SharedAccessKey="
        + owner.primaryKey();
  }

  /** The Digital Twins endpoint, {@code https://<host>[:<port>]}. */
  public String digitalTwinsEndpoint() {
    return "https://" + hostNameWithPort();
  }

  /**
   * The OAuth2 authority that issues bearer tokens for {@link #digitalTwinsEndpoint()}; append
   * {@code /{tenant}/oauth2/v2.0/token} (any tenant) for the token URL.
   */
  public String authorityHost() {
    return digitalTwinsEndpoint();
  }

  /** The scope to request tokens for, as for Azure Digital Twins. */
  public static String digitalTwinsScope() {
    return DIGITAL_TWINS_SCOPE + "/.default";
  }

  /**
   * The change bus: every committed twin and relationship change, and all telemetry, in commit order. Listeners run on
   * the hub's store threads and must not block.
   */
  public ChangeBus changes() {
    return bus;
  }

  /** The hub's access policies (for the owner key: {@code policies().owner()}). */
  public AccessPolicies policies() {
    return policies;
  }

  /** Stops both servers and the store, releasing every thread, socket and file. Idempotent. */
  @Override
  public void close() {
    // compareAndSet, not check-then-set: a shutdown hook and a test's @AfterAll may close at the same time.
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    iotHub.close();
    try {
      http.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("HTTPS server did not close cleanly", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    jobs.close();
    cleanUp(store, vertx);
  }
}
