package io.twinsdk.core.auth;

import io.twinsdk.core.auth.SasTokenException.Reason;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A shared access signature (SAS) token: a resource, an expiry and an HMAC-SHA256 signature over both, written as
 * {@code SharedAccessSignature sr={resource}&sig={signature}&se={expiry}[&skn={keyName}]}.
 *
 * <p>Devices send one as the MQTT CONNECT password and services send one in the HTTP {@code Authorization} header;
 * {@code skn} names the shared access policy whose key signed the token and is absent when a device key did.
 *
 * <p>The signature covers the resource <em>exactly as written in the token</em>: some SDKs URL-encode it
 * ({@code host%2Fdevices%2Fdev1}, as Node and azure-sdk-for-c do, and as the factories here do), others send it raw
 * ({@code host/devices/dev1}, as the Java and C device SDKs do). {@link #verify} accepts both, because it checks the
 * HMAC over the literal {@code sr} and decodes it only to compare scopes.
 *
 * <p>Instances are immutable. Two tokens are equal if they have the same resource, signature, expiry and key name.
 */
public final class SasToken {

  private static final String PREFIX = "SharedAccessSignature ";

  private final String resource;
  private final String scope;
  private final String signature;
  private final byte[] signatureBytes;
  private final Instant expiry;
  private final String keyName;
  private final String value;

  private SasToken(String resource, String scope, byte[] signatureBytes, Instant expiry, String keyName) {
    this.resource = resource;
    this.scope = scope;
    this.signatureBytes = signatureBytes;
    this.signature = Base64.getEncoder().encodeToString(signatureBytes);
    this.expiry = expiry;
    this.keyName = keyName;
    this.value = PREFIX + "sr=" + resource
        + "&sig=" + PercentEncoding.encode(signature)
        + "&se=" + expiry.getEpochSecond()
        + (keyName == null ? "" : "&skn=" + PercentEncoding.encode(keyName));
  }

  /**
   * Parses a token as a device or service sends it.
   *
   * <p>The fields {@code sr}, {@code sig}, {@code se} and {@code skn} may come in any order; each is split from the
   * next on {@code &} and from its value on the first {@code =}. Other well-formed fields are ignored. Parsing checks
   * form only: use {@link #verify} to check the signature, expiry and scope.
   *
   * @throws SasTokenException with reason {@link Reason#MALFORMED} if the prefix is missing, a field is not
   *     {@code name=value}, {@code sr}, {@code sig} or {@code se} is missing, empty or repeated, {@code sig} is not
   *     base64, {@code se} is not a number of seconds, or {@code sr} or {@code skn} has a bad percent escape
   */
  public static SasToken parse(String token) {
    Objects.requireNonNull(token, "token");
    if (!token.startsWith(PREFIX)) {
      throw malformed("it does not start with '" + PREFIX + "'");
    }
    String sr = null;
    String sig = null;
    String se = null;
    String skn = null;
    String[] fields = token.substring(PREFIX.length()).split("&", -1);
    for (int i = 0; i < fields.length; i++) {
      String field = fields[i];
      int equals = field.indexOf('=');
      if (equals <= 0) {
        // Quoting the field could quote the signature.
        throw malformed("field " + (i + 1) + " is not name=value");
      }
      String name = field.substring(0, equals);
      String value = field.substring(equals + 1);
      switch (name) {
        case "sr":
          sr = once(sr, name, value);
          break;
        case "sig":
          sig = once(sig, name, value);
          break;
        case "se":
          se = once(se, name, value);
          break;
        case "skn":
          skn = once(skn, name, value);
          break;
        default:
          break;
      }
    }
    String scope = decode(required(sr, "sr"), "sr");
    byte[] signatureBytes = decodeSignature(required(sig, "sig"));
    Instant expiry = parseExpiry(required(se, "se"));
    return new SasToken(sr, scope, signatureBytes, expiry, skn == null ? null : decode(skn, "skn"));
  }

  /**
   * Signs {@code resourceAsSigned} exactly as given: the token's {@code sr} is this string, and the signature is
   * HMAC-SHA256, keyed with the decoded {@code base64Key}, over {@code resourceAsSigned + "\n" + expiry seconds}.
   *
   * <p>Most callers want {@link #forDevice}, {@link #forModule} or {@link #forService}, which pick the resource
   * string for them; use this one to reproduce another SDK's token byte for byte.
   *
   * @param resourceAsSigned the {@code sr} value, URL-encoded or raw; it must not contain {@code &}
   * @param base64Key the shared access key of the device or policy, base64
   * @param expiry when the token expires; fractions of a second are dropped
   * @param keyName the policy name for {@code skn} (percent-encoded in the token as needed), or {@code null} for a
   *     device key
   * @throws IllegalArgumentException naming the argument that is empty, not base64, or cannot appear in a token
   */
  public static SasToken sign(String resourceAsSigned, String base64Key, Instant expiry, String keyName) {
    Objects.requireNonNull(resourceAsSigned, "resourceAsSigned");
    Objects.requireNonNull(expiry, "expiry");
    String scope = checkTokenValue(resourceAsSigned, "resourceAsSigned");
    if (keyName != null && keyName.isEmpty()) {
      throw new IllegalArgumentException("keyName is empty");
    }
    if (expiry.getEpochSecond() < 0) {
      throw new IllegalArgumentException("expiry is before 1970-01-01T00:00:00Z");
    }
    byte[] key = HmacSha256.decodeKey(base64Key, "base64Key");
    Instant seconds = Instant.ofEpochSecond(expiry.getEpochSecond());
    byte[] signature = HmacSha256.sign(key, stringToSign(resourceAsSigned, seconds));
    return new SasToken(resourceAsSigned, scope, signature, seconds, keyName);
  }

  /**
   * Signs a device token with the device's own key, for the scope {@code {hostName}/devices/{deviceId}}, URL-encoded
   * as {@link #encodeResource} does.
   *
   * @throws IllegalArgumentException naming the argument that is empty, contains {@code /}, or is not base64
   */
  public static SasToken forDevice(String hostName, String deviceId, String base64Key, Instant expiry) {
    return sign(encodeResource(deviceScope(hostName, deviceId)), base64Key, expiry, null);
  }

  /**
   * Signs a module token with the module's own key, for the scope
   * {@code {hostName}/devices/{deviceId}/modules/{moduleId}}, URL-encoded as {@link #encodeResource} does.
   *
   * @throws IllegalArgumentException naming the argument that is empty, contains {@code /}, or is not base64
   */
  public static SasToken forModule(
      String hostName, String deviceId, String moduleId, String base64Key, Instant expiry) {
    return sign(encodeResource(moduleScope(hostName, deviceId, moduleId)), base64Key, expiry, null);
  }

  /**
   * Signs a service token with a shared access policy's key, for the whole hub: the scope is {@code hostName}.
   *
   * @param keyName the policy name, such as {@code iothubowner} or {@code service}
   * @throws IllegalArgumentException naming the argument that is empty, contains {@code /}, or is not base64
   */
  public static SasToken forService(String hostName, String keyName, String base64Key, Instant expiry) {
    Objects.requireNonNull(keyName, "keyName");
    return sign(encodeResource(checkSegment(hostName, "hostName")), base64Key, expiry, keyName);
  }

  /**
   * Returns the scope a device's tokens grant, {@code {hostName}/devices/{deviceId}}, not encoded.
   *
   * @throws IllegalArgumentException if an argument is empty or contains {@code /}
   */
  public static String deviceScope(String hostName, String deviceId) {
    return checkSegment(hostName, "hostName") + "/devices/" + checkSegment(deviceId, "deviceId");
  }

  /**
   * Returns the scope a module's tokens grant, {@code {hostName}/devices/{deviceId}/modules/{moduleId}}, not
   * encoded.
   *
   * @throws IllegalArgumentException if an argument is empty or contains {@code /}
   */
  public static String moduleScope(String hostName, String deviceId, String moduleId) {
    return deviceScope(hostName, deviceId) + "/modules/" + checkSegment(moduleId, "moduleId");
  }

  /**
   * Returns {@code resource} percent-encoded the way Node's {@code encodeUriComponentStrict} and azure-sdk-for-c do:
   * every UTF-8 byte except the RFC 3986 unreserved characters {@code A-Z a-z 0-9 - _ . ~} becomes {@code %XX}, so
   * {@code hub.example/devices/d1} becomes {@code hub.example%2Fdevices%2Fd1}.
   */
  public static String encodeResource(String resource) {
    return PercentEncoding.encode(Objects.requireNonNull(resource, "resource"));
  }

  /** Returns the resource ({@code sr}) exactly as it appears in the token, URL-encoded or not. */
  public String resource() {
    return resource;
  }

  /**
   * Returns the resource with percent escapes decoded, such as {@code myhub.azure-devices.net/devices/dev1}: the
   * form that {@link #verify} compares with the expected scope.
   */
  public String scope() {
    return scope;
  }

  /** Returns the signature in standard base64, URL-decoded ({@code sig} is URL-encoded in the token). */
  public String signature() {
    return signature;
  }

  /** Returns the instant after which the token is no longer valid ({@code se}), in whole seconds. */
  public Instant expiry() {
    return expiry;
  }

  /** Returns the name of the shared access policy that signed the token ({@code skn}), empty for a device key. */
  public Optional<String> keyName() {
    return Optional.ofNullable(keyName);
  }

  /**
   * Returns the token as sent on the wire: {@code SharedAccessSignature sr=…&sig=…&se=…[&skn=…]}, with {@code sr}
   * exactly as signed and the signature URL-encoded. A parsed token is written in this field order whatever order it
   * came in.
   */
  public String value() {
    return value;
  }

  /**
   * Returns whether the signature was made with {@code base64Key} over this token's {@code sr} and {@code se}. This
   * is the signature part of {@link #verify}, for a caller that holds several keys (a primary and a secondary).
   *
   * @throws IllegalArgumentException if {@code base64Key} is empty or not base64
   */
  public boolean isSignedWith(String base64Key) {
    byte[] key = HmacSha256.decodeKey(base64Key, "base64Key");
    return MessageDigest.isEqual(HmacSha256.sign(key, stringToSign(resource, expiry)), signatureBytes);
  }

  /**
   * Checks that this token grants access to {@code expectedScope} at {@code now}, in this order: the signature (with
   * a constant-time comparison), then the expiry, then the scope.
   *
   * <p>The scope check decodes {@code sr}, compares the host without case (and ignoring a {@code :port}), and
   * compares path segments exactly. The token's scope must be a prefix of {@code expectedScope} by whole segments:
   * {@code host/devices/a} covers {@code host/devices/a} and {@code host/devices/a/modules/m}, never
   * {@code host/devices/ab}. A service token, whose scope is the bare host, therefore covers every device and module
   * on that hub, as on IoT Hub; whether the policy that signed it may connect devices is for the caller to decide
   * from {@link #keyName()}.
   *
   * @param base64Key the key of the device, module or policy that should have signed the token
   * @param expectedScope the resource being accessed, not encoded, such as {@link #deviceScope} returns
   * @param now the time of verification; a token is expired if its expiry is before {@code now}
   * @throws SasTokenException with reason {@link Reason#INVALID_SIGNATURE}, {@link Reason#EXPIRED} or
   *     {@link Reason#WRONG_SCOPE}
   * @throws IllegalArgumentException if {@code base64Key} is empty or not base64
   */
  public void verify(String base64Key, String expectedScope, Instant now) {
    Objects.requireNonNull(expectedScope, "expectedScope");
    Objects.requireNonNull(now, "now");
    if (!isSignedWith(base64Key)) {
      throw new SasTokenException(Reason.INVALID_SIGNATURE, "SAS token signature does not match the key");
    }
    if (expiry.isBefore(now)) {
      throw new SasTokenException(Reason.EXPIRED, "SAS token expired at " + expiry);
    }
    if (!ResourceScope.covers(scope, expectedScope)) {
      throw new SasTokenException(
          Reason.WRONG_SCOPE, "SAS token for '" + scope + "' does not grant access to '" + expectedScope + "'");
    }
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof SasToken)) {
      return false;
    }
    SasToken that = (SasToken) other;
    return resource.equals(that.resource)
        && MessageDigest.isEqual(signatureBytes, that.signatureBytes)
        && expiry.equals(that.expiry)
        && Objects.equals(keyName, that.keyName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(resource, signature, expiry, keyName);
  }

  /** Returns {@link #value()}, the full token. */
  @Override
  public String toString() {
    return value;
  }

  private static String stringToSign(String resource, Instant expiry) {
    return resource + "\n" + expiry.getEpochSecond();
  }

  private static String once(String previous, String name, String value) {
    if (previous != null) {
      throw malformed(name + " appears twice");
    }
    return value;
  }

  private static String required(String value, String name) {
    if (value == null) {
      throw malformed(name + " is missing");
    }
    if (value.isEmpty()) {
      throw malformed(name + " is empty");
    }
    return value;
  }

  private static String decode(String value, String name) {
    try {
      return PercentEncoding.decode(value);
    } catch (IllegalArgumentException e) {
      throw malformed(name + " is not valid percent-encoding: " + e.getMessage());
    }
  }

  private static byte[] decodeSignature(String sig) {
    try {
      return Base64.getDecoder().decode(PercentEncoding.decode(sig));
    } catch (IllegalArgumentException e) {
      // The JDK's message quotes a character of the signature.
      throw malformed("sig is not URL-encoded base64");
    }
  }

  private static Instant parseExpiry(String se) {
    long seconds = 0;
    for (int i = 0; i < se.length(); i++) {
      char c = se.charAt(i);
      if (c < '0' || c > '9' || seconds > (Instant.MAX.getEpochSecond() - (c - '0')) / 10) {
        throw malformed("se is not a whole number of seconds since 1970");
      }
      seconds = seconds * 10 + (c - '0');
    }
    return Instant.ofEpochSecond(seconds);
  }

  /** Checks that {@code value} survives the trip into a token and back, and returns it decoded. */
  private static String checkTokenValue(String value, String name) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty");
    }
    if (value.indexOf('&') >= 0) {
      throw new IllegalArgumentException(name + " contains '&', which would end the field");
    }
    try {
      return PercentEncoding.decode(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " is not valid percent-encoding: " + e.getMessage(), e);
    }
  }

  private static String checkSegment(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty");
    }
    if (value.indexOf('/') >= 0) {
      throw new IllegalArgumentException(name + " contains '/'");
    }
    return value;
  }

  private static SasTokenException malformed(String why) {
    return new SasTokenException(Reason.MALFORMED, "Malformed SAS token: " + why);
  }
}
