package io.twinsdk.device.internal;

import java.util.OptionalLong;

/**
 * The IoT Hub MQTT twin topics: building request topics and reading response and desired-notification topics.
 *
 * <p>Parsing is strict about the parts the client relies on (a three-digit status, a {@code $rid}, a numeric
 * {@code $version}) and lenient about the rest: unknown properties are skipped and their order does not matter.
 */
public final class TwinTopics {

  /** Responses to GET and reported PATCH requests. */
  public static final String RESPONSES = "$iothub/twin/res/#";
  /** Desired-property notifications. */
  public static final String DESIRED = "$iothub/twin/PATCH/properties/desired/#";

  private static final String RESPONSE_PREFIX = "$iothub/twin/res/";
  private static final String DESIRED_PREFIX = "$iothub/twin/PATCH/properties/desired/";
  private static final String GET = "$iothub/twin/GET/?$rid=";
  private static final String REPORTED = "$iothub/twin/PATCH/properties/reported/?$rid=";
  private static final String RID = "$rid";
  private static final String VERSION = "$version";

  private TwinTopics() {}

  /** Returns the topic of a twin GET request. */
  public static String get(String rid) {
    return GET + rid;
  }

  /** Returns the topic of a reported-properties PATCH, with {@code $version} only when {@code expected} has one. */
  public static String reported(String rid, OptionalLong expectedVersion) {
    return REPORTED + rid + (expectedVersion.isPresent() ? "&" + VERSION + "=" + expectedVersion.getAsLong() : "");
  }

  /**
   * Reads a response topic {@code $iothub/twin/res/{status}/?$rid={rid}[&$version={n}]}.
   *
   * @return the status, request id and version, or {@code null} if {@code topic} is not a well-formed response topic
   */
  public static ResponseTopic parseResponse(String topic) {
    if (!topic.startsWith(RESPONSE_PREFIX)) {
      return null;
    }
    int slash = topic.indexOf('/', RESPONSE_PREFIX.length());
    if (slash != RESPONSE_PREFIX.length() + 3 || !topic.startsWith("/?", slash)) {
      return null;
    }
    int status = 0;
    for (int i = RESPONSE_PREFIX.length(); i < slash; i++) {
      char c = topic.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      status = status * 10 + (c - '0');
    }
    String rid = null;
    long version = -1;
    for (String property : topic.substring(slash + 2).split("&", -1)) {
      int eq = property.indexOf('=');
      String name = eq < 0 ? property : property.substring(0, eq);
      String value = eq < 0 ? "" : property.substring(eq + 1);
      if (RID.equals(name)) {
        rid = value;
      } else if (VERSION.equals(name)) {
        version = parseVersion(value);
        if (version < 0) {
          return null;
        }
      }
    }
    if (rid == null || rid.isEmpty()) {
      return null;
    }
    return new ResponseTopic(status, rid, version < 0 ? OptionalLong.empty() : OptionalLong.of(version));
  }

  /**
   * Reads the {@code $version} of a desired-properties notification topic
   * {@code $iothub/twin/PATCH/properties/desired/?$version={n}}.
   *
   * @return the version, or empty if {@code topic} is not a well-formed desired topic
   */
  public static OptionalLong parseDesiredVersion(String topic) {
    if (!topic.startsWith(DESIRED_PREFIX + "?")) {
      return OptionalLong.empty();
    }
    for (String property : topic.substring(DESIRED_PREFIX.length() + 1).split("&", -1)) {
      if (property.startsWith(VERSION + "=")) {
        long version = parseVersion(property.substring(VERSION.length() + 1));
        return version < 0 ? OptionalLong.empty() : OptionalLong.of(version);
      }
    }
    return OptionalLong.empty();
  }

  /** Returns whether {@code topic} is a desired-properties notification. */
  public static boolean isDesired(String topic) {
    return topic.startsWith(DESIRED_PREFIX);
  }

  private static long parseVersion(String digits) {
    if (digits.isEmpty() || digits.length() > 18) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** A parsed response topic. */
  public static final class ResponseTopic {

    private final int status;
    private final String rid;
    private final OptionalLong version;

    ResponseTopic(int status, String rid, OptionalLong version) {
      this.status = status;
      this.rid = rid;
      this.version = version;
    }

    /** Returns the status, such as 200, 204 or 412. */
    public int status() {
      return status;
    }

    /** Returns the request id, exactly as sent. */
    public String rid() {
      return rid;
    }

    /** Returns the new reported version of a 204 answer. */
    public OptionalLong version() {
      return version;
    }
  }
}
