package io.twinsdk.core.digitaltwin;

import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.METADATA_LAST_UPDATE_TIME;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.METADATA_MODEL;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.twinsdk.core.internal.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A twin's metadata is its {@code $metadata} object: the model the twin conforms to ({@code $model}), when the twin
 * was last written ({@code $lastUpdateTime}), and one {@link DigitalTwinPropertyMetadata} entry per property.
 *
 * <p>Entries are kept in document order. When reading, members whose name starts with {@code $} other than
 * {@code $model} and {@code $lastUpdateTime} are ignored, because property names cannot start with {@code $}.
 * A metadata object read from JSON is written back with its members in the order they were read; one made or changed
 * with a builder is written in the service's order: {@code $model}, {@code $lastUpdateTime}, then the entries.
 */
@JsonSerialize(using = DigitalTwinMetadata.Serializer.class)
@JsonDeserialize(using = DigitalTwinMetadata.Deserializer.class)
public final class DigitalTwinMetadata {

  private static final DigitalTwinMetadata EMPTY = new Builder().build();

  private final String model;
  private final String lastUpdateTime;
  private final Map<String, DigitalTwinPropertyMetadata> properties;
  /** Member names as read, so a parsed object is written back in its own order; null when built. */
  private final List<String> documentOrder;

  private DigitalTwinMetadata(String model, String lastUpdateTime, Map<String, DigitalTwinPropertyMetadata> properties,
      List<String> documentOrder) {
    this.model = model;
    this.lastUpdateTime = lastUpdateTime;
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    this.documentOrder = documentOrder;
  }

  /** Returns a builder for metadata with no model, no timestamp and no entries. */
  public static Builder builder() {
    return new Builder();
  }

  static DigitalTwinMetadata empty() {
    return EMPTY;
  }

  /** Returns a builder that starts from this metadata's values. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.model = model;
    builder.lastUpdateTime = lastUpdateTime;
    builder.properties.putAll(properties);
    return builder;
  }

  /** Returns the DTMI of the twin's model, such as {@code dtmi:example:Room;1}. */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /** Returns when the twin was last written. */
  public Optional<Instant> lastUpdateTime() {
    return lastUpdateTimeText().map(DigitalTwinsTimestamps::parse);
  }

  /** Returns {@code $lastUpdateTime} exactly as written in the document. */
  public Optional<String> lastUpdateTimeText() {
    return Optional.ofNullable(lastUpdateTime);
  }

  /** Returns the per-property entries in document order; the map is unmodifiable. */
  public Map<String, DigitalTwinPropertyMetadata> propertyMetadata() {
    return properties;
  }

  /** Returns the entry for the property named {@code name}. */
  public Optional<DigitalTwinPropertyMetadata> propertyMetadata(String name) {
    return Optional.ofNullable(properties.get(Objects.requireNonNull(name, "name")));
  }

  /**
   * Reads a {@code $metadata} object. A component's metadata has no model, so {@code $model} is read only when
   * {@code withModel} is set and ignored otherwise.
   */
  static DigitalTwinMetadata fromJson(JsonNode node, String pointer, boolean withModel) {
    ObjectNode object = JsonMembers.object(node, pointer);
    String readModel = null;
    String readLastUpdateTime = null;
    Map<String, DigitalTwinPropertyMetadata> entries = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> members = object.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      String name = member.getKey();
      String at = JsonMembers.pointer(pointer, name);
      if (name.equals(METADATA_MODEL)) {
        if (withModel) {
          readModel = JsonMembers.text(member.getValue(), at);
        }
      } else if (name.equals(METADATA_LAST_UPDATE_TIME)) {
        readLastUpdateTime = JsonMembers.timestamp(member.getValue(), at);
      } else if (!name.startsWith("$")) {
        entries.put(name, DigitalTwinPropertyMetadata.fromJson(member.getValue(), at));
      }
    }
    return new DigitalTwinMetadata(readModel, readLastUpdateTime, entries, JsonMembers.names(object));
  }

  void writeTo(JsonGenerator gen) throws IOException {
    gen.writeStartObject(this);
    for (String name : memberOrder()) {
      if (name.equals(METADATA_MODEL)) {
        if (model != null) {
          gen.writeStringField(name, model);
        }
      } else if (name.equals(METADATA_LAST_UPDATE_TIME)) {
        if (lastUpdateTime != null) {
          gen.writeStringField(name, lastUpdateTime);
        }
      } else {
        DigitalTwinPropertyMetadata entry = properties.get(name);
        if (entry != null) {
          gen.writeFieldName(name);
          entry.writeTo(gen);
        }
      }
    }
    gen.writeEndObject();
  }

  private List<String> memberOrder() {
    if (documentOrder != null) {
      return documentOrder;
    }
    List<String> order = new ArrayList<>(properties.size() + 2);
    order.add(METADATA_MODEL);
    order.add(METADATA_LAST_UPDATE_TIME);
    order.addAll(properties.keySet());
    return order;
  }

  /** Two metadata objects are equal when their values are; member order does not matter. */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof DigitalTwinMetadata)) {
      return false;
    }
    DigitalTwinMetadata that = (DigitalTwinMetadata) other;
    return Objects.equals(model, that.model)
        && Objects.equals(lastUpdateTime, that.lastUpdateTime)
        && properties.equals(that.properties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(model, lastUpdateTime, properties);
  }

  /** Returns this metadata as compact JSON. */
  @Override
  public String toString() {
    return Json.write(this);
  }

  /** A builder of {@link DigitalTwinMetadata}; not thread-safe. */
  public static final class Builder {

    private String model;
    private String lastUpdateTime;
    private final Map<String, DigitalTwinPropertyMetadata> properties = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the DTMI of the twin's model. */
    public Builder model(String model) {
      this.model = JsonMembers.checkText(model, "model");
      return this;
    }

    /** Sets when the twin was last written, formatted in the service's seven-digit form. */
    public Builder lastUpdateTime(Instant lastUpdateTime) {
      Objects.requireNonNull(lastUpdateTime, "lastUpdateTime");
      this.lastUpdateTime = DigitalTwinsTimestamps.format(lastUpdateTime);
      return this;
    }

    /** Sets when the twin was last written, kept exactly as given; it must be an RFC 3339 timestamp. */
    public Builder lastUpdateTime(String lastUpdateTime) {
      this.lastUpdateTime = JsonMembers.checkTimestamp(lastUpdateTime, "lastUpdateTime");
      return this;
    }

    /**
     * Sets the entry for the property named {@code name}, replacing any earlier one in its place.
     *
     * @throws IllegalArgumentException if {@code name} is empty or starts with {@code $}
     */
    public Builder propertyMetadata(String name, DigitalTwinPropertyMetadata metadata) {
      JsonMembers.checkText(name, "name");
      if (name.startsWith("$")) {
        throw new IllegalArgumentException("name \"" + name + "\" starts with $, which property names cannot");
      }
      properties.put(name, Objects.requireNonNull(metadata, "metadata"));
      return this;
    }

    /** Removes the entry for the property named {@code name}, if there is one. */
    public Builder removePropertyMetadata(String name) {
      properties.remove(Objects.requireNonNull(name, "name"));
      return this;
    }

    /** Returns the metadata. */
    public DigitalTwinMetadata build() {
      return new DigitalTwinMetadata(model, lastUpdateTime, properties, null);
    }
  }

  static final class Serializer extends StdSerializer<DigitalTwinMetadata> {

    Serializer() {
      super(DigitalTwinMetadata.class);
    }

    @Override
    public void serialize(DigitalTwinMetadata value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      value.writeTo(gen);
    }
  }

  static final class Deserializer extends StdDeserializer<DigitalTwinMetadata> {

    Deserializer() {
      super(DigitalTwinMetadata.class);
    }

    @Override
    public DigitalTwinMetadata deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      return JsonMembers.read(parser, (node, pointer) -> fromJson(node, pointer, true));
    }
  }
}
