package io.twinsdk.device.internal;

import java.io.IOException;

/** A proxy tunnel exception says the HTTP proxy answered {@code CONNECT} with a status other than 2xx. */
public final class ProxyTunnelException extends IOException {

  private static final long serialVersionUID = 1L;

  /** The status of {@code 407 Proxy Authentication Required}. */
  public static final int PROXY_AUTHENTICATION_REQUIRED = 407;

  private final int status;

  /** Creates the exception for the proxy's status line. */
  public ProxyTunnelException(int status, String statusLine) {
    super("The HTTP proxy refused the tunnel: " + statusLine);
    this.status = status;
  }

  /** Returns the proxy's HTTP status. */
  public int status() {
    return status;
  }
}
