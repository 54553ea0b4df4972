package io.twinsdk.device.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A TLS socket factory whose sockets reach their host through an HTTP proxy's {@code CONNECT} tunnel.
 *
 * <p>Paho asks for an unconnected socket and then connects it to the hub, so the tunnel is opened inside
 * {@link TunnelSocket#connect(SocketAddress, int)}: a plain socket to the proxy, {@code CONNECT host:port}, and TLS
 * layered over it once the proxy answers 2xx. Any other answer fails the connect with a {@link ProxyTunnelException}.
 */
final class ProxyTunnelSocketFactory extends SSLSocketFactory {

  private static final int MAX_RESPONSE_HEAD_BYTES = 8 * 1024;

  private final SSLSocketFactory tls;
  private final String proxyHost;
  private final int proxyPort;
  private final String authorization;

  /**
   * Creates a factory tunnelling through {@code proxyHost:proxyPort}, sending basic credentials when
   * {@code username} is not null.
   */
  ProxyTunnelSocketFactory(SSLSocketFactory tls, String proxyHost, int proxyPort, String username,
      String password) {
    this.tls = tls;
    this.proxyHost = proxyHost;
    this.proxyPort = proxyPort;
    this.authorization = username == null ? null : "Basic " + Base64.getEncoder().encodeToString(
        (username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Socket createSocket() {
    return new TunnelSocket(this);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(InetSocketAddress.createUnresolved(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return createSocket(host.getHostName(), port);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    throw new IOException("Binding a local address is not supported through an HTTP proxy");
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    throw new IOException("Binding a local address is not supported through an HTTP proxy");
  }

  @Override
  public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
    return tls.createSocket(socket, host, port, autoClose);
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return tls.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return tls.getSupportedCipherSuites();
  }

  /** Opens a tunnel to {@code host:port} over {@code proxy} and returns TLS layered over it. */
  SSLSocket tunnel(Socket proxy, String host, int port, int timeoutMillis) throws IOException {
    proxy.setTcpNoDelay(true);
    proxy.connect(new InetSocketAddress(proxyHost, proxyPort), timeoutMillis);
    proxy.setSoTimeout(timeoutMillis);
    String target = host + ":" + port;
    StringBuilder request = new StringBuilder()
        .append("CONNECT ").append(target).append(" HTTP/1.1\r\n")
        .append("Host: ").append(target).append("\r\n");
    if (authorization != null) {
      request.append("Proxy-Authorization: ").append(authorization).append("\r\n");
    }
    OutputStream out = proxy.getOutputStream();
    out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    String statusLine = readStatusLine(proxy.getInputStream());
    int status = statusOf(statusLine);
    if (status < 200 || status > 299) {
      throw new ProxyTunnelException(status, statusLine);
    }
    proxy.setSoTimeout(0);
    return (SSLSocket) tls.createSocket(proxy, host, port, true);
  }

  /** Reads the response head byte by byte (so no tunnelled byte is consumed) and returns its first line. */
  private static String readStatusLine(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("The HTTP proxy closed the connection before answering CONNECT");
      }
      if (head.size() >= MAX_RESPONSE_HEAD_BYTES) {
        throw new IOException("The HTTP proxy's answer to CONNECT is longer than " + MAX_RESPONSE_HEAD_BYTES
            + " bytes");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    return text.substring(0, text.indexOf("\r\n"));
  }

  private static int statusOf(String statusLine) throws IOException {
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("The HTTP proxy answered CONNECT with '" + statusLine + "'");
    }
    try {
      return Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("The HTTP proxy answered CONNECT with '" + statusLine + "'", e);
    }
  }
}
