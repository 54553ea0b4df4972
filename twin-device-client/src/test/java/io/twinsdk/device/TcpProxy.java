package io.twinsdk.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * A TCP proxy the test controls: it forwards to the hub while up; {@link #cut()} drops every connection and refuses
 * new ones (accepts and closes them at once) until {@link #heal()}.
 */
final class TcpProxy implements AutoCloseable {

  private final ServerSocket server;
  private final int targetPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean up = true;
  /** One permit per connection refused while cut, so that a test can wait for reconnect attempts instead of sleeping. */
  final Semaphore refused = new Semaphore(0);

  TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + server.getLocalPort());
    this.acceptor.setDaemon(true);
    this.acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Drops every proxied connection and refuses new ones. */
  void cut() {
    up = false;
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
    sockets.clear();
  }

  /** Forwards new connections again. */
  void heal() {
    up = true;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (!up) {
          closeQuietly(client);
          refused.release();
          continue;
        }
        Socket upstream = new Socket();
        upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream, sockets);
        pump(upstream, client, sockets);
      } catch (IOException e) {
        // Server closed, or the hub refused: the client sees a dropped connection, as it would.
      }
    }
  }

  /** Copies {@code from} to {@code to} on a new thread until either closes, then closes both and forgets them. */
  static void pump(Socket from, Socket to, Set<Socket> sockets) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // One side closed; close both below.
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        sockets.remove(from);
        sockets.remove(to);
      }
    }, "tcp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    cut();
    server.close();
  }
}
