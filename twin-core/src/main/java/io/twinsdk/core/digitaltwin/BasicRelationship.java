package io.twinsdk.core.digitaltwin;

import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.ETAG;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_ID;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_NAME;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_SOURCE_ID;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_TARGET_ID;

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
 * A relationship is a directed, named edge from a source twin to a target twin, with its own id ({@code
 * $relationshipId}, unique per source twin), ETag and property values.
 *
 * <pre>{@code
 * BasicRelationship contains = BasicRelationship.builder()
 *     .id("floor1-room1").sourceId("floor1").name("contains").targetId("room1")
 *     .property("isAccessRestricted", true)
 *     .build();
 * }</pre>
 *
 * <p>The target and the name are required. The id and the source are optional because a create request's body leaves
 * them out (the URL names them). Relationships have no {@code $metadata}. A relationship read from JSON is written
 * back in the order it was read; one made or changed with a builder is written in the service's order:
 * {@code $relationshipId}, {@code $etag}, {@code $sourceId}, {@code $relationshipName}, {@code $targetId}, properties.
 */
@JsonSerialize(using = BasicRelationship.Serializer.class)
@JsonDeserialize(using = BasicRelationship.Deserializer.class)
public final class BasicRelationship {

  private static final List<String> RESERVED =
      Arrays.asList(RELATIONSHIP_ID, ETAG, RELATIONSHIP_SOURCE_ID, RELATIONSHIP_NAME, RELATIONSHIP_TARGET_ID);

  private final String id;
  private final String etag;
  private final String sourceId;
  private final String name;
  private final String targetId;
  private final Map<String, JsonNode> properties;
  /** Member names as read, so a parsed relationship is written back in its own order; null when built. */
  private final List<String> documentOrder;

  private BasicRelationship(Builder builder, Map<String, JsonNode> properties, List<String> documentOrder) {
    this.id = builder.id;
    this.etag = builder.etag;
    this.sourceId = builder.sourceId;
    this.name = builder.name;
    this.targetId = builder.targetId;
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    this.documentOrder = documentOrder;
  }

  /** Returns a builder for a relationship; {@link Builder#name} and {@link Builder#targetId} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from this relationship's values; it builds in the service's order. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.id = id;
    builder.etag = etag;
    builder.sourceId = sourceId;
    builder.name = name;
    builder.targetId = targetId;
    builder.properties.putAll(properties);
    return builder;
  }

  /** Returns the relationship id, {@code $relationshipId}. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** Returns the weak ETag, {@code $etag}. */
  public Optional<String> etag() {
    return Optional.ofNullable(etag);
  }

  /** Returns the id of the source twin, {@code $sourceId}. */
  public Optional<String> sourceId() {
    return Optional.ofNullable(sourceId);
  }

  /** Returns the relationship's name as declared in the source twin's model, {@code $relationshipName}. */
  public String name() {
    return name;
  }

  /** Returns the id of the target twin, {@code $targetId}. */
  public String targetId() {
    return targetId;
  }

  /** Returns the property values in document order, as copies that the caller may change freely. */
  public Map<String, JsonNode> properties() {
    return JsonMembers.copyOf(properties);
  }

  /** Returns a copy of the value of the property named {@code name}. */
  public Optional<JsonNode> property(String name) {
    JsonNode value = properties.get(Objects.requireNonNull(name, "name"));
    return value == null ? Optional.empty() : Optional.of(value.deepCopy());
  }

  /**
   * Returns the value of the property named {@code name} bound to {@code type}; empty if the property is absent or
   * JSON {@code null}.
   *
   * @throws IllegalArgumentException if the value cannot be bound to {@code type}
   */
  public <T> Optional<T> property(String name, Class<T> type) {
    JsonNode value = properties.get(Objects.requireNonNull(name, "name"));
    return value == null ? Optional.empty() : JsonMembers.convert(name, value, type);
  }

  static BasicRelationship fromJson(JsonNode node, String pointer) {
    ObjectNode object = JsonMembers.object(node, pointer);
    Builder read = new Builder();
    Map<String, JsonNode> readProperties = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> members = object.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      String memberName = member.getKey();
      String at = JsonMembers.pointer(pointer, memberName);
      if (RESERVED.contains(memberName)) {
        String text = JsonMembers.text(member.getValue(), at);
        switch (memberName) {
          case RELATIONSHIP_ID:
            read.id = text;
            break;
          case ETAG:
            read.etag = text;
            break;
          case RELATIONSHIP_SOURCE_ID:
            read.sourceId = text;
            break;
          case RELATIONSHIP_NAME:
            read.name = text;
            break;
          default:
            read.targetId = text;
            break;
        }
      } else {
        readProperties.put(memberName, member.getValue().deepCopy());
      }
    }
    requireMember(read.name, pointer, RELATIONSHIP_NAME);
    requireMember(read.targetId, pointer, RELATIONSHIP_TARGET_ID);
    return new BasicRelationship(read, readProperties, JsonMembers.names(object));
  }

  private static void requireMember(String value, String pointer, String member) {
    if (value == null) {
      throw new IllegalArgumentException("Member " + JsonMembers.pointer(pointer, member) + " is required");
    }
  }

  void writeTo(JsonGenerator gen, SerializerProvider provider) throws IOException {
    gen.writeStartObject(this);
    for (String member : memberOrder()) {
      String text = reservedValue(member);
      if (text != null) {
        gen.writeStringField(member, text);
      } else if (!RESERVED.contains(member)) {
        gen.writeFieldName(member);
        properties.get(member).serialize(gen, provider);
      }
    }
    gen.writeEndObject();
  }

  private String reservedValue(String member) {
    switch (member) {
      case RELATIONSHIP_ID:
        return id;
      case ETAG:
        return etag;
      case RELATIONSHIP_SOURCE_ID:
        return sourceId;
      case RELATIONSHIP_NAME:
        return name;
      case RELATIONSHIP_TARGET_ID:
        return targetId;
      default:
        return null;
    }
  }

  private List<String> memberOrder() {
    if (documentOrder != null) {
      return documentOrder;
    }
    List<String> order = new ArrayList<>(RESERVED);
    order.addAll(properties.keySet());
    return order;
  }

  /** Two relationships are equal when all their values are; member order does not matter. */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof BasicRelationship)) {
      return false;
    }
    BasicRelationship that = (BasicRelationship) other;
    return Objects.equals(id, that.id)
        && Objects.equals(etag, that.etag)
        && Objects.equals(sourceId, that.sourceId)
        && name.equals(that.name)
        && targetId.equals(that.targetId)
        && properties.equals(that.properties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, etag, sourceId, name, targetId, properties);
  }

  /** Returns this relationship as compact JSON. */
  @Override
  public String toString() {
    return Json.write(this);
  }

  /** A builder of {@link BasicRelationship}; not thread-safe. */
  public static final class Builder {

    private String id;
    private String etag;
    private String sourceId;
    private String name;
    private String targetId;
    private final Map<String, JsonNode> properties = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the relationship id, {@code $relationshipId}. */
    public Builder id(String id) {
      this.id = JsonMembers.checkText(id, "id");
      return this;
    }

    /** Sets the ETag, {@code $etag}, as the service wrote it. */
    public Builder etag(String etag) {
      this.etag = JsonMembers.checkText(etag, "etag");
      return this;
    }

    /** Sets the id of the source twin, {@code $sourceId}. */
    public Builder sourceId(String sourceId) {
      this.sourceId = JsonMembers.checkText(sourceId, "sourceId");
      return this;
    }

    /** Sets the relationship's name, {@code $relationshipName}; required. */
    public Builder name(String name) {
      this.name = JsonMembers.checkText(name, "name");
      return this;
    }

    /** Sets the id of the target twin, {@code $targetId}; required. */
    public Builder targetId(String targetId) {
      this.targetId = JsonMembers.checkText(targetId, "targetId");
      return this;
    }

    /**
     * Sets the property named {@code name}, replacing any earlier value in its place. The value is converted to JSON
     * now: a {@link JsonNode} is copied; other values are bound by the shared mapper.
     *
     * @throws IllegalArgumentException if {@code name} is empty or one of the reserved {@code $} names
     */
    public Builder property(String name, Object value) {
      JsonMembers.checkName(name, "name", RESERVED);
      properties.put(name, JsonMembers.toNode(value, "value"));
      return this;
    }

    /** Removes the property named {@code name}, if there is one. */
    public Builder remove(String name) {
      properties.remove(Objects.requireNonNull(name, "name"));
      return this;
    }

    /**
     * Returns the relationship.
     *
     * @throws IllegalStateException if the name or the target id is not set
     */
    public BasicRelationship build() {
      if (name == null) {
        throw new IllegalStateException("name is required");
      }
      if (targetId == null) {
        throw new IllegalStateException("targetId is required");
      }
      return new BasicRelationship(this, properties, null);
    }
  }

  static final class Serializer extends StdSerializer<BasicRelationship> {

    Serializer() {
      super(BasicRelationship.class);
    }

    @Override
    public void serialize(BasicRelationship value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      value.writeTo(gen, provider);
    }
  }

  static final class Deserializer extends StdDeserializer<BasicRelationship> {

    Deserializer() {
      super(BasicRelationship.class);
    }

    @Override
    public BasicRelationship deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      return JsonMembers.read(parser, BasicRelationship::fromJson);
    }
  }
}
