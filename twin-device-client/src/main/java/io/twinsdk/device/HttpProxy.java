package io.twinsdk.device;

import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP proxy is where the device client tunnels its MQTT over WebSocket connection with {@code HTTP CONNECT},
 * optionally with basic credentials; an immutable value.
 */
public final class HttpProxy {

  private final String host;
  private final int port;
  private final String username;
  private final String password;

  private HttpProxy(String host, int port, String username, String password) {
    if (Objects.requireNonNull(host, "host").isEmpty()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, but was " + port);
    }
    this.host = host;
    this.port = port;
    this.username = username;
    this.password = password;
  }

  /** Returns a proxy that needs no credentials. */
  public static HttpProxy of(String host, int port) {
    return new HttpProxy(host, port, null, null);
  }

  /** Returns a proxy that is sent {@code Proxy-Authorization: Basic …} with these credentials. */
  public static HttpProxy withBasicCredentials(String host, int port, String username, String password) {
    if (Objects.requireNonNull(username, "username").contains(":")) {
      throw new IllegalArgumentException("A basic-auth user name cannot contain ':'");
    }
    return new HttpProxy(host, port, username, Objects.requireNonNull(password, "password"));
  }

  /** Returns the proxy's host name or address. */
  public String host() {
    return host;
  }

  /** Returns the proxy's port. */
  public int port() {
    return port;
  }

  /** Returns the basic-auth user name, if credentials were given. */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** Returns the basic-auth password, if credentials were given. */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /** Describes the proxy without its password. */
  @Override
  public String toString() {
    return "HttpProxy[" + host + ":" + port + (username == null ? "" : ", user " + username) + "]";
  }
}
