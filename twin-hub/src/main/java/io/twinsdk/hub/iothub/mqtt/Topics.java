package io.twinsdk.hub.iothub.mqtt;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The IoT Hub MQTT topic strings (iothub-protocol.md §1.2) and their parsing. */
final class Topics {

  static final String TWIN_RESPONSES = "$iothub/twin/res/#";
  static final String DESIRED = "$iothub/twin/PATCH/properties/desired/#";
  static final String METHODS = "$iothub/methods/POST/#";
  static final String TWIN_GET = "$iothub/twin/GET/";
  static final String REPORTED_PATCH = "$iothub/twin/PATCH/properties/reported/";
  static final String METHOD_RESPONSE = "$iothub/methods/res/";

  private Topics() {}

  /** The topic filters a device may subscribe to; everything else gets SUBACK failure. */
  static boolean allowedFilter(String filter, String deviceId) {
    return filter.equals(TWIN_RESPONSES) || filter.equals(DESIRED) || filter.equals(METHODS)
        || filter.equals(deviceBound(deviceId));
  }

  static String deviceBound(String deviceId) {
    return "devices/" + deviceId + "/messages/devicebound/#";
  }

  static String eventsPrefix(String deviceId) {
    return "devices/" + deviceId + "/messages/events/";
  }

  /** Whether {@code topic} is the device's own telemetry topic, with or without a property bag. */
  static boolean isEvents(String topic, String deviceId) {
    String prefix = eventsPrefix(deviceId);
    return topic.startsWith(prefix) || topic.equals(prefix.substring(0, prefix.length() - 1));
  }

  static String response(int status, String rid, OptionalLong version) {
    return "$iothub/twin/res/" + status + "/?$rid=" + rid
        + (version.isPresent() ? "&$version=" + version.getAsLong() : "");
  }

  static String desired(long version) {
    return "$iothub/twin/PATCH/properties/desired/?$version=" + version;
  }

  /** The request id of a twin request topic, echoed byte for byte; empty when the topic has none. */
  static String rid(String topic) {
    return parameters(topic).getOrDefault("$rid", "");
  }

  /**
   * The {@code $version} of a reported-properties topic, or empty.
   *
   * @throws NumberFormatException when it is present but not a number
   */
  static OptionalLong version(String topic) {
    String version = parameters(topic).get("$version");
    return version == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(version));
  }

  /** The parameters after {@code ?}, split on {@code &} and the first {@code =}, not decoded. */
  static Map<String, String> parameters(String topic) {
    int query = topic.indexOf('?');
    Map<String, String> parameters = new LinkedHashMap<>();
    if (query < 0) {
      return parameters;
    }
    for (String part : topic.substring(query + 1).split("&")) {
      int equals = part.indexOf('=');
      if (equals > 0) {
        parameters.putIfAbsent(part.substring(0, equals), part.substring(equals + 1));
      }
    }
    return parameters;
  }

  /**
   * Decodes a telemetry property bag ({@code k=v&k2=v2}, RFC 2396 encoded; {@code %24.mid} and {@code $.mid} alike).
   * A key without {@code =} has an empty value.
   */
  static Map<String, String> propertyBag(String bag) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String part : bag.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int equals = part.indexOf('=');
      String key = equals < 0 ? part : part.substring(0, equals);
      String value = equals < 0 ? "" : part.substring(equals + 1);
      properties.put(decode(key), decode(value));
    }
    return properties;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  /**
   * The device id in a CONNECT user name, parsed leniently (iothub-protocol.md §1.1): {@code host/device/?api-version=…},
   * {@code host/device/module/?…} (returned as {@code device/module}) or the legacy {@code host/device/DeviceClientType=…}.
   */
  static Optional<String> deviceIdOfUserName(String userName) {
    if (userName == null) {
      return Optional.empty();
    }
    int query = userName.indexOf("/?");
    String path = query >= 0 ? userName.substring(0, query) : userName;
    String[] segments = path.split("/", -1);
    if (segments.length < 2 || segments[1].isEmpty()) {
      return Optional.empty();
    }
    if (query >= 0 && segments.length == 3) {
      return Optional.of(segments[1] + "/" + segments[2]);
    }
    return Optional.of(segments[1]);
  }
}
