package io.twinsdk.core.auth;

import static io.twinsdk.core.auth.ConnectionStringParts.HOST_NAME;
import static io.twinsdk.core.auth.ConnectionStringParts.MASK;
import static io.twinsdk.core.auth.ConnectionStringParts.SHARED_ACCESS_KEY;
import static io.twinsdk.core.auth.ConnectionStringParts.SHARED_ACCESS_KEY_NAME;
import static io.twinsdk.core.auth.ConnectionStringParts.SHARED_ACCESS_SIGNATURE;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A service connection string: which hub a back-end application calls and with which shared access policy, such as
 * {@code HostName=myhub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=…}.
 *
 * <p>The parts are {@code HostName} (required; it may carry a port and need not contain a dot) and either
 * {@code SharedAccessKeyName} with {@code SharedAccessKey}, or a ready-made {@code SharedAccessSignature}.
 *
 * <p>Instances are immutable. {@link #toString()} masks the key and the signature; {@link #toConnectionString()}
 * does not.
 */
public final class ServiceConnectionString {

  private static final ConnectionStringParts PARTS = new ConnectionStringParts("service");
  private static final List<String> NAMES =
      Arrays.asList(HOST_NAME, SHARED_ACCESS_KEY_NAME, SHARED_ACCESS_KEY, SHARED_ACCESS_SIGNATURE);

  private final String hostAndPort;
  private final HostAndPort host;
  private final String sharedAccessKeyName;
  private final String sharedAccessKey;
  private final SasToken sharedAccessSignature;

  private ServiceConnectionString(Builder builder) {
    this.host = PARTS.hostName(builder.hostName);
    this.hostAndPort = builder.hostName;
    PARTS.checkNotEmpty(builder.sharedAccessKeyName, SHARED_ACCESS_KEY_NAME);
    this.sharedAccessKeyName = builder.sharedAccessKeyName;
    this.sharedAccessKey = builder.sharedAccessKey;
    this.sharedAccessSignature = builder.sharedAccessSignature;
    if (sharedAccessKey != null && sharedAccessSignature != null) {
      throw PARTS.error(SHARED_ACCESS_KEY + " and " + SHARED_ACCESS_SIGNATURE + " cannot both be given");
    }
    if (sharedAccessKey == null && sharedAccessSignature == null) {
      throw PARTS.error(SHARED_ACCESS_KEY + " is missing (or give " + SHARED_ACCESS_SIGNATURE + ")");
    }
    if (sharedAccessKey != null) {
      if (sharedAccessKeyName == null) {
        throw PARTS.error(SHARED_ACCESS_KEY_NAME + " is missing; a " + SHARED_ACCESS_KEY + " needs its policy name");
      }
      PARTS.checkKey(sharedAccessKey);
    }
  }

  /**
   * Parses a service connection string.
   *
   * <p>Parts are separated by {@code ;} (empty parts, such as a trailing {@code ;}, are ignored) and split on their
   * first {@code =}, so base64 values keep their padding. Names are matched without case.
   *
   * @throws ConnectionStringException naming the part that is missing, repeated, unknown, empty or invalid, or the
   *     credentials that do not combine
   */
  public static ServiceConnectionString parse(String connectionString) {
    Objects.requireNonNull(connectionString, "connectionString");
    Map<String, String> parts = PARTS.split(connectionString, NAMES);
    Builder builder = builder()
        .hostName(parts.get(HOST_NAME))
        .sharedAccessKeyName(parts.get(SHARED_ACCESS_KEY_NAME))
        .sharedAccessKey(parts.get(SHARED_ACCESS_KEY));
    String signature = parts.get(SHARED_ACCESS_SIGNATURE);
    if (signature != null) {
      builder.sharedAccessSignature(PARTS.parseSignature(signature));
    }
    return builder.build();
  }

  /** Returns a builder for a service connection string. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the hub's host name without any port, such as {@code myhub.azure-devices.net}. */
  public String hostName() {
    return host.host();
  }

  /** Returns the port written after {@code HostName}, if any. */
  public OptionalInt port() {
    return host.port();
  }

  /** Returns {@code HostName} as written, port included. */
  public String hostAndPort() {
    return hostAndPort;
  }

  /** Returns the shared access policy name, such as {@code iothubowner}, if given. */
  public Optional<String> sharedAccessKeyName() {
    return Optional.ofNullable(sharedAccessKeyName);
  }

  /** Returns the policy's base64 shared access key, if given. */
  public Optional<String> sharedAccessKey() {
    return Optional.ofNullable(sharedAccessKey);
  }

  /** Returns the ready-made SAS token, if given; it cannot be renewed. */
  public Optional<SasToken> sharedAccessSignature() {
    return Optional.ofNullable(sharedAccessSignature);
  }

  /**
   * Signs a new service SAS token for the whole hub, as {@link SasToken#forService} does: scoped to
   * {@link #hostName()} and naming the policy in {@code skn}.
   *
   * @param expiry when the token expires
   * @throws IllegalStateException if this connection string has no {@code SharedAccessKey}
   */
  public SasToken sasToken(Instant expiry) {
    if (sharedAccessKey == null) {
      throw new IllegalStateException("This service connection string has no " + SHARED_ACCESS_KEY
          + " to sign a token with; use sharedAccessSignature()");
    }
    return SasToken.forService(hostName(), sharedAccessKeyName, sharedAccessKey, expiry);
  }

  /** Returns the connection string with its secrets, in canonical part order and names. */
  public String toConnectionString() {
    return format(sharedAccessKey, sharedAccessSignature);
  }

  /** Returns the connection string with the key and the signature masked, safe to log. */
  @Override
  public String toString() {
    return format(sharedAccessKey == null ? null : MASK, sharedAccessSignature == null ? null : MASK);
  }

  private String format(String key, Object signature) {
    StringBuilder out = new StringBuilder();
    ConnectionStringParts.append(out, HOST_NAME, hostAndPort);
    ConnectionStringParts.append(out, SHARED_ACCESS_KEY_NAME, sharedAccessKeyName);
    ConnectionStringParts.append(out, SHARED_ACCESS_KEY, key);
    ConnectionStringParts.append(out, SHARED_ACCESS_SIGNATURE, signature);
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof ServiceConnectionString)) {
      return false;
    }
    ServiceConnectionString that = (ServiceConnectionString) other;
    return hostAndPort.equals(that.hostAndPort)
        && Objects.equals(sharedAccessKeyName, that.sharedAccessKeyName)
        && Objects.equals(sharedAccessKey, that.sharedAccessKey)
        && Objects.equals(sharedAccessSignature, that.sharedAccessSignature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(hostAndPort, sharedAccessKeyName, sharedAccessKey, sharedAccessSignature);
  }

  /**
   * A builder of {@link ServiceConnectionString}s; {@link #build()} applies the same rules as
   * {@link ServiceConnectionString#parse}. Setting a part to {@code null} leaves it out.
   */
  public static final class Builder {

    private String hostName;
    private String sharedAccessKeyName;
    private String sharedAccessKey;
    private SasToken sharedAccessSignature;

    private Builder() {}

    /** Sets {@code HostName}, the hub's host name, optionally followed by {@code :port}. */
    public Builder hostName(String hostName) {
      this.hostName = hostName;
      return this;
    }

    /** Sets {@code SharedAccessKeyName}, the policy name. */
    public Builder sharedAccessKeyName(String sharedAccessKeyName) {
      this.sharedAccessKeyName = sharedAccessKeyName;
      return this;
    }

    /** Sets {@code SharedAccessKey}, the policy's base64 key. */
    public Builder sharedAccessKey(String sharedAccessKey) {
      this.sharedAccessKey = sharedAccessKey;
      return this;
    }

    /** Sets {@code SharedAccessSignature}, a ready-made token. */
    public Builder sharedAccessSignature(SasToken sharedAccessSignature) {
      this.sharedAccessSignature = sharedAccessSignature;
      return this;
    }

    /**
     * Returns the connection string.
     *
     * @throws ConnectionStringException naming the part that is missing, empty or invalid, or the credentials that
     *     do not combine
     */
    public ServiceConnectionString build() {
      return new ServiceConnectionString(this);
    }
  }
}
