package io.twinsdk.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A merge patch is a JSON Merge Patch (RFC 7386) object that states, for each key it mentions, that the key is set to
 * a value or deleted: the update format of IoT Hub tags and desired and reported properties.
 *
 * <p>Every key is in exactly one {@linkplain State state}. A key the patch does not mention is left alone, a key set
 * to a value is written (objects merge into the target's objects, everything else replaces), and a deleted key is
 * removed, which the patch document writes as JSON {@code null}. The builder keeps these apart: Java {@code null} is
 * never a value, deletion is always {@link Builder#delete}, and giving one key two different states is an error.
 *
 * <pre>{@code
 * MergePatch patch = MergePatch.builder()
 *     .set("targetTemperature", 21.5)
 *     .object("climate", climate -> climate
 *         .set("fanOn", true)
 *         .delete("schedule"))
 *     .build();
 * // {"targetTemperature":21.5,"climate":{"fanOn":true,"schedule":null}}
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MergePatch {

  /** A key's state is what a merge patch does to it. */
  public enum State {
    /** The patch does not mention the key, so the target's member is left as it is. */
    ABSENT,
    /** The patch gives the key a value (possibly an object of further changes). */
    SET,
    /** The patch removes the key; its document has JSON {@code null} there. */
    DELETED
  }

  private static final MergePatch EMPTY = new MergePatch(JsonNodeFactory.instance.objectNode());

  private final ObjectNode document;

  private MergePatch(ObjectNode document) {
    this.document = document;
  }

  /** Returns a builder for a new patch, initially empty. */
  public static Builder builder() {
    return new Builder(JsonPointer.root());
  }

  /** Returns the patch that changes nothing. */
  public static MergePatch empty() {
    return EMPTY;
  }

  /**
   * Returns the patch that an existing merge-patch document describes: its {@code null} members are deletions, every
   * other member is set. The patch keeps its own copy of the document.
   *
   * @throws IllegalArgumentException if {@code patch} is not a JSON object; RFC 7386 allows other values, which
   *     replace the whole target, but a twin update is always an object
   */
  public static MergePatch of(JsonNode patch) {
    Objects.requireNonNull(patch, "patch");
    if (!patch.isObject()) {
      throw new IllegalArgumentException("A merge patch must be a JSON object, but patch is "
          + (patch.isMissingNode() ? "missing" : "a JSON " + patch.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    return new MergePatch(((ObjectNode) patch).deepCopy());
  }

  /**
   * Returns what this patch does to the member at {@code path}, a sequence of keys from the top level down, such as
   * {@code stateOf("climate", "fanOn")}.
   *
   * <p>The state describes this patch's own document: a key nested under a deleted key, or under a key set to a value
   * that is not an object, is {@link State#ABSENT}, since the patch has no member there.
   *
   * @throws IllegalArgumentException if {@code path} is empty
   */
  public State stateOf(String... path) {
    Objects.requireNonNull(path, "path");
    if (path.length == 0) {
      throw new IllegalArgumentException("path must name at least one key");
    }
    JsonNode node = document;
    for (String key : path) {
      Objects.requireNonNull(key, "path element");
      node = node.isObject() ? node.get(key) : null;
      if (node == null) {
        return State.ABSENT;
      }
    }
    return node.isNull() ? State.DELETED : State.SET;
  }

  /** Returns whether this patch mentions no key, so applying it changes nothing. */
  public boolean isEmpty() {
    return document.isEmpty();
  }

  /**
   * Returns the result of applying this patch to {@code target}, as {@link JsonMergePatch#apply} does.
   *
   * @param target the document to patch; it is not modified. {@code null}, or a value that is not an object, is
   *     treated as an empty object.
   */
  public JsonNode applyTo(JsonNode target) {
    return JsonMergePatch.apply(target, document);
  }

  /** Returns the merge-patch document as a new JSON object, which the caller may modify. */
  public JsonNode toJsonNode() {
    return document.deepCopy();
  }

  /** Returns the merge-patch document as compact JSON text. */
  public String toJson() {
    return Json.write(document);
  }

  /** Returns whether {@code other} is a merge patch with the same document. */
  @Override
  public boolean equals(Object other) {
    return other instanceof MergePatch && document.equals(((MergePatch) other).document);
  }

  @Override
  public int hashCode() {
    return document.hashCode();
  }

  /** Returns the merge-patch document as compact JSON, as {@link #toJson()} does. */
  @Override
  public String toString() {
    return toJson();
  }

  /**
   * A merge patch builder records, key by key, what the patch sets and deletes; one builder stands for one object
   * level of the patch.
   *
   * <p>A value may be a {@link JsonNode} (copied) or any object Jackson can convert to JSON. Because a merge patch
   * merges objects, setting a key to an object value is the same as setting each of its members, and it may be
   * combined with {@link #object} on the same key. Builders are not thread-safe; {@link #build()} may be called more
   * than once. A call that throws may have recorded part of an object value already, so discard the builder then.
   */
  public static final class Builder {

    /** Marks a deleted key in {@link #members}; the other entries are leaf {@link JsonNode}s or nested builders. */
    private static final Object DELETED = new Object();

    private final JsonPointer location;
    private final Map<String, Object> members = new LinkedHashMap<>();

    private Builder(JsonPointer location) {
      this.location = location;
    }

    /**
     * Sets {@code key} to {@code value}.
     *
     * @throws IllegalArgumentException if {@code value} is {@code null} or JSON {@code null}, or contains a JSON
     *     {@code null} in an object member (to delete a key, use {@link #delete}); if {@code key} is already
     *     deleted or set to a different value; or if Jackson cannot convert {@code value}
     */
    public Builder set(String key, Object value) {
      Objects.requireNonNull(key, "key");
      if (value == null) {
        throw nullValue(key);
      }
      put(key, JsonValues.toTree(value));
      return this;
    }

    /**
     * Deletes {@code key}: applying the patch removes the member from the target.
     *
     * @throws IllegalArgumentException if {@code key} is already set, or has changes nested inside it
     */
    public Builder delete(String key) {
      Objects.requireNonNull(key, "key");
      Object existing = members.get(key);
      if (existing != null && existing != DELETED) {
        throw conflict(key, describe(existing) + "; it cannot also be deleted");
      }
      members.put(key, DELETED);
      return this;
    }

    /**
     * Describes changes inside the object at {@code key}: {@code members} receives the builder for that level. The
     * target's other members of that object are left alone. Calling this again for the same key adds to the same
     * level.
     *
     * @throws IllegalArgumentException if {@code key} is already deleted or set to a value that is not an object
     */
    public Builder object(String key, Consumer<Builder> members) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(members, "members");
      members.accept(nested(key, "have members"));
      return this;
    }

    /** Returns a patch with the changes recorded so far. */
    public MergePatch build() {
      return members.isEmpty() ? EMPTY : new MergePatch(toJsonNode());
    }

    private void put(String key, JsonNode value) {
      if (value.isNull()) {
        throw nullValue(key);
      }
      if (value.isObject()) {
        Builder nested = nested(key, "be set to " + JsonValues.abbreviate(value));
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          nested.put(field.getKey(), field.getValue());
        }
        return;
      }
      Object existing = members.get(key);
      if (existing == null) {
        members.put(key, value);
      } else if (!(existing instanceof JsonNode && JsonValues.equivalent((JsonNode) existing, value))) {
        throw conflict(key, describe(existing) + "; it cannot also be set to " + JsonValues.abbreviate(value));
      }
    }

    private Builder nested(String key, String attempt) {
      Object existing = members.get(key);
      if (existing instanceof Builder) {
        return (Builder) existing;
      }
      if (existing != null) {
        throw conflict(key, describe(existing) + "; it cannot also " + attempt);
      }
      Builder nested = new Builder(location.append(key));
      members.put(key, nested);
      return nested;
    }

    private ObjectNode toJsonNode() {
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, Object> member : members.entrySet()) {
        Object value = member.getValue();
        if (value == DELETED) {
          json.putNull(member.getKey());
        } else if (value instanceof Builder) {
          json.set(member.getKey(), ((Builder) value).toJsonNode());
        } else {
          json.set(member.getKey(), ((JsonNode) value).deepCopy());
        }
      }
      return json;
    }

    private String describe(Object existing) {
      if (existing == DELETED) {
        return "is already deleted";
      }
      if (existing instanceof Builder) {
        return "already has changes nested inside it";
      }
      return "is already set to " + JsonValues.abbreviate((JsonNode) existing);
    }

    private IllegalArgumentException nullValue(String key) {
      return new IllegalArgumentException("Value for \"" + location.append(key) + "\" is null; a merge patch has no"
          + " null values, only deletions: use delete(\"" + key + "\")"
          + (location.isRoot() ? "" : " inside object(\"" + location.last() + "\", ...)") + " to delete the key");
    }

    private IllegalArgumentException conflict(String key, String problem) {
      return new IllegalArgumentException("Key \"" + location.append(key) + "\" " + problem);
    }
  }
}
