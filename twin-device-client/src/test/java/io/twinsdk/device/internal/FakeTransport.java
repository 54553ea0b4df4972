package io.twinsdk.device.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A scripted transport for unit tests of the session logic: the test plays the hub. */
final class FakeTransport implements Transport {

  /** The factory hands out transports and lets the test see each one as it is created. */
  static final class Factory implements Transport.Factory {

    /** Transports whose connect was called, so that the test can play the hub's side at once. */
    final BlockingQueue<FakeTransport> created = new LinkedBlockingQueue<>();

    @Override
    public Transport create() {
      return new FakeTransport(created);
    }

    FakeTransport next() throws InterruptedException {
      FakeTransport transport = created.poll(5, TimeUnit.SECONDS);
      if (transport == null) {
        throw new AssertionError("No connection attempt within 5 s");
      }
      return transport;
    }
  }

  /** A message the client published. */
  static final class Published {
    final String topic;
    final String body;

    Published(String topic, byte[] payload) {
      this.topic = topic;
      this.body = new String(payload, StandardCharsets.UTF_8);
    }

    String rid() {
      int start = topic.indexOf("$rid=") + 5;
      int end = topic.indexOf('&', start);
      return end < 0 ? topic.substring(start) : topic.substring(start, end);
    }

    boolean isGet() {
      return topic.startsWith("$iothub/twin/GET/");
    }

    @Override
    public String toString() {
      return topic + " " + body;
    }
  }

  private final BlockingQueue<FakeTransport> connecting;
  final CompletableFuture<Void> connectResult = new CompletableFuture<>();
  final BlockingQueue<Published> published = new LinkedBlockingQueue<>();
  volatile String password;
  volatile String[] topics;
  volatile Listener listener;
  volatile boolean closed;
  /** When set, publish throws it instead of sending, as Paho does for a message it refuses on a working link. */
  volatile TransportException refusePublish;
  /** When set, close blocks until it opens (10 s at most), as Paho's close does for hundreds of milliseconds. */
  volatile CountDownLatch closeGate;

  private FakeTransport(BlockingQueue<FakeTransport> connecting) {
    this.connecting = connecting;
  }

  @Override
  public CompletableFuture<Void> connect(String password, String[] topics, Listener listener) {
    this.password = password;
    this.topics = topics;
    this.listener = listener;
    connecting.add(this);
    return connectResult;
  }

  @Override
  public void publish(String topic, byte[] payload) {
    if (closed) {
      throw new TransportException(TransportException.Kind.NETWORK, "closed", null);
    }
    if (refusePublish != null) {
      throw refusePublish;
    }
    published.add(new Published(topic, payload));
  }

  @Override
  public void close() {
    closed = true;
    CountDownLatch gate = closeGate;
    if (gate != null) {
      try {
        gate.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  void accept() {
    connectResult.complete(null);
  }

  void refuse(TransportException.Kind kind) {
    connectResult.completeExceptionally(new TransportException(kind, "refused: " + kind, null));
  }

  void cut() {
    listener.connectionLost(new TransportException(TransportException.Kind.NETWORK, "cut", null));
  }

  Published nextPublished() throws InterruptedException {
    Published message = published.poll(5, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("Nothing published within 5 s");
    }
    return message;
  }

  /** Answers the catch-up GET the session sends after connecting, with the given desired section. */
  void answerCatchUp(String desiredJson) throws InterruptedException {
    Published get = nextPublished();
    if (!get.isGet()) {
      throw new AssertionError("Expected the catch-up GET first, got " + get);
    }
    respond(200, get.rid(), "{\"desired\":" + desiredJson + ",\"reported\":{\"$version\":1}}");
  }

  void respond(int status, String rid, String body) {
    listener.messageArrived("$iothub/twin/res/" + status + "/?$rid=" + rid, body.getBytes(StandardCharsets.UTF_8));
  }

  void respondReported(String rid, long version) {
    listener.messageArrived("$iothub/twin/res/204/?$rid=" + rid + "&$version=" + version, new byte[0]);
  }

  void desired(long version, String body) {
    listener.messageArrived("$iothub/twin/PATCH/properties/desired/?$version=" + version,
        body.getBytes(StandardCharsets.UTF_8));
  }
}
