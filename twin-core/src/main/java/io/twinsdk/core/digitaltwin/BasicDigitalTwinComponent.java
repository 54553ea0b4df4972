package io.twinsdk.core.digitaltwin;

import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.METADATA;

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
 * A component is a named group of properties inside a twin, typed by a DTDL Component's schema: its property values
 * plus a {@code $metadata} object with {@code $lastUpdateTime} and per-property entries, but no {@code $model}.
 *
 * <p>In JSON a component is an object with a {@code $metadata} object member; that member is what tells a component
 * from an object-valued property, and it is always written, empty if need be, because the service requires it when a
 * twin is created. Property values are {@link JsonNode}s (see the package documentation for why). A component read
 * from JSON is written back in the order it was read; one made or changed with a builder is written in the service's
 * order: properties, then {@code $metadata}.
 */
@JsonSerialize(using = BasicDigitalTwinComponent.Serializer.class)
@JsonDeserialize(using = BasicDigitalTwinComponent.Deserializer.class)
public final class BasicDigitalTwinComponent {

  private static final List<String> RESERVED = Collections.singletonList(METADATA);

  private final Map<String, JsonNode> contents;
  private final DigitalTwinMetadata metadata;
  /** Member names as read, so a parsed component is written back in its own order; null when built. */
  private final List<String> documentOrder;

  private BasicDigitalTwinComponent(Map<String, JsonNode> contents, DigitalTwinMetadata metadata,
      List<String> documentOrder) {
    this.contents = Collections.unmodifiableMap(new LinkedHashMap<>(contents));
    this.metadata = metadata;
    this.documentOrder = documentOrder;
  }

  /** Returns a builder for a component with no properties and empty metadata. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from this component's values. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.contents.putAll(contents);
    builder.metadata = metadata.toBuilder();
    return builder;
  }

  /** Returns the property values in document order, as copies that the caller may change freely. */
  public Map<String, JsonNode> contents() {
    return JsonMembers.copyOf(contents);
  }

  /** Returns a copy of the value of the property named {@code name}. */
  public Optional<JsonNode> property(String name) {
    Objects.requireNonNull(name, "name");
    JsonNode value = contents.get(name);
    return value == null ? Optional.empty() : Optional.of(value.deepCopy());
  }

  /**
   * Returns the value of the property named {@code name} bound to {@code type}, for example
   * {@code property("Network", String.class)}; empty if the property is absent or JSON {@code null}.
   *
   * @throws IllegalArgumentException if the value cannot be bound to {@code type}
   */
  public <T> Optional<T> property(String name, Class<T> type) {
    Objects.requireNonNull(name, "name");
    JsonNode value = contents.get(name);
    return value == null ? Optional.empty() : JsonMembers.convert(name, value, type);
  }

  /** Returns when the component was last written. */
  public Optional<Instant> lastUpdateTime() {
    return metadata.lastUpdateTime();
  }

  /** Returns {@code $metadata.$lastUpdateTime} exactly as written in the document. */
  public Optional<String> lastUpdateTimeText() {
    return metadata.lastUpdateTimeText();
  }

  /** Returns the per-property metadata entries in document order; the map is unmodifiable. */
  public Map<String, DigitalTwinPropertyMetadata> propertyMetadata() {
    return metadata.propertyMetadata();
  }

  /** Returns the metadata entry for the property named {@code name}. */
  public Optional<DigitalTwinPropertyMetadata> propertyMetadata(String name) {
    return metadata.propertyMetadata(name);
  }

  /** Returns whether {@code value} has the shape of a component: an object with a {@code $metadata} object. */
  static boolean isComponent(JsonNode value) {
    return value.isObject() && value.path(METADATA).isObject();
  }

  static BasicDigitalTwinComponent fromJson(JsonNode node, String pointer) {
    ObjectNode object = JsonMembers.object(node, pointer);
    Map<String, JsonNode> readContents = new LinkedHashMap<>();
    DigitalTwinMetadata readMetadata = DigitalTwinMetadata.empty();
    Iterator<Map.Entry<String, JsonNode>> members = object.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      if (member.getKey().equals(METADATA)) {
        readMetadata = DigitalTwinMetadata.fromJson(member.getValue(), JsonMembers.pointer(pointer, METADATA), false);
      } else {
        readContents.put(member.getKey(), member.getValue().deepCopy());
      }
    }
    return new BasicDigitalTwinComponent(readContents, readMetadata, JsonMembers.names(object));
  }

  void writeTo(JsonGenerator gen, SerializerProvider provider) throws IOException {
    gen.writeStartObject(this);
    for (String name : memberOrder()) {
      if (name.equals(METADATA)) {
        gen.writeFieldName(METADATA);
        metadata.writeTo(gen);
      } else {
        gen.writeFieldName(name);
        contents.get(name).serialize(gen, provider);
      }
    }
    gen.writeEndObject();
  }

  private List<String> memberOrder() {
    if (documentOrder != null) {
      return documentOrder;
    }
    List<String> order = new ArrayList<>(contents.keySet());
    order.add(METADATA);
    return order;
  }

  /** Two components are equal when their properties and metadata are; member order does not matter. */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof BasicDigitalTwinComponent)) {
      return false;
    }
    BasicDigitalTwinComponent that = (BasicDigitalTwinComponent) other;
    return contents.equals(that.contents) && metadata.equals(that.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(contents, metadata);
  }

  /** Returns this component as compact JSON. */
  @Override
  public String toString() {
    return Json.write(this);
  }

  /** A builder of {@link BasicDigitalTwinComponent}; not thread-safe. */
  public static final class Builder {

    private final Map<String, JsonNode> contents = new LinkedHashMap<>();
    private DigitalTwinMetadata.Builder metadata = DigitalTwinMetadata.builder();

    private Builder() {}

    /**
     * Sets the property named {@code name}, replacing any earlier value in its place. The value is converted to JSON
     * now: a {@link JsonNode} is copied; numbers, strings, booleans, maps, lists and beans are bound by the shared
     * mapper.
     *
     * @throws IllegalArgumentException if {@code name} is empty or {@code $metadata}, or the value has no JSON form
     */
    public Builder property(String name, Object value) {
      JsonMembers.checkName(name, "name", RESERVED);
      contents.put(name, JsonMembers.toNode(value, "value"));
      return this;
    }

    /** Removes the property named {@code name}, if there is one. */
    public Builder remove(String name) {
      contents.remove(Objects.requireNonNull(name, "name"));
      return this;
    }

    /** Sets when the component was last written, formatted in the service's seven-digit form. */
    public Builder lastUpdateTime(Instant lastUpdateTime) {
      metadata.lastUpdateTime(lastUpdateTime);
      return this;
    }

    /** Sets when the component was last written, kept exactly as given; it must be an RFC 3339 timestamp. */
    public Builder lastUpdateTime(String lastUpdateTime) {
      metadata.lastUpdateTime(lastUpdateTime);
      return this;
    }

    /** Sets the metadata entry for the property named {@code name}. */
    public Builder propertyMetadata(String name, DigitalTwinPropertyMetadata propertyMetadata) {
      metadata.propertyMetadata(name, propertyMetadata);
      return this;
    }

    /** Removes the metadata entry for the property named {@code name}, if there is one. */
    public Builder removePropertyMetadata(String name) {
      metadata.removePropertyMetadata(name);
      return this;
    }

    /** Returns the component. */
    public BasicDigitalTwinComponent build() {
      return new BasicDigitalTwinComponent(contents, metadata.build(), null);
    }
  }

  static final class Serializer extends StdSerializer<BasicDigitalTwinComponent> {

    Serializer() {
      super(BasicDigitalTwinComponent.class);
    }

    @Override
    public void serialize(BasicDigitalTwinComponent value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      value.writeTo(gen, provider);
    }
  }

  static final class Deserializer extends StdDeserializer<BasicDigitalTwinComponent> {

    Deserializer() {
      super(BasicDigitalTwinComponent.class);
    }

    @Override
    public BasicDigitalTwinComponent deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      return JsonMembers.read(parser, BasicDigitalTwinComponent::fromJson);
    }
  }
}
