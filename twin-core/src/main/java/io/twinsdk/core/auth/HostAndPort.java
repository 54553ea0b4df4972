package io.twinsdk.core.auth;

import java.util.OptionalInt;

/** A host name with an optional port, as written in a connection string's {@code HostName}. */
final class HostAndPort {

  private static final int NO_PORT = -1;

  private final String host;
  private final int port;

  private HostAndPort(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /**
   * Splits {@code host}, {@code host:port} or {@code [ipv6]:port}.
   *
   * @throws IllegalArgumentException with a message that completes "HostName ..." (for example "has an invalid port")
   */
  static HostAndPort parse(String text) {
    int portColon = portColon(text);
    String host = portColon < 0 ? text : text.substring(0, portColon);
    if (host.isEmpty() || host.equals("[]")) {
      throw new IllegalArgumentException("has no host");
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '/' || Character.isWhitespace(c)) {
        throw new IllegalArgumentException("contains '" + (c == '/' ? "/" : "whitespace") + "'");
      }
    }
    if (host.startsWith("[") != host.endsWith("]") || !host.startsWith("[") && host.indexOf(':') >= 0) {
      throw new IllegalArgumentException("must put an IPv6 address in brackets");
    }
    return new HostAndPort(host, portColon < 0 ? NO_PORT : parsePort(text.substring(portColon + 1)));
  }

  /** Returns {@code text} without a trailing {@code :port}, leniently: anything unusual is returned as it is. */
  static String withoutPort(String text) {
    int portColon = portColon(text);
    return portColon < 0 ? text : text.substring(0, portColon);
  }

  String host() {
    return host;
  }

  OptionalInt port() {
    return port == NO_PORT ? OptionalInt.empty() : OptionalInt.of(port);
  }

  /** Returns the index of the colon before the port, or -1; an unbracketed IPv6 address has no port. */
  private static int portColon(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      return -1;
    }
    if (text.startsWith("[")) {
      return colon == text.indexOf("]:") + 1 ? colon : -1;
    }
    return text.indexOf(':') == colon ? colon : -1;
  }

  private static int parsePort(String digits) {
    if (digits.isEmpty() || digits.length() > 5) {
      throw new IllegalArgumentException("has an invalid port");
    }
    int port = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("has an invalid port");
      }
      port = port * 10 + (c - '0');
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("has an invalid port");
    }
    return port;
  }
}
