package io.twinsdk.core.digitaltwin;

import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.PROPERTY_LAST_UPDATE_TIME;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.PROPERTY_SOURCE_TIME;

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
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A property's metadata entry is the bookkeeping the service keeps per property in {@code $metadata}: when the
 * property was last written ({@code lastUpdateTime}) and, optionally, when its value was observed at the source
 * ({@code sourceTime}).
 *
 * <p>Timestamps are kept as the text they were given, so service values such as {@code 2023-07-20T06:40:46.6236132Z}
 * are written back unchanged; the {@link Instant} accessors parse that text. Unknown members are ignored when reading.
 */
@JsonSerialize(using = DigitalTwinPropertyMetadata.Serializer.class)
@JsonDeserialize(using = DigitalTwinPropertyMetadata.Deserializer.class)
public final class DigitalTwinPropertyMetadata {

  private static final List<String> CANONICAL_ORDER = Arrays.asList(PROPERTY_LAST_UPDATE_TIME, PROPERTY_SOURCE_TIME);

  private final String lastUpdateTime;
  private final String sourceTime;
  /** Member names as read, so a parsed entry is written back in its own order; null when built. */
  private final List<String> documentOrder;

  private DigitalTwinPropertyMetadata(String lastUpdateTime, String sourceTime, List<String> documentOrder) {
    this.lastUpdateTime = lastUpdateTime;
    this.sourceTime = sourceTime;
    this.documentOrder = documentOrder;
  }

  /** Returns a builder for an entry with neither timestamp set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from this entry's values. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.lastUpdateTime = lastUpdateTime;
    builder.sourceTime = sourceTime;
    return builder;
  }

  /** Returns when the service last wrote the property. */
  public Optional<Instant> lastUpdateTime() {
    return lastUpdateTimeText().map(DigitalTwinsTimestamps::parse);
  }

  /** Returns {@code lastUpdateTime} exactly as written in the document. */
  public Optional<String> lastUpdateTimeText() {
    return Optional.ofNullable(lastUpdateTime);
  }

  /** Returns when the property's value was observed at its source, if the writer supplied it. */
  public Optional<Instant> sourceTime() {
    return sourceTimeText().map(DigitalTwinsTimestamps::parse);
  }

  /** Returns {@code sourceTime} exactly as written in the document. */
  public Optional<String> sourceTimeText() {
    return Optional.ofNullable(sourceTime);
  }

  static DigitalTwinPropertyMetadata fromJson(JsonNode node, String pointer) {
    ObjectNode object = JsonMembers.object(node, pointer);
    String lastUpdate = null;
    String source = null;
    Iterator<Map.Entry<String, JsonNode>> members = object.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      String at = JsonMembers.pointer(pointer, member.getKey());
      if (member.getKey().equals(PROPERTY_LAST_UPDATE_TIME)) {
        lastUpdate = JsonMembers.timestamp(member.getValue(), at);
      } else if (member.getKey().equals(PROPERTY_SOURCE_TIME)) {
        source = JsonMembers.timestamp(member.getValue(), at);
      }
    }
    return new DigitalTwinPropertyMetadata(lastUpdate, source, JsonMembers.names(object));
  }

  void writeTo(JsonGenerator gen) throws IOException {
    gen.writeStartObject(this);
    for (String name : documentOrder != null ? documentOrder : CANONICAL_ORDER) {
      if (name.equals(PROPERTY_LAST_UPDATE_TIME) && lastUpdateTime != null) {
        gen.writeStringField(name, lastUpdateTime);
      } else if (name.equals(PROPERTY_SOURCE_TIME) && sourceTime != null) {
        gen.writeStringField(name, sourceTime);
      }
    }
    gen.writeEndObject();
  }

  /** Two entries are equal when their timestamps are written the same way; member order does not matter. */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof DigitalTwinPropertyMetadata)) {
      return false;
    }
    DigitalTwinPropertyMetadata that = (DigitalTwinPropertyMetadata) other;
    return Objects.equals(lastUpdateTime, that.lastUpdateTime) && Objects.equals(sourceTime, that.sourceTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(lastUpdateTime, sourceTime);
  }

  /** Returns this entry as compact JSON. */
  @Override
  public String toString() {
    return Json.write(this);
  }

  /** A builder of {@link DigitalTwinPropertyMetadata}; not thread-safe. */
  public static final class Builder {

    private String lastUpdateTime;
    private String sourceTime;

    private Builder() {}

    /** Sets when the property was last written, formatted in the service's seven-digit form. */
    public Builder lastUpdateTime(Instant lastUpdateTime) {
      Objects.requireNonNull(lastUpdateTime, "lastUpdateTime");
      this.lastUpdateTime = DigitalTwinsTimestamps.format(lastUpdateTime);
      return this;
    }

    /** Sets when the property was last written, kept exactly as given; it must be an RFC 3339 timestamp. */
    public Builder lastUpdateTime(String lastUpdateTime) {
      this.lastUpdateTime = JsonMembers.checkTimestamp(lastUpdateTime, "lastUpdateTime");
      return this;
    }

    /** Sets when the value was observed at its source, formatted in the service's seven-digit form. */
    public Builder sourceTime(Instant sourceTime) {
      Objects.requireNonNull(sourceTime, "sourceTime");
      this.sourceTime = DigitalTwinsTimestamps.format(sourceTime);
      return this;
    }

    /** Sets when the value was observed at its source, kept exactly as given; it must be an RFC 3339 timestamp. */
    public Builder sourceTime(String sourceTime) {
      this.sourceTime = JsonMembers.checkTimestamp(sourceTime, "sourceTime");
      return this;
    }

    /** Returns the entry. */
    public DigitalTwinPropertyMetadata build() {
      return new DigitalTwinPropertyMetadata(lastUpdateTime, sourceTime, null);
    }
  }

  static final class Serializer extends StdSerializer<DigitalTwinPropertyMetadata> {

    Serializer() {
      super(DigitalTwinPropertyMetadata.class);
    }

    @Override
    public void serialize(DigitalTwinPropertyMetadata value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      value.writeTo(gen);
    }
  }

  static final class Deserializer extends StdDeserializer<DigitalTwinPropertyMetadata> {

    Deserializer() {
      super(DigitalTwinPropertyMetadata.class);
    }

    @Override
    public DigitalTwinPropertyMetadata deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      return JsonMembers.read(parser, DigitalTwinPropertyMetadata::fromJson);
    }
  }
}
