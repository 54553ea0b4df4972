package io.twinsdk.device;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP CONNECT proxy the test controls: it records every CONNECT target, answers 407 when it wants basic
 * credentials that were not sent, tunnels to the target port on loopback otherwise, and {@link #cut()} drops every
 * open tunnel.
 */
final class ConnectProxy implements AutoCloseable {

  private final ServerSocket server;
  private final String expectedAuthorization;
  private final List<String> targets = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

  /** Starts a proxy; {@code expectedAuthorization} is the Proxy-Authorization value it demands, or null. */
  ConnectProxy(String expectedAuthorization) throws IOException {
    this.expectedAuthorization = expectedAuthorization;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "connect-proxy-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** The {@code host:port} of every CONNECT received, in order. */
  List<String> targets() {
    return List.copyOf(targets);
  }

  /** The Proxy-Authorization header of every CONNECT received ("" when absent), in order. */
  List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  /** Drops every open tunnel; new ones are accepted. */
  void cut() {
    sockets.forEach(TcpProxy::closeQuietly);
    sockets.clear();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread handshake = new Thread(() -> tunnel(client), "connect-proxy-handshake");
        handshake.setDaemon(true);
        handshake.start();
      } catch (IOException e) {
        // The server socket was closed: the proxy is stopping.
      }
    }
  }

  private void tunnel(Socket client) {
    try {
      String head = readHead(client.getInputStream());
      String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
      String authorization = header(head, "Proxy-Authorization");
      targets.add(requestLine[1]);
      authorizations.add(authorization);
      OutputStream out = client.getOutputStream();
      if (!"CONNECT".equals(requestLine[0])) {
        answer(out, "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n");
        client.close();
      } else if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
        answer(out, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
            + "Content-Length: 0\r\n\r\n");
        client.close();
      } else {
        int port = Integer.parseInt(requestLine[1].substring(requestLine[1].lastIndexOf(':') + 1));
        Socket upstream = new Socket();
        upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        answer(out, "HTTP/1.1 200 Connection established\r\n\r\n");
        sockets.add(client);
        sockets.add(upstream);
        TcpProxy.pump(client, upstream, sockets);
        TcpProxy.pump(upstream, client, sockets);
      }
    } catch (IOException | RuntimeException e) {
      TcpProxy.closeQuietly(client);
    }
  }

  private static void answer(OutputStream out, String response) throws IOException {
    out.write(response.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("The client closed before the end of its request head");
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return "";
  }

  @Override
  public void close() throws IOException {
    server.close();
    cut();
  }
}
