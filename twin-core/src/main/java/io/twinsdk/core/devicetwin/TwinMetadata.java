package io.twinsdk.core.devicetwin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.twinsdk.core.internal.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Twin metadata is IoT Hub's record of when, and by which version, one level of a twin section was last changed: the
 * {@code $metadata} object of a section and each of its nested objects.
 *
 * <p>IoT Hub keeps metadata at every level, not only at the leaves, so that removing a nested key still leaves a trace.
 * A metadata level has a {@code $lastUpdated} timestamp, usually a {@code $lastUpdatedVersion}, the configuration that
 * last wrote it ({@code $lastUpdatedBy}, {@code $lastUpdatedByDigest}) when one did, and one child per property key.
 * Other {@code $}-prefixed members the service may add are kept and written back unchanged.
 *
 * <p>Instances are immutable. A value parsed from JSON writes back exactly as it was read (member order and explicit
 * {@code null}s included); a value built in code writes its members in the order IoT Hub uses.
 */
public final class TwinMetadata {

  static final String LAST_UPDATED = "$lastUpdated";
  static final String LAST_UPDATED_VERSION = "$lastUpdatedVersion";
  static final String LAST_UPDATED_BY = "$lastUpdatedBy";
  static final String LAST_UPDATED_BY_DIGEST = "$lastUpdatedByDigest";

  private final String lastUpdatedText;
  private final Instant lastUpdated;
  private final Long lastUpdatedVersion;
  private final String lastUpdatedBy;
  private final String lastUpdatedByDigest;
  private final Map<String, TwinMetadata> children;
  private final Map<String, JsonNode> otherFields;
  private final List<String> layout;

  private TwinMetadata(Builder builder, List<String> layout) {
    this.lastUpdatedText = builder.lastUpdatedText;
    this.lastUpdated = builder.lastUpdated;
    this.lastUpdatedVersion = builder.lastUpdatedVersion;
    this.lastUpdatedBy = builder.lastUpdatedBy;
    this.lastUpdatedByDigest = builder.lastUpdatedByDigest;
    this.children = Collections.unmodifiableMap(new LinkedHashMap<>(builder.children));
    this.otherFields = Collections.unmodifiableMap(new LinkedHashMap<>(builder.otherFields));
    this.layout = layout;
  }

  /** Returns metadata for a level last updated at {@code lastUpdated}, with no version and no children. */
  public static TwinMetadata of(Instant lastUpdated) {
    return builder(lastUpdated).build();
  }

  /** Returns metadata for a level last updated at {@code lastUpdated} by section version {@code lastUpdatedVersion}. */
  public static TwinMetadata of(Instant lastUpdated, long lastUpdatedVersion) {
    return builder(lastUpdated).lastUpdatedVersion(lastUpdatedVersion).build();
  }

  /**
   * Returns a builder for a level last updated at {@code lastUpdated}, written as UTC with millisecond precision
   * ({@code 2019-01-14T08:54:15.599Z}), the form IoT Hub writes; finer precision is dropped.
   */
  public static Builder builder(Instant lastUpdated) {
    return new Builder().lastUpdated(lastUpdated);
  }

  /**
   * Returns the metadata a {@code $metadata} object describes.
   *
   * @throws IllegalArgumentException if {@code json} is not an object, lacks {@code $lastUpdated}, or has a member of
   *     the wrong type; the message names the member
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TwinMetadata fromJsonNode(JsonNode json) {
    return parse(TwinJson.requireObject(json, "$metadata"), "$metadata");
  }

  private static TwinMetadata parse(ObjectNode json, String path) {
    Builder builder = new Builder();
    Iterator<Map.Entry<String, JsonNode>> members = json.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      String key = member.getKey();
      JsonNode value = member.getValue();
      String where = path + "." + key;
      if (key.startsWith("$")) {
        readBookkeeping(builder, key, value, where);
      } else {
        builder.child(key, parse(TwinJson.requireObject(value, where), where));
      }
    }
    if (builder.lastUpdatedText == null) {
      throw new IllegalArgumentException(path + " must have a string " + LAST_UPDATED);
    }
    return new TwinMetadata(builder, TwinJson.keysOf(json));
  }

  private static void readBookkeeping(Builder builder, String key, JsonNode value, String where) {
    if (value.isNull() && !LAST_UPDATED.equals(key)) {
      return;
    }
    switch (key) {
      case LAST_UPDATED:
        builder.lastUpdated(TwinJson.requireText(value, where));
        break;
      case LAST_UPDATED_VERSION:
        builder.lastUpdatedVersion(TwinJson.requireLong(value, where));
        break;
      case LAST_UPDATED_BY:
        builder.lastUpdatedBy(TwinJson.requireText(value, where));
        break;
      case LAST_UPDATED_BY_DIGEST:
        builder.lastUpdatedByDigest(TwinJson.requireText(value, where));
        break;
      default:
        builder.otherFields.put(key, value.deepCopy());
    }
  }

  /** Returns when this level was last updated. */
  public Instant lastUpdated() {
    return lastUpdated;
  }

  /** Returns {@code $lastUpdated} exactly as written, for example {@code 2019-01-14T08:54:15.599Z}. */
  public String lastUpdatedText() {
    return lastUpdatedText;
  }

  /** Returns the section version that last updated this level, if recorded. */
  public OptionalLong lastUpdatedVersion() {
    return lastUpdatedVersion == null ? OptionalLong.empty() : OptionalLong.of(lastUpdatedVersion);
  }

  /** Returns the id of the configuration that last updated this level, if a configuration did. */
  public Optional<String> lastUpdatedBy() {
    return Optional.ofNullable(lastUpdatedBy);
  }

  /** Returns the digest of the configuration content that last updated this level, if a configuration did. */
  public Optional<String> lastUpdatedByDigest() {
    return Optional.ofNullable(lastUpdatedByDigest);
  }

  /** Returns the metadata of property {@code key} at this level, if recorded. */
  public Optional<TwinMetadata> child(String key) {
    return Optional.ofNullable(children.get(key));
  }

  /** Returns the metadata of each property at this level, in document order; the map is unmodifiable. */
  public Map<String, TwinMetadata> children() {
    return children;
  }

  /** Returns a builder initialised with this metadata. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.lastUpdatedText = lastUpdatedText;
    builder.lastUpdated = lastUpdated;
    builder.lastUpdatedVersion = lastUpdatedVersion;
    builder.lastUpdatedBy = lastUpdatedBy;
    builder.lastUpdatedByDigest = lastUpdatedByDigest;
    builder.children.putAll(children);
    builder.otherFields.putAll(otherFields);
    return builder;
  }

  /** Returns this metadata as a {@code $metadata} JSON object. */
  @JsonValue
  public ObjectNode toJsonNode() {
    Map<String, JsonNode> present = new LinkedHashMap<>();
    present.put(LAST_UPDATED, TextNode.valueOf(lastUpdatedText));
    if (lastUpdatedVersion != null) {
      present.put(LAST_UPDATED_VERSION, LongNode.valueOf(lastUpdatedVersion));
    }
    if (lastUpdatedBy != null) {
      present.put(LAST_UPDATED_BY, TextNode.valueOf(lastUpdatedBy));
    }
    if (lastUpdatedByDigest != null) {
      present.put(LAST_UPDATED_BY_DIGEST, TextNode.valueOf(lastUpdatedByDigest));
    }
    otherFields.forEach((key, value) -> present.put(key, value.deepCopy()));
    children.forEach((key, child) -> present.put(key, child.toJsonNode()));
    return TwinJson.write(layout, present);
  }

  /** Returns this metadata as compact JSON. */
  public String toJson() {
    return Json.write(toJsonNode());
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TwinMetadata)) {
      return false;
    }
    TwinMetadata that = (TwinMetadata) o;
    return lastUpdatedText.equals(that.lastUpdatedText)
        && Objects.equals(lastUpdatedVersion, that.lastUpdatedVersion)
        && Objects.equals(lastUpdatedBy, that.lastUpdatedBy)
        && Objects.equals(lastUpdatedByDigest, that.lastUpdatedByDigest)
        && children.equals(that.children)
        && otherFields.equals(that.otherFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(lastUpdatedText, lastUpdatedVersion, lastUpdatedBy, lastUpdatedByDigest, children, otherFields);
  }

  @Override
  public String toString() {
    return toJson();
  }

  /** A builder of {@link TwinMetadata}; not thread-safe. */
  public static final class Builder {
    private String lastUpdatedText;
    private Instant lastUpdated;
    private Long lastUpdatedVersion;
    private String lastUpdatedBy;
    private String lastUpdatedByDigest;
    private final Map<String, TwinMetadata> children = new LinkedHashMap<>();
    private final Map<String, JsonNode> otherFields = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@code $lastUpdated}, truncated to milliseconds, the precision IoT Hub writes. */
    public Builder lastUpdated(Instant lastUpdated) {
      Objects.requireNonNull(lastUpdated, "lastUpdated");
      this.lastUpdated = lastUpdated.truncatedTo(ChronoUnit.MILLIS);
      this.lastUpdatedText = TwinJson.formatTimestamp(this.lastUpdated);
      return this;
    }

    /**
     * Sets {@code $lastUpdated} from its text, which is kept exactly as given.
     *
     * @throws IllegalArgumentException if {@code lastUpdated} is not an ISO 8601 timestamp
     */
    public Builder lastUpdated(String lastUpdated) {
      Objects.requireNonNull(lastUpdated, "lastUpdated");
      this.lastUpdated = TwinJson.parseTimestamp(lastUpdated, LAST_UPDATED);
      this.lastUpdatedText = lastUpdated;
      return this;
    }

    /** Sets {@code $lastUpdatedVersion}; {@code null} removes it. */
    public Builder lastUpdatedVersion(Long lastUpdatedVersion) {
      this.lastUpdatedVersion = lastUpdatedVersion;
      return this;
    }

    /** Sets {@code $lastUpdatedBy}, the configuration id; {@code null} removes it. */
    public Builder lastUpdatedBy(String lastUpdatedBy) {
      this.lastUpdatedBy = lastUpdatedBy;
      return this;
    }

    /** Sets {@code $lastUpdatedByDigest}, the configuration digest; {@code null} removes it. */
    public Builder lastUpdatedByDigest(String lastUpdatedByDigest) {
      this.lastUpdatedByDigest = lastUpdatedByDigest;
      return this;
    }

    /**
     * Sets the metadata of property {@code key}, keeping the key's position if it already has one.
     *
     * @throws IllegalArgumentException if {@code key} starts with {@code $}, which marks bookkeeping, not properties
     */
    public Builder child(String key, TwinMetadata metadata) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(metadata, "metadata");
      if (key.startsWith("$")) {
        throw new IllegalArgumentException("key must not start with '$': " + key);
      }
      children.put(key, metadata);
      return this;
    }

    /** Removes the metadata of property {@code key}, if any. */
    public Builder removeChild(String key) {
      children.remove(Objects.requireNonNull(key, "key"));
      return this;
    }

    /** Returns the metadata. */
    public TwinMetadata build() {
      return new TwinMetadata(this, null);
    }
  }
}
