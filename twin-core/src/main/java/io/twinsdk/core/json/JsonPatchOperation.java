package io.twinsdk.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON Patch operation is one step of a {@link JsonPatch}: an operation type, the {@code path} it acts on, and,
 * depending on the type, the {@code from} location it reads or the {@code value} it writes or compares.
 *
 * <p>Instances are immutable; they are created by {@link JsonPatch#builder()}, {@link JsonPatch#parse(String)} and
 * {@link JsonPatch#fromJson(JsonNode)}.
 */
public final class JsonPatchOperation {

  /** An operation type is one of the six operations RFC 6902 §4 defines. */
  public enum Op {
    /** Inserts a value into an object or array, or replaces the member or document at the path. */
    ADD("add"),
    /** Removes the value at the path, which must exist. */
    REMOVE("remove"),
    /** Replaces the value at the path, which must exist. */
    REPLACE("replace"),
    /** Removes the value at {@code from} and adds it at the path. */
    MOVE("move"),
    /** Adds a copy of the value at {@code from} at the path. */
    COPY("copy"),
    /** Checks that the value at the path is equal to the given value, failing the whole patch if it is not. */
    TEST("test");

    private final String jsonName;

    Op(String jsonName) {
      this.jsonName = jsonName;
    }

    /** Returns the name of this operation in a patch document, such as {@code "add"}. */
    public String jsonName() {
      return jsonName;
    }

    /** Returns whether operations of this type carry a {@code value} member. */
    boolean hasValue() {
      return this == ADD || this == REPLACE || this == TEST;
    }

    /** Returns whether operations of this type carry a {@code from} member. */
    boolean hasFrom() {
      return this == MOVE || this == COPY;
    }

    /** Returns the type named {@code jsonName} in a patch document, or {@code null} if there is none. */
    static Op fromJsonName(String jsonName) {
      for (Op op : values()) {
        if (op.jsonName.equals(jsonName)) {
          return op;
        }
      }
      return null;
    }
  }

  private final Op op;
  private final JsonPointer path;
  private final JsonPointer from;
  private final JsonNode value;

  /** Creates an operation; {@code from} and {@code value} are non-null exactly when {@code op} has them. */
  JsonPatchOperation(Op op, JsonPointer path, JsonPointer from, JsonNode value) {
    this.op = op;
    this.path = path;
    this.from = from;
    this.value = value;
  }

  /** Returns the operation type. */
  public Op op() {
    return op;
  }

  /** Returns the location the operation acts on. */
  public JsonPointer path() {
    return path;
  }

  /** Returns the location a {@code move} or {@code copy} reads from; empty for other operation types. */
  public Optional<JsonPointer> from() {
    return Optional.ofNullable(from);
  }

  /**
   * Returns a copy of the value an {@code add}, {@code replace} or {@code test} carries (JSON {@code null} is a
   * {@code NullNode}); empty for other operation types. The copy is the caller's to modify.
   */
  public Optional<JsonNode> value() {
    return value == null ? Optional.empty() : Optional.of(value.deepCopy());
  }

  /** Returns the pointer {@code from}, or {@code null}; for the applier, which must not allocate per operation. */
  JsonPointer fromOrNull() {
    return from;
  }

  /** Returns the value without copying it; callers must not modify it or hand it out. */
  JsonNode valueOrNull() {
    return value;
  }

  /** Returns this operation as a patch-document object with members in the order op, from, path, value. */
  ObjectNode toJsonNode() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("op", op.jsonName);
    if (from != null) {
      json.put("from", from.toString());
    }
    json.put("path", path.toString());
    if (value != null) {
      json.set("value", value.deepCopy());
    }
    return json;
  }

  /**
   * Returns whether {@code other} is an operation of the same type on the same locations with the same value; values
   * are compared as Jackson trees, so {@code 1} and {@code 1.0} differ, as they do in the serialized patch.
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof JsonPatchOperation)) {
      return false;
    }
    JsonPatchOperation that = (JsonPatchOperation) other;
    return op == that.op
        && path.equals(that.path)
        && Objects.equals(from, that.from)
        && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(op, path, from, value);
  }

  /** Returns the operation as compact JSON, such as {@code {"op":"remove","path":"/a"}}. */
  @Override
  public String toString() {
    return Json.write(toJsonNode());
  }
}
