package io.twinsdk.core.digitaltwin;

import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.DIGITAL_TWIN_ID;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.ETAG;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A digital twin is an Azure Digital Twins document: its id ({@code $dtId}), ETag ({@code $etag}), metadata
 * ({@code $metadata}, holding the model) and contents, which are the twin's properties and components in document
 * order.
 *
 * <pre>{@code
 * BasicDigitalTwin twin = BasicDigitalTwin.builder("room1")
 *     .model("dtmi:example:Room;1")
 *     .property("Temperature", 70)
 *     .component("wifi", BasicDigitalTwinComponent.builder().property("Network", "Room1").build())
 *     .build();
 * double temperature = twin.property("Temperature", Double.class).orElse(0.0);
 * }</pre>
 *
 * <p>A content member whose value is an object with a {@code $metadata} object is a component; every other member is
 * a property. The id is optional because request bodies may leave it out (the URL names the twin). A twin read from
 * JSON is written back with its members in the order they were read, numbers in the form they were written and
 * timestamps unchanged; a twin made or changed with a builder is written in the service's order: {@code $dtId},
 * {@code $etag}, contents, {@code $metadata}. Instances are immutable; accessors return copies of JSON values.
 */
@JsonSerialize(using = BasicDigitalTwin.Serializer.class)
@JsonDeserialize(using = BasicDigitalTwin.Deserializer.class)
public final class BasicDigitalTwin {

  private static final List<String> RESERVED = Arrays.asList(DIGITAL_TWIN_ID, ETAG, METADATA);

  private final String id;
  private final String etag;
  private final DigitalTwinMetadata metadata;
  /** Values are {@link JsonNode}s (properties) or {@link BasicDigitalTwinComponent}s, in document order. */
  private final Map<String, Object> contents;
  /** Member names as read, so a parsed twin is written back in its own order; null when built. */
  private final List<String> documentOrder;

  private BasicDigitalTwin(String id, String etag, DigitalTwinMetadata metadata, Map<String, Object> contents,
      List<String> documentOrder) {
    this.id = id;
    this.etag = etag;
    this.metadata = metadata;
    this.contents = Collections.unmodifiableMap(new LinkedHashMap<>(contents));
    this.documentOrder = documentOrder;
  }

  /** Returns a builder for a twin with the id {@code id}. */
  public static Builder builder(String id) {
    return new Builder().id(id);
  }

  /** Returns a builder for a twin without an id, as in the body of a create request, where the URL names the twin. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from this twin's values; what it builds is written in the service's order. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.id = id;
    builder.etag = etag;
    builder.metadata = metadata.toBuilder();
    builder.contents.putAll(contents);
    return builder;
  }

  /** Returns the twin id, {@code $dtId}. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** Returns the weak ETag, {@code $etag}, such as {@code W/"a2959dfc-2b56-4142-90ea-5a3d72ac9cb6"}. */
  public Optional<String> etag() {
    return Optional.ofNullable(etag);
  }

  /** Returns the twin's {@code $metadata}; empty metadata if the document had none. */
  public DigitalTwinMetadata metadata() {
    return metadata;
  }

  /** Returns the DTMI of the twin's model, {@code $metadata.$model}. */
  public Optional<String> model() {
    return metadata.model();
  }

  /** Returns all properties and components in document order, as JSON copies that the caller may change freely. */
  public Map<String, JsonNode> contents() {
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    contents.forEach((name, value) -> copy.put(name, toJson(value)));
    return Collections.unmodifiableMap(copy);
  }

  /** Returns the properties (contents that are not components) in document order, as copies. */
  public Map<String, JsonNode> properties() {
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    contents.forEach((name, value) -> {
      if (value instanceof JsonNode) {
        copy.put(name, ((JsonNode) value).deepCopy());
      }
    });
    return Collections.unmodifiableMap(copy);
  }

  /** Returns the components in document order; the map is unmodifiable. */
  public Map<String, BasicDigitalTwinComponent> components() {
    Map<String, BasicDigitalTwinComponent> components = new LinkedHashMap<>();
    contents.forEach((name, value) -> {
      if (value instanceof BasicDigitalTwinComponent) {
        components.put(name, (BasicDigitalTwinComponent) value);
      }
    });
    return Collections.unmodifiableMap(components);
  }

  /** Returns a copy of the value of the property named {@code name}; empty if absent or if it names a component. */
  public Optional<JsonNode> property(String name) {
    Object value = contents.get(Objects.requireNonNull(name, "name"));
    return value instanceof JsonNode ? Optional.of(((JsonNode) value).deepCopy()) : Optional.empty();
  }

  /**
   * Returns the value of the property named {@code name} bound to {@code type}, for example
   * {@code property("Temperature", Double.class)}; empty if the property is absent or JSON {@code null}.
   *
   * @throws IllegalArgumentException if the value cannot be bound to {@code type}
   */
  public <T> Optional<T> property(String name, Class<T> type) {
    Object value = contents.get(Objects.requireNonNull(name, "name"));
    return value instanceof JsonNode ? JsonMembers.convert(name, (JsonNode) value, type) : Optional.empty();
  }

  /** Returns the component named {@code name}. */
  public Optional<BasicDigitalTwinComponent> component(String name) {
    Object value = contents.get(Objects.requireNonNull(name, "name"));
    return value instanceof BasicDigitalTwinComponent
        ? Optional.of((BasicDigitalTwinComponent) value)
        : Optional.empty();
  }

  private static JsonNode toJson(Object value) {
    return value instanceof JsonNode ? ((JsonNode) value).deepCopy() : Json.mapper().valueToTree(value);
  }

  static BasicDigitalTwin fromJson(JsonNode node, String pointer) {
    ObjectNode object = JsonMembers.object(node, pointer);
    String readId = null;
    String readEtag = null;
    DigitalTwinMetadata readMetadata = DigitalTwinMetadata.empty();
    Map<String, Object> readContents = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> members = object.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      String name = member.getKey();
      JsonNode value = member.getValue();
      String at = JsonMembers.pointer(pointer, name);
      if (name.equals(DIGITAL_TWIN_ID)) {
        readId = JsonMembers.text(value, at);
      } else if (name.equals(ETAG)) {
        readEtag = JsonMembers.text(value, at);
      } else if (name.equals(METADATA)) {
        readMetadata = DigitalTwinMetadata.fromJson(value, at, true);
      } else if (BasicDigitalTwinComponent.isComponent(value)) {
        readContents.put(name, BasicDigitalTwinComponent.fromJson(value, at));
      } else {
        readContents.put(name, value.deepCopy());
      }
    }
    return new BasicDigitalTwin(readId, readEtag, readMetadata, readContents, JsonMembers.names(object));
  }

  void writeTo(JsonGenerator gen, SerializerProvider provider) throws IOException {
    gen.writeStartObject(this);
    for (String name : memberOrder()) {
      if (name.equals(DIGITAL_TWIN_ID)) {
        gen.writeStringField(name, id);
      } else if (name.equals(ETAG)) {
        gen.writeStringField(name, etag);
      } else if (name.equals(METADATA)) {
        gen.writeFieldName(name);
        metadata.writeTo(gen);
      } else {
        gen.writeFieldName(name);
        Object value = contents.get(name);
        if (value instanceof BasicDigitalTwinComponent) {
          ((BasicDigitalTwinComponent) value).writeTo(gen, provider);
        } else {
          ((JsonNode) value).serialize(gen, provider);
        }
      }
    }
    gen.writeEndObject();
  }

  private List<String> memberOrder() {
    if (documentOrder != null) {
      return documentOrder;
    }
    List<String> order = new ArrayList<>(contents.size() + 3);
    if (id != null) {
      order.add(DIGITAL_TWIN_ID);
    }
    if (etag != null) {
      order.add(ETAG);
    }
    order.addAll(contents.keySet());
    order.add(METADATA);
    return order;
  }

  /** Two twins are equal when their id, ETag, metadata and contents are; member order does not matter. */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof BasicDigitalTwin)) {
      return false;
    }
    BasicDigitalTwin that = (BasicDigitalTwin) other;
    return Objects.equals(id, that.id)
        && Objects.equals(etag, that.etag)
        && metadata.equals(that.metadata)
        && contents.equals(that.contents);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, etag, metadata, contents);
  }

  /** Returns this twin as compact JSON. */
  @Override
  public String toString() {
    return Json.write(this);
  }

  /** A builder of {@link BasicDigitalTwin}; not thread-safe. */
  public static final class Builder {

    private String id;
    private String etag;
    private DigitalTwinMetadata.Builder metadata = DigitalTwinMetadata.builder();
    private final Map<String, Object> contents = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the twin id, {@code $dtId}. */
    public Builder id(String id) {
      this.id = JsonMembers.checkText(id, "id");
      return this;
    }

    /** Sets the ETag, {@code $etag}, as the service wrote it. */
    public Builder etag(String etag) {
      this.etag = JsonMembers.checkText(etag, "etag");
      return this;
    }

    /** Sets the DTMI of the twin's model, {@code $metadata.$model}, keeping the rest of the metadata. */
    public Builder model(String model) {
      metadata.model(model);
      return this;
    }

    /** Replaces the whole {@code $metadata}, model included. */
    public Builder metadata(DigitalTwinMetadata metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata").toBuilder();
      return this;
    }

    /**
     * Sets the property named {@code name}, replacing any earlier property or component in its place. The value is
     * converted to JSON now: a {@link JsonNode} is copied; numbers, strings, booleans, maps, lists and beans are bound
     * by the shared mapper. A value whose JSON is an object with a {@code $metadata} object becomes a component, as
     * it would when read from JSON.
     *
     * @throws IllegalArgumentException if {@code name} is empty or reserved ({@code $dtId}, {@code $etag},
     *     {@code $metadata}), or the value has no JSON form
     */
    public Builder property(String name, Object value) {
      JsonMembers.checkName(name, "name", RESERVED);
      if (value instanceof BasicDigitalTwinComponent) {
        contents.put(name, value);
        return this;
      }
      JsonNode node = JsonMembers.toNode(value, "value");
      contents.put(name, BasicDigitalTwinComponent.isComponent(node)
          ? BasicDigitalTwinComponent.fromJson(node, JsonMembers.pointer("", name))
          : node);
      return this;
    }

    /** Sets the component named {@code name}, replacing any earlier property or component in its place. */
    public Builder component(String name, BasicDigitalTwinComponent component) {
      JsonMembers.checkName(name, "name", RESERVED);
      contents.put(name, Objects.requireNonNull(component, "component"));
      return this;
    }

    /** Removes the property or component named {@code name}, if there is one. */
    public Builder remove(String name) {
      contents.remove(Objects.requireNonNull(name, "name"));
      return this;
    }

    /** Returns the twin. */
    public BasicDigitalTwin build() {
      return new BasicDigitalTwin(id, etag, metadata.build(), contents, null);
    }
  }

  static final class Serializer extends StdSerializer<BasicDigitalTwin> {

    Serializer() {
      super(BasicDigitalTwin.class);
    }

    @Override
    public void serialize(BasicDigitalTwin value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      value.writeTo(gen, provider);
    }
  }

  static final class Deserializer extends StdDeserializer<BasicDigitalTwin> {

    Deserializer() {
      super(BasicDigitalTwin.class);
    }

    @Override
    public BasicDigitalTwin deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      return JsonMembers.read(parser, BasicDigitalTwin::fromJson);
    }
  }
}
