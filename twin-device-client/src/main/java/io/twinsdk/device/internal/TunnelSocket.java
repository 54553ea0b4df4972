package io.twinsdk.device.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A tunnel socket is the TLS socket {@link ProxyTunnelSocketFactory} hands to Paho: unconnected until
 * {@link #connect(SocketAddress, int)} opens the proxy tunnel, then a thin delegate of the TLS socket layered over it.
 *
 * <p>Paho configures the socket (timeouts, TLS parameters) only after connecting it; the TLS methods fail with
 * {@link IllegalStateException} before that. {@link #close()} also closes a tunnel still being opened, so that closing
 * the client interrupts a slow proxy.
 */
final class TunnelSocket extends SSLSocket {

  private final ProxyTunnelSocketFactory factory;
  private final Socket proxy = new Socket();
  private volatile SSLSocket tls;

  TunnelSocket(ProxyTunnelSocketFactory factory) {
    this.factory = factory;
  }

  @Override
  public void connect(SocketAddress endpoint) throws IOException {
    connect(endpoint, 0);
  }

  @Override
  public void connect(SocketAddress endpoint, int timeoutMillis) throws IOException {
    if (!(endpoint instanceof InetSocketAddress)) {
      throw new SocketException("Unsupported address type " + endpoint);
    }
    InetSocketAddress target = (InetSocketAddress) endpoint;
    try {
      tls = factory.tunnel(proxy, target.getHostString(), target.getPort(), timeoutMillis);
    } catch (IOException | RuntimeException e) {
      proxy.close();
      throw e;
    }
  }

  private SSLSocket tls() {
    SSLSocket socket = tls;
    if (socket == null) {
      throw new IllegalStateException("The proxy tunnel is not open yet");
    }
    return socket;
  }

  @Override
  public InputStream getInputStream() throws IOException {
    return tls().getInputStream();
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    return tls().getOutputStream();
  }

  @Override
  public void setSoTimeout(int timeout) throws SocketException {
    if (tls == null) {
      proxy.setSoTimeout(timeout);
    } else {
      tls.setSoTimeout(timeout);
    }
  }

  @Override
  public int getSoTimeout() throws SocketException {
    return tls == null ? proxy.getSoTimeout() : tls.getSoTimeout();
  }

  @Override
  public void setTcpNoDelay(boolean on) throws SocketException {
    proxy.setTcpNoDelay(on);
  }

  @Override
  public boolean getTcpNoDelay() throws SocketException {
    return proxy.getTcpNoDelay();
  }

  @Override
  public boolean isConnected() {
    return tls != null && tls.isConnected();
  }

  @Override
  public boolean isClosed() {
    return proxy.isClosed();
  }

  @Override
  public InetAddress getInetAddress() {
    return proxy.getInetAddress();
  }

  @Override
  public int getPort() {
    return proxy.getPort();
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    return proxy.getRemoteSocketAddress();
  }

  @Override
  public int getLocalPort() {
    return proxy.getLocalPort();
  }

  @Override
  public void shutdownInput() throws IOException {
    tls().shutdownInput();
  }

  @Override
  public void shutdownOutput() throws IOException {
    tls().shutdownOutput();
  }

  @Override
  public void close() throws IOException {
    SSLSocket socket = tls;
    try {
      if (socket != null) {
        socket.close();
      }
    } finally {
      proxy.close();
      super.close();
    }
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return tls().getSupportedCipherSuites();
  }

  @Override
  public String[] getEnabledCipherSuites() {
    return tls().getEnabledCipherSuites();
  }

  @Override
  public void setEnabledCipherSuites(String[] suites) {
    tls().setEnabledCipherSuites(suites);
  }

  @Override
  public String[] getSupportedProtocols() {
    return tls().getSupportedProtocols();
  }

  @Override
  public String[] getEnabledProtocols() {
    return tls().getEnabledProtocols();
  }

  @Override
  public void setEnabledProtocols(String[] protocols) {
    tls().setEnabledProtocols(protocols);
  }

  @Override
  public SSLSession getSession() {
    return tls().getSession();
  }

  @Override
  public SSLParameters getSSLParameters() {
    return tls().getSSLParameters();
  }

  @Override
  public void setSSLParameters(SSLParameters parameters) {
    tls().setSSLParameters(parameters);
  }

  @Override
  public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
    tls().addHandshakeCompletedListener(listener);
  }

  @Override
  public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
    tls().removeHandshakeCompletedListener(listener);
  }

  @Override
  public void startHandshake() throws IOException {
    tls().startHandshake();
  }

  @Override
  public void setUseClientMode(boolean mode) {
    tls().setUseClientMode(mode);
  }

  @Override
  public boolean getUseClientMode() {
    return tls().getUseClientMode();
  }

  @Override
  public void setNeedClientAuth(boolean need) {
    tls().setNeedClientAuth(need);
  }

  @Override
  public boolean getNeedClientAuth() {
    return tls().getNeedClientAuth();
  }

  @Override
  public void setWantClientAuth(boolean want) {
    tls().setWantClientAuth(want);
  }

  @Override
  public boolean getWantClientAuth() {
    return tls().getWantClientAuth();
  }

  @Override
  public void setEnableSessionCreation(boolean flag) {
    tls().setEnableSessionCreation(flag);
  }

  @Override
  public boolean getEnableSessionCreation() {
    return tls().getEnableSessionCreation();
  }

  @Override
  public String toString() {
    return "TunnelSocket[" + (tls != null ? tls : proxy) + "]";
  }
}
