package io.twinsdk.core.auth;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Name=value;Name=value} syntax shared by device and service connection strings, and the checks on the
 * parts both kinds have.
 */
final class ConnectionStringParts {

  static final String HOST_NAME = "HostName";
  static final String DEVICE_ID = "DeviceId";
  static final String MODULE_ID = "ModuleId";
  static final String SHARED_ACCESS_KEY_NAME = "SharedAccessKeyName";
  static final String SHARED_ACCESS_KEY = "SharedAccessKey";
  static final String SHARED_ACCESS_SIGNATURE = "SharedAccessSignature";
  static final String GATEWAY_HOST_NAME = "GatewayHostName";
  static final String X509 = "x509";

  private static final List<String> ALL_NAMES = Arrays.asList(
      HOST_NAME, DEVICE_ID, MODULE_ID, SHARED_ACCESS_KEY_NAME, SHARED_ACCESS_KEY, SHARED_ACCESS_SIGNATURE,
      GATEWAY_HOST_NAME, X509);

  /** Stands in for a secret in {@code toString()}. */
  static final String MASK = "****";

  private final String kind;

  /** Creates the parser for one kind of connection string, "device" or "service", which error messages name. */
  ConnectionStringParts(String kind) {
    this.kind = kind;
  }

  /**
   * Splits {@code text} on {@code ;} and each part on its first {@code =}, matching names without case.
   *
   * <p>Unknown names are reported by position, not quoted: a key pasted without its name would otherwise be quoted.
   *
   * @return the values by their canonical names, in the order written; empty parts are skipped
   */
  Map<String, String> split(String text, List<String> allowed) {
    Map<String, String> values = new LinkedHashMap<>();
    String[] parts = text.split(";", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty()) {
        continue;
      }
      int equals = part.indexOf('=');
      if (equals < 0) {
        throw error("part " + (i + 1) + " is not Name=value");
      }
      String name = canonical(part.substring(0, equals));
      if (name == null) {
        throw error("part " + (i + 1) + " has an unknown name; expected one of " + String.join(", ", allowed));
      }
      if (!allowed.contains(name)) {
        throw error(name + " does not belong in a " + kind + " connection string");
      }
      if (values.put(name, part.substring(equals + 1)) != null) {
        throw error(name + " appears twice");
      }
    }
    return values;
  }

  HostAndPort hostName(String hostName) {
    return host(hostName, HOST_NAME);
  }

  HostAndPort host(String value, String name) {
    requireNonEmpty(value, name);
    try {
      return HostAndPort.parse(value);
    } catch (IllegalArgumentException e) {
      throw error(name + " " + e.getMessage());
    }
  }

  void requireNonEmpty(String value, String name) {
    if (value == null) {
      throw error(name + " is missing");
    }
    checkNotEmpty(value, name);
  }

  void checkNotEmpty(String value, String name) {
    if (value != null && value.isEmpty()) {
      throw error(name + " is empty");
    }
  }

  void checkKey(String base64Key) {
    try {
      HmacSha256.decodeKey(base64Key, SHARED_ACCESS_KEY);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  SasToken parseSignature(String value) {
    checkNotEmpty(value, SHARED_ACCESS_SIGNATURE);
    try {
      return SasToken.parse(value);
    } catch (SasTokenException e) {
      // SasToken's messages never quote the signature.
      throw error(SHARED_ACCESS_SIGNATURE + " is not a valid SAS token (" + e.getMessage() + ")");
    }
  }

  ConnectionStringException error(String message) {
    return new ConnectionStringException("Invalid " + kind + " connection string: " + message);
  }

  static void append(StringBuilder out, String name, Object value) {
    if (value != null) {
      if (out.length() > 0) {
        out.append(';');
      }
      out.append(name).append('=').append(value);
    }
  }

  private static String canonical(String name) {
    for (String known : ALL_NAMES) {
      if (known.equalsIgnoreCase(name)) {
        return known;
      }
    }
    return null;
  }
}
