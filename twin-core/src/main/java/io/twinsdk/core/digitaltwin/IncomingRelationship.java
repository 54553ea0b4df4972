package io.twinsdk.core.digitaltwin;

import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_ID;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_LINK;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_NAME;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_SOURCE_ID;

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
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An incoming relationship is the service's summary of a relationship that points at a twin, as listed by
 * {@code GET /digitaltwins/{id}/incomingrelationships}: the relationship's id, its source twin, its name and a link
 * to the full relationship resource.
 *
 * <p>All four members are required. One read from JSON is written back in the order it was read; one made with
 * {@link #of} is written in the service's order: {@code $relationshipId}, {@code $sourceId},
 * {@code $relationshipName}, {@code $relationshipLink}. Members other than these four are ignored when reading.
 */
@JsonSerialize(using = IncomingRelationship.Serializer.class)
@JsonDeserialize(using = IncomingRelationship.Deserializer.class)
public final class IncomingRelationship {

  private static final List<String> CANONICAL_ORDER =
      Arrays.asList(RELATIONSHIP_ID, RELATIONSHIP_SOURCE_ID, RELATIONSHIP_NAME, RELATIONSHIP_LINK);

  private final String id;
  private final String sourceId;
  private final String name;
  private final String link;
  /** Member names as read, so a parsed entry is written back in its own order; null when made by {@link #of}. */
  private final List<String> documentOrder;

  private IncomingRelationship(String id, String sourceId, String name, String link, List<String> documentOrder) {
    this.id = id;
    this.sourceId = sourceId;
    this.name = name;
    this.link = link;
    this.documentOrder = documentOrder;
  }

  /**
   * Returns the incoming relationship with these values.
   *
   * @param id the relationship id, {@code $relationshipId}
   * @param sourceId the source twin, {@code $sourceId}
   * @param name the relationship name, {@code $relationshipName}
   * @param link the path or URL of the relationship resource, {@code $relationshipLink}
   */
  public static IncomingRelationship of(String id, String sourceId, String name, String link) {
    return new IncomingRelationship(JsonMembers.checkText(id, "id"), JsonMembers.checkText(sourceId, "sourceId"),
        JsonMembers.checkText(name, "name"), JsonMembers.checkText(link, "link"), null);
  }

  /** Returns the relationship id, {@code $relationshipId}. */
  public String id() {
    return id;
  }

  /** Returns the id of the source twin, {@code $sourceId}. */
  public String sourceId() {
    return sourceId;
  }

  /** Returns the relationship's name, {@code $relationshipName}. */
  public String name() {
    return name;
  }

  /** Returns the path or URL of the relationship resource, {@code $relationshipLink}. */
  public String link() {
    return link;
  }

  static IncomingRelationship fromJson(JsonNode node, String pointer) {
    ObjectNode object = JsonMembers.object(node, pointer);
    return new IncomingRelationship(
        required(object, pointer, RELATIONSHIP_ID),
        required(object, pointer, RELATIONSHIP_SOURCE_ID),
        required(object, pointer, RELATIONSHIP_NAME),
        required(object, pointer, RELATIONSHIP_LINK),
        JsonMembers.names(object));
  }

  private static String required(ObjectNode object, String pointer, String member) {
    String at = JsonMembers.pointer(pointer, member);
    JsonNode value = object.get(member);
    if (value == null) {
      throw new IllegalArgumentException("Member " + at + " is required");
    }
    return JsonMembers.text(value, at);
  }

  void writeTo(JsonGenerator gen) throws IOException {
    gen.writeStartObject(this);
    for (String member : documentOrder != null ? documentOrder : CANONICAL_ORDER) {
      switch (member) {
        case RELATIONSHIP_ID:
          gen.writeStringField(member, id);
          break;
        case RELATIONSHIP_SOURCE_ID:
          gen.writeStringField(member, sourceId);
          break;
        case RELATIONSHIP_NAME:
          gen.writeStringField(member, name);
          break;
        case RELATIONSHIP_LINK:
          gen.writeStringField(member, link);
          break;
        default:
          break;
      }
    }
    gen.writeEndObject();
  }

  /** Two incoming relationships are equal when their four values are; member order does not matter. */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof IncomingRelationship)) {
      return false;
    }
    IncomingRelationship that = (IncomingRelationship) other;
    return id.equals(that.id) && sourceId.equals(that.sourceId) && name.equals(that.name) && link.equals(that.link);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, sourceId, name, link);
  }

  /** Returns this entry as compact JSON. */
  @Override
  public String toString() {
    return Json.write(this);
  }

  static final class Serializer extends StdSerializer<IncomingRelationship> {

    Serializer() {
      super(IncomingRelationship.class);
    }

    @Override
    public void serialize(IncomingRelationship value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      value.writeTo(gen);
    }
  }

  static final class Deserializer extends StdDeserializer<IncomingRelationship> {

    Deserializer() {
      super(IncomingRelationship.class);
    }

    @Override
    public IncomingRelationship deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      return JsonMembers.read(parser, IncomingRelationship::fromJson);
    }
  }
}
