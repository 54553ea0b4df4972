package io.twinsdk.core.devicetwin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.twinsdk.core.internal.Json;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A twin is IoT Hub's JSON document for one device or module: its identity and registry state, the {@code tags} the
 * solution back end keeps, and the desired and reported properties it shares with the device.
 *
 * <p>This is the service's view, as {@code GET /twins/{id}} returns it. Timestamps are kept as the text the service
 * wrote (it writes {@code 0001-01-01T00:00:00} for "never", and documentation examples carry dates such as
 * {@code 2015-02-30} that no date type accepts). Members this class does not model, such as {@code deviceScope} and
 * {@code parentScopes}, are kept and written back.
 *
 * <p>Instances are immutable; derive changed copies with {@link #toBuilder()}. A twin parsed from JSON writes back
 * exactly as it was read (member order, explicit {@code null}s, number forms), except that {@code connectionState} is
 * always written {@code Connected} or {@code Disconnected}, as the service writes it, and {@code x509Thumbprint} and
 * {@code capabilities} are written with all their members. A twin built in code writes its members in the service's
 * order.
 */
public final class Twin {

  private static final String DEVICE_ID = "deviceId";
  private static final String MODULE_ID = "moduleId";
  private static final String ETAG = "etag";
  private static final String DEVICE_ETAG = "deviceEtag";
  private static final String VERSION = "version";
  private static final String STATUS = "status";
  private static final String STATUS_REASON = "statusReason";
  private static final String STATUS_UPDATE_TIME = "statusUpdateTime";
  private static final String CONNECTION_STATE = "connectionState";
  private static final String LAST_ACTIVITY_TIME = "lastActivityTime";
  private static final String C2D_MESSAGE_COUNT = "cloudToDeviceMessageCount";
  private static final String AUTHENTICATION_TYPE = "authenticationType";
  private static final String X509_THUMBPRINT = "x509Thumbprint";
  private static final String MODEL_ID = "modelId";
  private static final String CAPABILITIES = "capabilities";
  private static final String TAGS = "tags";
  private static final String PROPERTIES = "properties";

  private static final Set<String> MODELLED = Set.of(
      DEVICE_ID, MODULE_ID, ETAG, DEVICE_ETAG, VERSION, STATUS, STATUS_REASON, STATUS_UPDATE_TIME, CONNECTION_STATE,
      LAST_ACTIVITY_TIME, C2D_MESSAGE_COUNT, AUTHENTICATION_TYPE, X509_THUMBPRINT, MODEL_ID, CAPABILITIES, TAGS,
      PROPERTIES);

  /** The order the service writes members in, including some this class keeps without modelling them. */
  private static final List<String> SERVICE_ORDER = List.of(
      DEVICE_ID, MODULE_ID, ETAG, DEVICE_ETAG, VERSION, STATUS, STATUS_REASON, STATUS_UPDATE_TIME, CONNECTION_STATE,
      "connectionStateUpdatedTime", LAST_ACTIVITY_TIME, C2D_MESSAGE_COUNT, AUTHENTICATION_TYPE, X509_THUMBPRINT,
      MODEL_ID, CAPABILITIES, "deviceScope", "parentScopes", TAGS, PROPERTIES);

  private final String deviceId;
  private final String moduleId;
  private final String etag;
  private final String deviceEtag;
  private final Long version;
  private final Status status;
  private final String statusReason;
  private final String statusUpdateTime;
  private final ConnectionState connectionState;
  private final String lastActivityTime;
  private final Integer cloudToDeviceMessageCount;
  private final AuthenticationType authenticationType;
  private final X509Thumbprint x509Thumbprint;
  private final String modelId;
  private final Capabilities capabilities;
  private final TwinCollection tags;
  private final TwinProperties properties;
  private final Map<String, JsonNode> additionalFields;
  private final List<String> layout;

  private Twin(Builder b, List<String> layout) {
    if (b.deviceId == null || b.deviceId.isEmpty()) {
      throw new IllegalArgumentException("deviceId is required and must not be empty");
    }
    if (b.tags != null && b.tags.version().isPresent()) {
      throw new IllegalArgumentException("tags must not have a $version; IoT Hub versions tags with the twin version");
    }
    this.deviceId = b.deviceId;
    this.moduleId = b.moduleId;
    this.etag = b.etag;
    this.deviceEtag = b.deviceEtag;
    this.version = b.version;
    this.status = b.status;
    this.statusReason = b.statusReason;
    this.statusUpdateTime = b.statusUpdateTime;
    this.connectionState = b.connectionState;
    this.lastActivityTime = b.lastActivityTime;
    this.cloudToDeviceMessageCount = b.cloudToDeviceMessageCount;
    this.authenticationType = b.authenticationType;
    this.x509Thumbprint = b.x509Thumbprint;
    this.modelId = b.modelId;
    this.capabilities = b.capabilities;
    this.tags = b.tags;
    this.properties = b.properties;
    this.additionalFields = Collections.unmodifiableMap(new LinkedHashMap<>(b.additionalFields));
    this.layout = layout;
  }

  /** Returns a builder for the twin of device {@code deviceId}. */
  public static Builder builder(String deviceId) {
    return new Builder().deviceId(deviceId);
  }

  /**
   * Parses a twin from JSON text.
   *
   * @throws IllegalArgumentException if {@code json} is malformed, not an object, lacks {@code deviceId}, or has a
   *     member of the wrong type or an unknown enum value; the message names the member
   */
  public static Twin fromJson(String json) {
    return fromJsonNode(TwinJson.parse(json));
  }

  /**
   * Returns the twin a JSON object describes; the object is copied, not retained.
   *
   * @throws IllegalArgumentException as {@link #fromJson(String)} does
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Twin fromJsonNode(JsonNode json) {
    ObjectNode object = TwinJson.requireObject(json, "twin");
    Builder b = new Builder();
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (!MODELLED.contains(key)) {
        b.additionalFields.put(key, value.deepCopy());
      } else if (!value.isNull()) {
        read(b, key, value);
      }
    }
    return new Twin(b, TwinJson.keysOf(object));
  }

  private static void read(Builder b, String key, JsonNode value) {
    switch (key) {
      case DEVICE_ID:
        b.deviceId = TwinJson.requireText(value, key);
        break;
      case MODULE_ID:
        b.moduleId = TwinJson.requireText(value, key);
        break;
      case ETAG:
        b.etag = TwinJson.requireText(value, key);
        break;
      case DEVICE_ETAG:
        b.deviceEtag = TwinJson.requireText(value, key);
        break;
      case VERSION:
        b.version = TwinJson.requireLong(value, key);
        break;
      case STATUS:
        b.status = Status.fromWire(TwinJson.requireText(value, key));
        break;
      case STATUS_REASON:
        b.statusReason = TwinJson.requireText(value, key);
        break;
      case STATUS_UPDATE_TIME:
        b.statusUpdateTime = TwinJson.requireText(value, key);
        break;
      case CONNECTION_STATE:
        b.connectionState = ConnectionState.fromWire(TwinJson.requireText(value, key));
        break;
      case LAST_ACTIVITY_TIME:
        b.lastActivityTime = TwinJson.requireText(value, key);
        break;
      case C2D_MESSAGE_COUNT:
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
          throw new IllegalArgumentException(key + " must be a 32-bit integer, but was " + TwinJson.describe(value));
        }
        b.cloudToDeviceMessageCount = value.intValue();
        break;
      case AUTHENTICATION_TYPE:
        b.authenticationType = AuthenticationType.fromWire(TwinJson.requireText(value, key));
        break;
      case X509_THUMBPRINT:
        b.x509Thumbprint = X509Thumbprint.fromJsonNode(value);
        break;
      case MODEL_ID:
        b.modelId = TwinJson.requireText(value, key);
        break;
      case CAPABILITIES:
        b.capabilities = Capabilities.fromJsonNode(value);
        break;
      case TAGS:
        b.tags = TwinCollection.fromJsonNode(value);
        break;
      case PROPERTIES:
        b.properties = TwinProperties.fromJsonNode(value);
        break;
      default:
        throw new IllegalStateException("no reader for modelled member " + key);
    }
  }

  /** Returns the device id, case-sensitive. */
  public String deviceId() {
    return deviceId;
  }

  /** Returns the module id, for a module twin. */
  public Optional<String> moduleId() {
    return Optional.ofNullable(moduleId);
  }

  /** Returns the twin's etag, for {@code If-Match} on updates. */
  public Optional<String> etag() {
    return Optional.ofNullable(etag);
  }

  /** Returns the etag of the device identity (not of the twin). */
  public Optional<String> deviceEtag() {
    return Optional.ofNullable(deviceEtag);
  }

  /** Returns the twin version, which covers tags and desired properties. */
  public OptionalLong version() {
    return version == null ? OptionalLong.empty() : OptionalLong.of(version);
  }

  /** Returns whether the device may connect. */
  public Optional<Status> status() {
    return Optional.ofNullable(status);
  }

  /** Returns the reason for the current status, free text. */
  public Optional<String> statusReason() {
    return Optional.ofNullable(statusReason);
  }

  /** Returns when the status last changed, as the service wrote it. */
  public Optional<String> statusUpdateTime() {
    return Optional.ofNullable(statusUpdateTime);
  }

  /** Returns whether the device is connected. */
  public Optional<ConnectionState> connectionState() {
    return Optional.ofNullable(connectionState);
  }

  /** Returns when the device last connected, received or sent a message, as the service wrote it. */
  public Optional<String> lastActivityTime() {
    return Optional.ofNullable(lastActivityTime);
  }

  /** Returns the number of cloud-to-device messages queued for the device. */
  public OptionalInt cloudToDeviceMessageCount() {
    return cloudToDeviceMessageCount == null ? OptionalInt.empty() : OptionalInt.of(cloudToDeviceMessageCount);
  }

  /** Returns how the device authenticates. */
  public Optional<AuthenticationType> authenticationType() {
    return Optional.ofNullable(authenticationType);
  }

  /** Returns the X.509 thumbprints of a certificate-authenticated device. */
  public Optional<X509Thumbprint> x509Thumbprint() {
    return Optional.ofNullable(x509Thumbprint);
  }

  /** Returns the IoT Plug and Play model id the device announced; the service writes {@code ""} for none. */
  public Optional<String> modelId() {
    return Optional.ofNullable(modelId);
  }

  /** Returns the device's capabilities. */
  public Optional<Capabilities> capabilities() {
    return Optional.ofNullable(capabilities);
  }

  /** Returns the tags, which only the solution back end sees; empty if the document has none. */
  public TwinCollection tags() {
    return tags == null ? TwinCollection.empty() : tags;
  }

  /** Returns the desired and reported properties; both empty if the document has none. */
  public TwinProperties properties() {
    return properties == null ? TwinProperties.empty() : properties;
  }

  /** Returns the desired properties; shorthand for {@code properties().desired()}. */
  public TwinCollection desired() {
    return properties().desired();
  }

  /** Returns the reported properties; shorthand for {@code properties().reported()}. */
  public TwinCollection reported() {
    return properties().reported();
  }

  /** Returns a copy of the members this class does not model, such as {@code deviceScope}, in document order. */
  public Map<String, JsonNode> additionalFields() {
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    additionalFields.forEach((key, value) -> copy.put(key, value.deepCopy()));
    return copy;
  }

  /** Returns a builder initialised with this twin. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.deviceId = deviceId;
    b.moduleId = moduleId;
    b.etag = etag;
    b.deviceEtag = deviceEtag;
    b.version = version;
    b.status = status;
    b.statusReason = statusReason;
    b.statusUpdateTime = statusUpdateTime;
    b.connectionState = connectionState;
    b.lastActivityTime = lastActivityTime;
    b.cloudToDeviceMessageCount = cloudToDeviceMessageCount;
    b.authenticationType = authenticationType;
    b.x509Thumbprint = x509Thumbprint;
    b.modelId = modelId;
    b.capabilities = capabilities;
    b.tags = tags;
    b.properties = properties;
    b.additionalFields.putAll(additionalFields);
    return b;
  }

  /** Returns this twin as a JSON object. */
  @JsonValue
  public ObjectNode toJsonNode() {
    Map<String, JsonNode> modelled = new LinkedHashMap<>();
    putText(modelled, DEVICE_ID, deviceId);
    putText(modelled, MODULE_ID, moduleId);
    putText(modelled, ETAG, etag);
    putText(modelled, DEVICE_ETAG, deviceEtag);
    if (version != null) {
      modelled.put(VERSION, LongNode.valueOf(version));
    }
    putText(modelled, STATUS, status == null ? null : status.wireValue());
    putText(modelled, STATUS_REASON, statusReason);
    putText(modelled, STATUS_UPDATE_TIME, statusUpdateTime);
    putText(modelled, CONNECTION_STATE, connectionState == null ? null : connectionState.wireValue());
    putText(modelled, LAST_ACTIVITY_TIME, lastActivityTime);
    if (cloudToDeviceMessageCount != null) {
      modelled.put(C2D_MESSAGE_COUNT, IntNode.valueOf(cloudToDeviceMessageCount));
    }
    putText(modelled, AUTHENTICATION_TYPE, authenticationType == null ? null : authenticationType.wireValue());
    if (x509Thumbprint != null) {
      modelled.put(X509_THUMBPRINT, x509Thumbprint.toJsonNode());
    }
    putText(modelled, MODEL_ID, modelId);
    if (capabilities != null) {
      modelled.put(CAPABILITIES, capabilities.toJsonNode());
    }
    if (tags != null) {
      modelled.put(TAGS, tags.toJsonNode());
    }
    if (properties != null) {
      modelled.put(PROPERTIES, properties.toJsonNode());
    }
    Map<String, JsonNode> present = new LinkedHashMap<>();
    for (String key : SERVICE_ORDER) {
      JsonNode value = modelled.containsKey(key) ? modelled.get(key) : additionalFields.get(key);
      if (value != null) {
        present.put(key, value.deepCopy());
      }
    }
    additionalFields.forEach((key, value) -> present.putIfAbsent(key, value.deepCopy()));
    return TwinJson.write(layout, present);
  }

  private static void putText(Map<String, JsonNode> out, String key, String value) {
    if (value != null) {
      out.put(key, TextNode.valueOf(value));
    }
  }

  /** Returns this twin as compact JSON. */
  public String toJson() {
    return Json.write(toJsonNode());
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Twin)) {
      return false;
    }
    Twin that = (Twin) o;
    return deviceId.equals(that.deviceId)
        && Objects.equals(moduleId, that.moduleId)
        && Objects.equals(etag, that.etag)
        && Objects.equals(deviceEtag, that.deviceEtag)
        && Objects.equals(version, that.version)
        && status == that.status
        && Objects.equals(statusReason, that.statusReason)
        && Objects.equals(statusUpdateTime, that.statusUpdateTime)
        && connectionState == that.connectionState
        && Objects.equals(lastActivityTime, that.lastActivityTime)
        && Objects.equals(cloudToDeviceMessageCount, that.cloudToDeviceMessageCount)
        && authenticationType == that.authenticationType
        && Objects.equals(x509Thumbprint, that.x509Thumbprint)
        && Objects.equals(modelId, that.modelId)
        && Objects.equals(capabilities, that.capabilities)
        && Objects.equals(tags, that.tags)
        && Objects.equals(properties, that.properties)
        && additionalFields.equals(that.additionalFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(deviceId, moduleId, etag, version, properties);
  }

  @Override
  public String toString() {
    return toJson();
  }

  /** A device's registry status: whether it may connect. */
  public enum Status {
    /** The device may connect. */
    ENABLED("enabled"),
    /** The device may not connect. */
    DISABLED("disabled");

    private final String wireValue;

    Status(String wireValue) {
      this.wireValue = wireValue;
    }

    /** Returns the value as the service writes it. */
    public String wireValue() {
      return wireValue;
    }

    static Status fromWire(String text) {
      for (Status s : values()) {
        if (s.wireValue.equalsIgnoreCase(text)) {
          return s;
        }
      }
      throw new IllegalArgumentException(STATUS + " must be enabled or disabled, but was \"" + text + "\"");
    }
  }

  /** A device's connection state. The service's documentation shows both cases; both are read. */
  public enum ConnectionState {
    /** The device has an open connection. */
    CONNECTED("Connected"),
    /** The device has no open connection. */
    DISCONNECTED("Disconnected");

    private final String wireValue;

    ConnectionState(String wireValue) {
      this.wireValue = wireValue;
    }

    /** Returns the value as the service writes it, and as the official service SDKs require it. */
    public String wireValue() {
      return wireValue;
    }

    static ConnectionState fromWire(String text) {
      String lower = text.toLowerCase(Locale.ROOT);
      for (ConnectionState s : values()) {
        if (s.wireValue.toLowerCase(Locale.ROOT).equals(lower)) {
          return s;
        }
      }
      throw new IllegalArgumentException(
          CONNECTION_STATE + " must be Connected or Disconnected, but was \"" + text + "\"");
    }
  }

  /** How a device authenticates to the hub. */
  public enum AuthenticationType {
    /** Shared access signature tokens signed with the device's symmetric key. */
    SAS("sas"),
    /** An X.509 certificate the hub knows by thumbprint. */
    SELF_SIGNED("selfSigned"),
    /** An X.509 certificate signed by a certificate authority the hub trusts. */
    CERTIFICATE_AUTHORITY("certificateAuthority"),
    /** No authentication configured. */
    NONE("none");

    private final String wireValue;

    AuthenticationType(String wireValue) {
      this.wireValue = wireValue;
    }

    /** Returns the value as the service writes it. */
    public String wireValue() {
      return wireValue;
    }

    static AuthenticationType fromWire(String text) {
      for (AuthenticationType t : values()) {
        if (t.wireValue.equalsIgnoreCase(text)) {
          return t;
        }
      }
      throw new IllegalArgumentException(AUTHENTICATION_TYPE
          + " must be sas, selfSigned, certificateAuthority or none, but was \"" + text + "\"");
    }
  }

  /** An X.509 thumbprint pair identifies the certificates a self-signed device may present. */
  public static final class X509Thumbprint {
    private final String primary;
    private final String secondary;

    private X509Thumbprint(String primary, String secondary) {
      this.primary = primary;
      this.secondary = secondary;
    }

    /** Returns a thumbprint pair; either may be {@code null}, as the service writes for SAS devices. */
    public static X509Thumbprint of(String primary, String secondary) {
      return new X509Thumbprint(primary, secondary);
    }

    static X509Thumbprint fromJsonNode(JsonNode json) {
      ObjectNode object = TwinJson.requireObject(json, X509_THUMBPRINT);
      return new X509Thumbprint(
          optionalText(object, "primaryThumbprint"), optionalText(object, "secondaryThumbprint"));
    }

    private static String optionalText(ObjectNode object, String key) {
      JsonNode value = object.get(key);
      return value == null || value.isNull() ? null : TwinJson.requireText(value, X509_THUMBPRINT + "." + key);
    }

    /** Returns the primary certificate's thumbprint. */
    public Optional<String> primary() {
      return Optional.ofNullable(primary);
    }

    /** Returns the secondary certificate's thumbprint. */
    public Optional<String> secondary() {
      return Optional.ofNullable(secondary);
    }

    ObjectNode toJsonNode() {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      out.set("primaryThumbprint", primary == null ? NullNode.getInstance() : TextNode.valueOf(primary));
      out.set("secondaryThumbprint", secondary == null ? NullNode.getInstance() : TextNode.valueOf(secondary));
      return out;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof X509Thumbprint
          && Objects.equals(primary, ((X509Thumbprint) o).primary)
          && Objects.equals(secondary, ((X509Thumbprint) o).secondary);
    }

    @Override
    public int hashCode() {
      return Objects.hash(primary, secondary);
    }

    @Override
    public String toString() {
      return Json.write(toJsonNode());
    }
  }

  /** Device capabilities are the optional hub features a device uses. */
  public static final class Capabilities {
    private final boolean iotEdge;

    private Capabilities(boolean iotEdge) {
      this.iotEdge = iotEdge;
    }

    /** Returns capabilities with IoT Edge on or off. */
    public static Capabilities of(boolean iotEdge) {
      return new Capabilities(iotEdge);
    }

    static Capabilities fromJsonNode(JsonNode json) {
      JsonNode iotEdge = TwinJson.requireObject(json, CAPABILITIES).get("iotEdge");
      if (iotEdge != null && !iotEdge.isNull() && !iotEdge.isBoolean()) {
        throw new IllegalArgumentException(
            CAPABILITIES + ".iotEdge must be a boolean, but was " + TwinJson.describe(iotEdge));
      }
      return new Capabilities(iotEdge != null && iotEdge.booleanValue());
    }

    /** Returns whether the device is an IoT Edge device. */
    public boolean iotEdge() {
      return iotEdge;
    }

    ObjectNode toJsonNode() {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      out.set("iotEdge", BooleanNode.valueOf(iotEdge));
      return out;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Capabilities && iotEdge == ((Capabilities) o).iotEdge;
    }

    @Override
    public int hashCode() {
      return Boolean.hashCode(iotEdge);
    }

    @Override
    public String toString() {
      return Json.write(toJsonNode());
    }
  }

  /** A builder of {@link Twin}; not thread-safe. Setting {@code null} removes an optional member. */
  public static final class Builder {
    private String deviceId;
    private String moduleId;
    private String etag;
    private String deviceEtag;
    private Long version;
    private Status status;
    private String statusReason;
    private String statusUpdateTime;
    private ConnectionState connectionState;
    private String lastActivityTime;
    private Integer cloudToDeviceMessageCount;
    private AuthenticationType authenticationType;
    private X509Thumbprint x509Thumbprint;
    private String modelId;
    private Capabilities capabilities;
    private TwinCollection tags;
    private TwinProperties properties;
    private final Map<String, JsonNode> additionalFields = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the device id, required and non-empty. */
    public Builder deviceId(String deviceId) {
      this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
      return this;
    }

    /** Sets the module id, for a module twin. */
    public Builder moduleId(String moduleId) {
      this.moduleId = moduleId;
      return this;
    }

    /** Sets the twin's etag. */
    public Builder etag(String etag) {
      this.etag = etag;
      return this;
    }

    /** Sets the device identity's etag. */
    public Builder deviceEtag(String deviceEtag) {
      this.deviceEtag = deviceEtag;
      return this;
    }

    /** Sets the twin version. */
    public Builder version(Long version) {
      this.version = version;
      return this;
    }

    /** Sets the registry status. */
    public Builder status(Status status) {
      this.status = status;
      return this;
    }

    /** Sets the reason for the status. */
    public Builder statusReason(String statusReason) {
      this.statusReason = statusReason;
      return this;
    }

    /** Sets when the status last changed, as the text to write. */
    public Builder statusUpdateTime(String statusUpdateTime) {
      this.statusUpdateTime = statusUpdateTime;
      return this;
    }

    /** Sets the connection state. */
    public Builder connectionState(ConnectionState connectionState) {
      this.connectionState = connectionState;
      return this;
    }

    /** Sets when the device was last active, as the text to write. */
    public Builder lastActivityTime(String lastActivityTime) {
      this.lastActivityTime = lastActivityTime;
      return this;
    }

    /** Sets the number of queued cloud-to-device messages. */
    public Builder cloudToDeviceMessageCount(Integer cloudToDeviceMessageCount) {
      this.cloudToDeviceMessageCount = cloudToDeviceMessageCount;
      return this;
    }

    /** Sets how the device authenticates. */
    public Builder authenticationType(AuthenticationType authenticationType) {
      this.authenticationType = authenticationType;
      return this;
    }

    /** Sets the X.509 thumbprints. */
    public Builder x509Thumbprint(X509Thumbprint x509Thumbprint) {
      this.x509Thumbprint = x509Thumbprint;
      return this;
    }

    /** Sets the IoT Plug and Play model id. */
    public Builder modelId(String modelId) {
      this.modelId = modelId;
      return this;
    }

    /** Sets the device capabilities. */
    public Builder capabilities(Capabilities capabilities) {
      this.capabilities = capabilities;
      return this;
    }

    /** Sets the tags; they must not carry a {@code $version}. */
    public Builder tags(TwinCollection tags) {
      this.tags = tags;
      return this;
    }

    /** Sets the desired and reported properties. */
    public Builder properties(TwinProperties properties) {
      this.properties = properties;
      return this;
    }

    /** Sets the desired properties, keeping the reported ones. */
    public Builder desired(TwinCollection desired) {
      TwinProperties current = properties == null ? TwinProperties.empty() : properties;
      this.properties = current.withDesired(desired);
      return this;
    }

    /** Sets the reported properties, keeping the desired ones. */
    public Builder reported(TwinCollection reported) {
      TwinProperties current = properties == null ? TwinProperties.empty() : properties;
      this.properties = current.withReported(reported);
      return this;
    }

    /**
     * Sets a member this class does not model, such as {@code deviceScope}; {@code null} removes it.
     *
     * @throws IllegalArgumentException if {@code name} is a member this class models
     */
    public Builder additionalField(String name, JsonNode value) {
      Objects.requireNonNull(name, "name");
      if (MODELLED.contains(name)) {
        throw new IllegalArgumentException(name + " is a modelled member; use its own builder method");
      }
      if (value == null) {
        additionalFields.remove(name);
      } else {
        additionalFields.put(name, value.deepCopy());
      }
      return this;
    }

    /**
     * Returns the twin.
     *
     * @throws IllegalArgumentException if the device id is empty or the tags carry a {@code $version}
     */
    public Twin build() {
      return new Twin(this, null);
    }
  }
}
