package io.twinsdk.core.devicetwin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import io.twinsdk.core.json.JsonMergePatch;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A twin collection is one section of an IoT Hub device twin — tags, desired properties or reported properties — or a
 * patch to one: an ordered set of properties whose values are JSON, plus the section's {@code $version} and
 * {@code $metadata} when the service sends them.
 *
 * <p>Values may be any JSON, nested objects included. A {@code null} value is kept as a member: in a patch or a
 * desired-property notification it means "delete this key". {@code $version} and {@code $metadata} are bookkeeping, not
 * properties: they never appear in {@link #keys()}.
 *
 * <p>Instances are immutable; every {@code with…} method and every update returns a new collection. A collection parsed
 * from JSON writes back exactly as it was read (member order, the position of {@code $version} and {@code $metadata},
 * explicit {@code null}s and number forms such as {@code 75.0}); any derived collection writes its members first, then
 * {@code $version}, then {@code $metadata}, the order IoT Hub uses.
 *
 * <p>The hub's section bookkeeping lives here so that every writer follows the same rules: {@link #applyPatch} merges a
 * patch and bumps the version and metadata, {@link #replace} swaps the whole section and returns the change to notify,
 * and {@link #newSection} is the state of a section when its twin is created.
 */
public final class TwinCollection {

  static final String VERSION = "$version";
  static final String METADATA = "$metadata";

  // Jackson would otherwise write NaN as the string "NaN", silently turning a number into text.
  private static final ObjectWriter STRICT_WRITER =
      Json.mapper().writer().without(JsonWriteFeature.WRITE_NAN_AS_STRINGS);

  private static final TwinCollection EMPTY = new TwinCollection(Collections.emptyMap(), null, null, null);

  private final Map<String, JsonNode> members;
  private final Long version;
  private final TwinMetadata metadata;
  private final List<String> layout;

  private TwinCollection(Map<String, JsonNode> members, Long version, TwinMetadata metadata, List<String> layout) {
    this.members = members;
    this.version = version;
    this.metadata = metadata;
    this.layout = layout;
  }

  private static TwinCollection derived(Map<String, JsonNode> members, Long version, TwinMetadata metadata) {
    return new TwinCollection(Collections.unmodifiableMap(members), version, metadata, null);
  }

  /** Returns the collection with no properties, no {@code $version} and no {@code $metadata}. */
  public static TwinCollection empty() {
    return EMPTY;
  }

  /**
   * Returns a desired or reported section as IoT Hub creates it with a new twin: no properties, {@code $version} 1, and
   * {@code $metadata} last updated at {@code createdAt}.
   */
  public static TwinCollection newSection(Instant createdAt) {
    return derived(new LinkedHashMap<>(), 1L, TwinMetadata.of(Objects.requireNonNull(createdAt, "createdAt")));
  }

  /**
   * Parses a collection from JSON text.
   *
   * @throws IllegalArgumentException if {@code json} is malformed, not an object, or has an invalid {@code $version}
   *     or {@code $metadata}
   */
  public static TwinCollection fromJson(String json) {
    return fromJsonNode(TwinJson.parse(json));
  }

  /**
   * Returns the collection a JSON object describes; the object is copied, not retained.
   *
   * @throws IllegalArgumentException if {@code json} is not an object or has an invalid {@code $version} or
   *     {@code $metadata}
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TwinCollection fromJsonNode(JsonNode json) {
    ObjectNode object = TwinJson.requireObject(json, "twin collection");
    Map<String, JsonNode> members = new LinkedHashMap<>();
    Long version = null;
    TwinMetadata metadata = null;
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (VERSION.equals(field.getKey())) {
        version = value.isNull() ? null : TwinJson.requireLong(value, VERSION);
      } else if (METADATA.equals(field.getKey())) {
        metadata = value.isNull() ? null : TwinMetadata.fromJsonNode(value);
      } else {
        members.put(field.getKey(), value.deepCopy());
      }
    }
    return new TwinCollection(Collections.unmodifiableMap(members), version, metadata, TwinJson.keysOf(object));
  }

  /** Returns a copy of the value of property {@code key}, a {@code NullNode} for a deletion, or empty if absent. */
  public Optional<JsonNode> get(String key) {
    JsonNode value = members.get(Objects.requireNonNull(key, "key"));
    return value == null ? Optional.empty() : Optional.of(value.deepCopy());
  }

  /** Returns whether property {@code key} is present (with a {@code null} value too). */
  public boolean containsKey(String key) {
    return members.containsKey(Objects.requireNonNull(key, "key"));
  }

  /** Returns the property keys in document order, without {@code $version} and {@code $metadata}; unmodifiable. */
  public Set<String> keys() {
    return members.keySet();
  }

  /** Returns the number of properties. */
  public int size() {
    return members.size();
  }

  /** Returns whether there are no properties; {@code $version} and {@code $metadata} do not count. */
  public boolean isEmpty() {
    return members.isEmpty();
  }

  /** Returns the section's {@code $version}, if present. */
  public OptionalLong version() {
    return version == null ? OptionalLong.empty() : OptionalLong.of(version);
  }

  /** Returns the section's root {@code $metadata}, if present; nested levels are its children. */
  public Optional<TwinMetadata> metadata() {
    return Optional.ofNullable(metadata);
  }

  /**
   * Returns this collection with property {@code key} set to {@code value}, keeping the key's position if present.
   *
   * @param value a {@link JsonNode} (copied), {@code null} (a deletion in a patch), or any value Jackson writes as JSON,
   *     such as a {@code String}, {@code Number}, {@code Boolean}, {@code Map} or {@code List}
   * @throws IllegalArgumentException if {@code key} is {@code $version} or {@code $metadata}, or {@code value} is not
   *     valid JSON (a {@code NaN} or infinite number)
   */
  public TwinCollection with(String key, Object value) {
    checkPropertyKey(key);
    Map<String, JsonNode> copy = new LinkedHashMap<>(members);
    copy.put(key, value == null ? NullNode.getInstance() : toNode(key, value));
    return derived(copy, version, metadata);
  }

  /**
   * Returns {@code value} as the shared parser would read it (75.0 as a BigDecimal, 1 as an int), so that a collection
   * built in code equals the same collection parsed from JSON.
   */
  private static JsonNode toNode(String key, Object value) {
    try {
      return Json.parse(STRICT_WRITER.writeValueAsString(value));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "value of " + key + " cannot be written as JSON (NaN and infinite numbers cannot): " + e.getMessage(), e);
    }
  }

  /** Returns this collection without property {@code key}. */
  public TwinCollection without(String key) {
    Objects.requireNonNull(key, "key");
    if (!members.containsKey(key)) {
      return this;
    }
    Map<String, JsonNode> copy = new LinkedHashMap<>(members);
    copy.remove(key);
    return derived(copy, version, metadata);
  }

  /**
   * Returns this collection with {@code $version} set.
   *
   * @throws IllegalArgumentException if {@code version} is negative
   */
  public TwinCollection withVersion(long version) {
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0, but was " + version);
    }
    return new TwinCollection(members, version, metadata, null);
  }

  /** Returns this collection without {@code $version}, as the device sends reported properties. */
  public TwinCollection withoutVersion() {
    return new TwinCollection(members, null, metadata, null);
  }

  /** Returns this collection with {@code $metadata} set. */
  public TwinCollection withMetadata(TwinMetadata metadata) {
    return new TwinCollection(members, version, Objects.requireNonNull(metadata, "metadata"), null);
  }

  /** Returns this collection without {@code $metadata}. */
  public TwinCollection withoutMetadata() {
    return new TwinCollection(members, version, null, null);
  }

  /**
   * Returns this collection with JSON Merge Patch {@code patch} applied to its properties and no other bookkeeping:
   * {@code $version} is kept, and {@code $metadata}, which would no longer describe the properties, is dropped.
   *
   * <p>Use this for tags, which IoT Hub does not version, and for a client's local copy of a section. A hub updating a
   * desired or reported section uses {@link #applyPatch}.
   *
   * @throws IllegalArgumentException if {@code patch} is not an object or has a {@code $version} or {@code $metadata}
   *     member
   */
  public TwinCollection merge(JsonNode patch) {
    ObjectNode checked = requirePatch(patch, "patch");
    return derived(mergedMembers(checked), version, null);
  }

  /**
   * Returns the section that results from applying JSON Merge Patch {@code patch} at time {@code now}, with IoT Hub's
   * bookkeeping.
   *
   * <ul>
   *   <li>Properties merge as RFC 7386 says: a {@code null} deletes, nested objects merge, other values replace.
   *   <li>{@code $version} goes up by one.
   *   <li>{@code $metadata} records {@code $lastUpdated} = {@code now} and {@code $lastUpdatedVersion} = the new
   *       version on the root and on every level the patch touches; a touched level loses {@code $lastUpdatedBy} and
   *       {@code $lastUpdatedByDigest}, since no configuration wrote it. Deleted keys lose their metadata; untouched
   *       keys keep theirs.
   * </ul>
   *
   * <p>An empty patch {@code {}} changes nothing and returns this section unchanged: the Java service client sends
   * {@code "tags":{}} and empty sections with every twin patch, and those must not bump versions.
   *
   * <p>This method does not check IoT Hub's limits; see {@link TwinRules}.
   *
   * @throws IllegalArgumentException if {@code patch} is not an object or has a {@code $version} or {@code $metadata}
   *     member
   * @throws IllegalStateException if this collection has no {@code $version} (tags are merged with {@link #merge})
   */
  public TwinCollection applyPatch(JsonNode patch, Instant now) {
    ObjectNode checked = requirePatch(patch, "patch");
    Objects.requireNonNull(now, "now");
    long next = requireVersion("applyPatch") + 1;
    if (checked.isEmpty()) {
      return this;
    }
    TwinMetadata touched = touch(metadata, membersToJsonNode(), checked, now, next);
    return derived(mergedMembers(checked), next, touched);
  }

  /**
   * Returns the section that results from replacing all properties with those of {@code replacement} at time
   * {@code now}, together with the notification IoT Hub sends the device for it.
   *
   * <p>IoT Hub diffs a replace by key presence, not by value (iothub-protocol.md §0.5): the notification holds every
   * top-level key of the new properties with its whole value, plus {@code null} for each key that was removed, e.g.
   * replacing {@code {"a":1,"b":2,"c":3}} by {@code {"a":1,"c":100}} notifies {@code {"a":1,"b":null,"c":100}}.
   *
   * <p>{@code null} members of {@code replacement} count as absent. {@code $version} goes up by one even if nothing
   * changed, since a replace is a write; {@code $metadata} is updated as by {@link #applyPatch} with the returned diff,
   * so properties whose value did not change keep their metadata.
   *
   * @throws IllegalArgumentException if {@code replacement} is not an object or has a {@code $version} or
   *     {@code $metadata} member
   * @throws IllegalStateException if this collection has no {@code $version}
   */
  public Replacement replace(JsonNode replacement, Instant now) {
    ObjectNode checked = requirePatch(replacement, "replacement");
    Objects.requireNonNull(now, "now");
    long next = requireVersion("replace") + 1;
    ObjectNode oldMembers = membersToJsonNode();
    JsonNode newMembers = JsonMergePatch.apply(null, checked);
    ObjectNode diff = (ObjectNode) JsonMergePatch.diff(oldMembers, newMembers);
    Map<String, JsonNode> members = new LinkedHashMap<>();
    newMembers.fields().forEachRemaining(member -> members.put(member.getKey(), member.getValue()));
    TwinMetadata touched = touch(metadata, oldMembers, diff, now, next);
    ObjectNode notification = JsonNodeFactory.instance.objectNode();
    oldMembers.fieldNames().forEachRemaining(key -> notification.set(key,
        newMembers.has(key) ? newMembers.get(key).deepCopy() : NullNode.getInstance()));
    newMembers.fields().forEachRemaining(member -> {
      if (!notification.has(member.getKey())) {
        notification.set(member.getKey(), member.getValue().deepCopy());
      }
    });
    return new Replacement(derived(members, next, touched), notification);
  }

  private long requireVersion(String operation) {
    if (version == null) {
      throw new IllegalStateException(operation + " needs a section with a $version (desired or reported"
          + " properties); tags are not versioned, merge them with merge(patch)");
    }
    return version;
  }

  private static ObjectNode requirePatch(JsonNode patch, String what) {
    ObjectNode object = TwinJson.requireObject(patch, what);
    if (object.has(VERSION) || object.has(METADATA)) {
      throw new IllegalArgumentException(what + " must not contain " + VERSION + " or " + METADATA
          + "; the section keeps its own bookkeeping");
    }
    return object;
  }

  private static void checkPropertyKey(String key) {
    Objects.requireNonNull(key, "key");
    if (VERSION.equals(key) || METADATA.equals(key)) {
      throw new IllegalArgumentException(
          "key " + key + " is bookkeeping, not a property; use withVersion or withMetadata");
    }
  }

  private Map<String, JsonNode> mergedMembers(ObjectNode patch) {
    Map<String, JsonNode> merged = new LinkedHashMap<>(members);
    Iterator<Map.Entry<String, JsonNode>> changes = patch.fields();
    while (changes.hasNext()) {
      Map.Entry<String, JsonNode> change = changes.next();
      if (change.getValue().isNull()) {
        merged.remove(change.getKey());
      } else {
        merged.put(change.getKey(), JsonMergePatch.apply(merged.get(change.getKey()), change.getValue()));
      }
    }
    return merged;
  }

  /**
   * Returns the metadata of a level after {@code patchValue} is merged into {@code oldValue}: the level itself is
   * stamped, and so is every level below it that the patch reaches. Where the patch merges into an existing object, the
   * old metadata of keys it does not mention is kept; anywhere else the value is new, so its metadata is too.
   */
  private static TwinMetadata touch(
      TwinMetadata old, JsonNode oldValue, JsonNode patchValue, Instant now, long version) {
    boolean mergesIntoObject = old != null && oldValue != null && oldValue.isObject() && patchValue.isObject();
    TwinMetadata.Builder level = mergesIntoObject ? old.toBuilder() : TwinMetadata.builder(now);
    level.lastUpdated(now).lastUpdatedVersion(version).lastUpdatedBy(null).lastUpdatedByDigest(null);
    if (patchValue.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> changes = patchValue.fields();
      while (changes.hasNext()) {
        Map.Entry<String, JsonNode> change = changes.next();
        String key = change.getKey();
        if (change.getValue().isNull()) {
          level.removeChild(key);
        } else {
          TwinMetadata oldChild = mergesIntoObject ? old.child(key).orElse(null) : null;
          JsonNode oldChildValue = oldValue != null && oldValue.isObject() ? oldValue.get(key) : null;
          level.child(key, touch(oldChild, oldChildValue, change.getValue(), now, version));
        }
      }
    }
    return level.build();
  }

  /** Returns this collection as JSON, with {@code $version} and {@code $metadata} if present. */
  @JsonValue
  public ObjectNode toJsonNode() {
    Map<String, JsonNode> present = new LinkedHashMap<>();
    members.forEach((key, value) -> present.put(key, value.deepCopy()));
    if (version != null) {
      present.put(VERSION, LongNode.valueOf(version));
    }
    if (metadata != null) {
      present.put(METADATA, metadata.toJsonNode());
    }
    return TwinJson.write(layout, present);
  }

  /**
   * Returns only the properties as a JSON object, without {@code $version} and {@code $metadata}: the body of a
   * reported-properties patch, or the input of {@link JsonMergePatch}.
   */
  public ObjectNode membersToJsonNode() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    members.forEach((key, value) -> out.set(key, value.deepCopy()));
    return out;
  }

  /** Returns this collection as compact JSON, as {@link #toJsonNode()} describes. */
  public String toJson() {
    return Json.write(toJsonNode());
  }

  /**
   * Returns whether {@code o} is a collection with the same properties (in any order, with the same JSON number forms),
   * {@code $version} and {@code $metadata}.
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TwinCollection)) {
      return false;
    }
    TwinCollection that = (TwinCollection) o;
    return members.equals(that.members)
        && Objects.equals(version, that.version)
        && Objects.equals(metadata, that.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(members, version, metadata);
  }

  @Override
  public String toString() {
    return toJson();
  }

  /** A replacement is the outcome of {@link TwinCollection#replace}: the new section and the change to notify. */
  public static final class Replacement {
    private final TwinCollection section;
    private final ObjectNode notification;

    private Replacement(TwinCollection section, ObjectNode notification) {
      this.section = section;
      this.notification = notification;
    }

    /** Returns the section after the replacement. */
    public TwinCollection section() {
      return section;
    }

    /**
     * Returns a copy of the notification for the device: every top-level key of the new properties with its value, and
     * {@code null} for each removed key (see {@link TwinCollection#replace}). Applied as a merge patch to the old
     * properties it gives the new ones.
     */
    public ObjectNode notification() {
      return notification.deepCopy();
    }
  }
}
