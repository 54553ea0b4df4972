package io.twinsdk.core.auth;

import static io.twinsdk.core.auth.ConnectionStringParts.DEVICE_ID;
import static io.twinsdk.core.auth.ConnectionStringParts.GATEWAY_HOST_NAME;
import static io.twinsdk.core.auth.ConnectionStringParts.HOST_NAME;
import static io.twinsdk.core.auth.ConnectionStringParts.MASK;
import static io.twinsdk.core.auth.ConnectionStringParts.MODULE_ID;
import static io.twinsdk.core.auth.ConnectionStringParts.SHARED_ACCESS_KEY;
import static io.twinsdk.core.auth.ConnectionStringParts.SHARED_ACCESS_KEY_NAME;
import static io.twinsdk.core.auth.ConnectionStringParts.SHARED_ACCESS_SIGNATURE;
import static io.twinsdk.core.auth.ConnectionStringParts.X509;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A device connection string: where a device (or one of its modules) connects and how it proves its identity, such
 * as {@code HostName=myhub.azure-devices.net;DeviceId=dev1;SharedAccessKey=…}.
 *
 * <p>The parts are {@code HostName} and {@code DeviceId} (required), {@code ModuleId}, {@code GatewayHostName} (the
 * host to dial, when it is not {@code HostName}), and exactly one credential: {@code SharedAccessKey} (optionally with
 * the {@code SharedAccessKeyName} of the policy it belongs to), a ready-made {@code SharedAccessSignature}, or
 * {@code x509=true}. {@code HostName} may carry a port ({@code localhost:8443}, for a local hub) and, unlike the
 * official Java SDK, need not contain a dot.
 *
 * <p>Instances are immutable. {@link #toString()} masks the key and the signature; {@link #toConnectionString()}
 * does not.
 */
public final class DeviceConnectionString {

  private static final ConnectionStringParts PARTS = new ConnectionStringParts("device");
  private static final List<String> NAMES = Arrays.asList(
      HOST_NAME, DEVICE_ID, MODULE_ID, SHARED_ACCESS_KEY_NAME, SHARED_ACCESS_KEY, SHARED_ACCESS_SIGNATURE,
      GATEWAY_HOST_NAME, X509);

  private final String hostAndPort;
  private final HostAndPort host;
  private final String deviceId;
  private final String moduleId;
  private final String sharedAccessKeyName;
  private final String sharedAccessKey;
  private final SasToken sharedAccessSignature;
  private final String gatewayHostName;
  private final boolean x509;

  private DeviceConnectionString(Builder builder) {
    this.host = PARTS.hostName(builder.hostName);
    this.hostAndPort = builder.hostName;
    PARTS.requireNonEmpty(builder.deviceId, DEVICE_ID);
    checkNoSlash(builder.deviceId, DEVICE_ID);
    this.deviceId = builder.deviceId;
    PARTS.checkNotEmpty(builder.moduleId, MODULE_ID);
    checkNoSlash(builder.moduleId, MODULE_ID);
    this.moduleId = builder.moduleId;
    PARTS.checkNotEmpty(builder.gatewayHostName, GATEWAY_HOST_NAME);
    if (builder.gatewayHostName != null) {
      PARTS.host(builder.gatewayHostName, GATEWAY_HOST_NAME);
    }
    this.gatewayHostName = builder.gatewayHostName;
    PARTS.checkNotEmpty(builder.sharedAccessKeyName, SHARED_ACCESS_KEY_NAME);
    this.sharedAccessKeyName = builder.sharedAccessKeyName;
    this.sharedAccessKey = builder.sharedAccessKey;
    this.sharedAccessSignature = builder.sharedAccessSignature;
    this.x509 = builder.x509;
    checkCredentials();
  }

  private void checkCredentials() {
    if (sharedAccessKey != null && sharedAccessSignature != null) {
      throw PARTS.error(SHARED_ACCESS_KEY + " and " + SHARED_ACCESS_SIGNATURE + " cannot both be given");
    }
    if (sharedAccessKey != null && x509) {
      throw PARTS.error(SHARED_ACCESS_KEY + " and x509=true cannot both be given");
    }
    if (sharedAccessSignature != null && x509) {
      throw PARTS.error(SHARED_ACCESS_SIGNATURE + " and x509=true cannot both be given");
    }
    if (sharedAccessKey == null && sharedAccessSignature == null && !x509) {
      throw PARTS.error(SHARED_ACCESS_KEY + " is missing (or give " + SHARED_ACCESS_SIGNATURE + " or x509=true)");
    }
    if (sharedAccessKeyName != null && x509) {
      throw PARTS.error(SHARED_ACCESS_KEY_NAME + " cannot be used with x509=true");
    }
    if (sharedAccessKey != null) {
      PARTS.checkKey(sharedAccessKey);
    }
  }

  private static void checkNoSlash(String id, String name) {
    if (id != null && id.indexOf('/') >= 0) {
      throw PARTS.error(name + " contains '/'");
    }
  }

  /**
   * Parses a device connection string.
   *
   * <p>Parts are separated by {@code ;} (empty parts, such as a trailing {@code ;}, are ignored) and split on their
   * first {@code =}, so base64 values keep their padding. Names are matched without case.
   *
   * @throws ConnectionStringException naming the part that is missing, repeated, unknown, empty or invalid, or the
   *     credentials that do not combine
   */
  public static DeviceConnectionString parse(String connectionString) {
    Objects.requireNonNull(connectionString, "connectionString");
    Map<String, String> parts = PARTS.split(connectionString, NAMES);
    Builder builder = builder()
        .hostName(parts.get(HOST_NAME))
        .deviceId(parts.get(DEVICE_ID))
        .moduleId(parts.get(MODULE_ID))
        .sharedAccessKeyName(parts.get(SHARED_ACCESS_KEY_NAME))
        .sharedAccessKey(parts.get(SHARED_ACCESS_KEY))
        .gatewayHostName(parts.get(GATEWAY_HOST_NAME));
    String signature = parts.get(SHARED_ACCESS_SIGNATURE);
    if (signature != null) {
      builder.sharedAccessSignature(PARTS.parseSignature(signature));
    }
    String x509 = parts.get(X509);
    if (x509 != null) {
      if (!x509.equalsIgnoreCase("true") && !x509.equalsIgnoreCase("false")) {
        throw PARTS.error("x509 must be true or false");
      }
      builder.x509(Boolean.parseBoolean(x509));
    }
    return builder.build();
  }

  /** Returns a builder for a device connection string. */
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

  /** Returns the device id. */
  public String deviceId() {
    return deviceId;
  }

  /** Returns the module id, if this connection string is a module's. */
  public Optional<String> moduleId() {
    return Optional.ofNullable(moduleId);
  }

  /** Returns the name of the shared access policy whose key this is, if the key is a policy's, not the device's. */
  public Optional<String> sharedAccessKeyName() {
    return Optional.ofNullable(sharedAccessKeyName);
  }

  /** Returns the base64 shared access key, if the device authenticates with one. */
  public Optional<String> sharedAccessKey() {
    return Optional.ofNullable(sharedAccessKey);
  }

  /** Returns the ready-made SAS token, if the device authenticates with one; it cannot be renewed. */
  public Optional<SasToken> sharedAccessSignature() {
    return Optional.ofNullable(sharedAccessSignature);
  }

  /** Returns the host to connect to instead of {@code HostName}, if any; tokens are still scoped to HostName. */
  public Optional<String> gatewayHostName() {
    return Optional.ofNullable(gatewayHostName);
  }

  /** Returns whether the device authenticates with an X.509 client certificate. */
  public boolean isX509() {
    return x509;
  }

  /**
   * Returns the scope this identity's tokens grant, not encoded: {@code {hostName}/devices/{deviceId}}, plus
   * {@code /modules/{moduleId}} for a module. The port is not part of it.
   */
  public String scope() {
    return moduleId == null
        ? SasToken.deviceScope(hostName(), deviceId)
        : SasToken.moduleScope(hostName(), deviceId, moduleId);
  }

  /**
   * Signs a new SAS token for {@link #scope()} with the shared access key, URL-encoding the resource; the token
   * carries {@code skn} when {@code SharedAccessKeyName} is given.
   *
   * @param expiry when the token expires
   * @throws IllegalStateException if this connection string has no {@code SharedAccessKey}
   */
  public SasToken sasToken(Instant expiry) {
    if (sharedAccessKey == null) {
      throw new IllegalStateException("This device connection string has no " + SHARED_ACCESS_KEY
          + " to sign a token with" + (sharedAccessSignature != null ? "; use sharedAccessSignature()" : ""));
    }
    return SasToken.sign(SasToken.encodeResource(scope()), sharedAccessKey, expiry, sharedAccessKeyName);
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
    ConnectionStringParts.append(out, DEVICE_ID, deviceId);
    ConnectionStringParts.append(out, MODULE_ID, moduleId);
    ConnectionStringParts.append(out, SHARED_ACCESS_KEY_NAME, sharedAccessKeyName);
    ConnectionStringParts.append(out, SHARED_ACCESS_KEY, key);
    ConnectionStringParts.append(out, SHARED_ACCESS_SIGNATURE, signature);
    ConnectionStringParts.append(out, GATEWAY_HOST_NAME, gatewayHostName);
    ConnectionStringParts.append(out, X509, x509 ? "true" : null);
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof DeviceConnectionString)) {
      return false;
    }
    DeviceConnectionString that = (DeviceConnectionString) other;
    return hostAndPort.equals(that.hostAndPort)
        && deviceId.equals(that.deviceId)
        && Objects.equals(moduleId, that.moduleId)
        && Objects.equals(sharedAccessKeyName, that.sharedAccessKeyName)
        && Objects.equals(sharedAccessKey, that.sharedAccessKey)
        && Objects.equals(sharedAccessSignature, that.sharedAccessSignature)
        && Objects.equals(gatewayHostName, that.gatewayHostName)
        && x509 == that.x509;
  }

  @Override
  public int hashCode() {
    return Objects.hash(hostAndPort, deviceId, moduleId, sharedAccessKeyName, sharedAccessKey, sharedAccessSignature,
        gatewayHostName, x509);
  }

  /**
   * A builder of {@link DeviceConnectionString}s; {@link #build()} applies the same rules as
   * {@link DeviceConnectionString#parse}. Setting a part to {@code null} leaves it out.
   */
  public static final class Builder {

    private String hostName;
    private String deviceId;
    private String moduleId;
    private String sharedAccessKeyName;
    private String sharedAccessKey;
    private SasToken sharedAccessSignature;
    private String gatewayHostName;
    private boolean x509;

    private Builder() {}

    /** Sets {@code HostName}, the hub's host name, optionally followed by {@code :port}. */
    public Builder hostName(String hostName) {
      this.hostName = hostName;
      return this;
    }

    /** Sets {@code DeviceId}. */
    public Builder deviceId(String deviceId) {
      this.deviceId = deviceId;
      return this;
    }

    /** Sets {@code ModuleId}, for a module identity of the device. */
    public Builder moduleId(String moduleId) {
      this.moduleId = moduleId;
      return this;
    }

    /** Sets {@code SharedAccessKeyName}, the policy the {@code SharedAccessKey} belongs to. */
    public Builder sharedAccessKeyName(String sharedAccessKeyName) {
      this.sharedAccessKeyName = sharedAccessKeyName;
      return this;
    }

    /** Sets {@code SharedAccessKey}, a base64 key. */
    public Builder sharedAccessKey(String sharedAccessKey) {
      this.sharedAccessKey = sharedAccessKey;
      return this;
    }

    /** Sets {@code SharedAccessSignature}, a ready-made token. */
    public Builder sharedAccessSignature(SasToken sharedAccessSignature) {
      this.sharedAccessSignature = sharedAccessSignature;
      return this;
    }

    /** Sets {@code GatewayHostName}, the host to dial instead of {@code HostName}. */
    public Builder gatewayHostName(String gatewayHostName) {
      this.gatewayHostName = gatewayHostName;
      return this;
    }

    /** Sets whether the device authenticates with an X.509 client certificate ({@code x509=true}). */
    public Builder x509(boolean x509) {
      this.x509 = x509;
      return this;
    }

    /**
     * Returns the connection string.
     *
     * @throws ConnectionStringException naming the part that is missing, empty or invalid, or the credentials that
     *     do not combine
     */
    public DeviceConnectionString build() {
      return new DeviceConnectionString(this);
    }
  }
}
