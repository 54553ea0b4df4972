package io.twinsdk.core.devicetwin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Twin properties are the desired and reported sections of a device twin: the {@code properties} object of the service
 * twin, and the whole body of the device's MQTT twin GET response ({@code {"desired":{…},"reported":{…}}}).
 *
 * <p>A section missing from the JSON reads as {@linkplain TwinCollection#empty() empty} and is not written back unless
 * it is set. Unknown members are kept and written back. Instances are immutable; a value parsed from JSON writes back
 * exactly as it was read.
 */
public final class TwinProperties {

  private static final String DESIRED = "desired";
  private static final String REPORTED = "reported";

  private final TwinCollection desired;
  private final TwinCollection reported;
  private final Map<String, JsonNode> otherFields;
  private final List<String> layout;

  private TwinProperties(
      TwinCollection desired, TwinCollection reported, Map<String, JsonNode> otherFields, List<String> layout) {
    this.desired = desired;
    this.reported = reported;
    this.otherFields = otherFields;
    this.layout = layout;
  }

  /** Returns properties with the given desired and reported sections. */
  public static TwinProperties of(TwinCollection desired, TwinCollection reported) {
    return new TwinProperties(
        Objects.requireNonNull(desired, "desired"),
        Objects.requireNonNull(reported, "reported"),
        Collections.emptyMap(),
        null);
  }

  /** Returns properties with neither section set; both read as empty and neither is written. */
  public static TwinProperties empty() {
    return new TwinProperties(null, null, Collections.emptyMap(), null);
  }

  /**
   * Parses properties from JSON text, such as the body of an MQTT twin GET response.
   *
   * @throws IllegalArgumentException if {@code json} is malformed, not an object, or a section is invalid
   */
  public static TwinProperties fromJson(String json) {
    return fromJsonNode(TwinJson.parse(json));
  }

  /**
   * Returns the properties a JSON object describes; the object is copied, not retained.
   *
   * @throws IllegalArgumentException if {@code json} is not an object or a section is invalid
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TwinProperties fromJsonNode(JsonNode json) {
    ObjectNode object = TwinJson.requireObject(json, "properties");
    TwinCollection desired = null;
    TwinCollection reported = null;
    Map<String, JsonNode> otherFields = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (DESIRED.equals(field.getKey())) {
        desired = value.isNull() ? null : TwinCollection.fromJsonNode(value);
      } else if (REPORTED.equals(field.getKey())) {
        reported = value.isNull() ? null : TwinCollection.fromJsonNode(value);
      } else {
        otherFields.put(field.getKey(), value.deepCopy());
      }
    }
    return new TwinProperties(
        desired, reported, Collections.unmodifiableMap(otherFields), TwinJson.keysOf(object));
  }

  /** Returns the desired properties, set by the solution back end and read by the device. */
  public TwinCollection desired() {
    return desired == null ? TwinCollection.empty() : desired;
  }

  /** Returns the reported properties, set by the device and read by the solution back end. */
  public TwinCollection reported() {
    return reported == null ? TwinCollection.empty() : reported;
  }

  /** Returns these properties with the desired section replaced. */
  public TwinProperties withDesired(TwinCollection desired) {
    return new TwinProperties(Objects.requireNonNull(desired, "desired"), reported, otherFields, null);
  }

  /** Returns these properties with the reported section replaced. */
  public TwinProperties withReported(TwinCollection reported) {
    return new TwinProperties(desired, Objects.requireNonNull(reported, "reported"), otherFields, null);
  }

  /** Returns these properties as a JSON object. */
  @JsonValue
  public ObjectNode toJsonNode() {
    Map<String, JsonNode> present = new LinkedHashMap<>();
    if (desired != null) {
      present.put(DESIRED, desired.toJsonNode());
    }
    if (reported != null) {
      present.put(REPORTED, reported.toJsonNode());
    }
    otherFields.forEach((key, value) -> present.put(key, value.deepCopy()));
    return TwinJson.write(layout, present);
  }

  /** Returns these properties as compact JSON. */
  public String toJson() {
    return Json.write(toJsonNode());
  }

  /** Returns whether {@code o} has equal sections (absent and empty differ) and equal unknown members. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TwinProperties)) {
      return false;
    }
    TwinProperties that = (TwinProperties) o;
    return Objects.equals(desired, that.desired)
        && Objects.equals(reported, that.reported)
        && otherFields.equals(that.otherFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(desired, reported, otherFields);
  }

  @Override
  public String toString() {
    return toJson();
  }
}
