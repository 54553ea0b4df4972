package io.twinsdk.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.twinsdk.core.internal.Json;
import io.twinsdk.core.json.JsonPatchOperation.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A JSON Patch (RFC 6902) is an ordered list of operations that change a JSON document: the update format of Azure
 * Digital Twins.
 *
 * <p>Instances are immutable and thread-safe. Build one with {@link #builder()}, or read one with {@link #parse} or
 * {@link #fromJson}, which validate the patch's structure. {@link #apply} is atomic: it never modifies its input and
 * either returns the fully patched document or throws.
 *
 * <pre>{@code
 * JsonPatch patch = JsonPatch.builder()
 *     .test("/$metadata/$model", "dtmi:com:example:Thermostat;1")
 *     .replace("/targetTemperature", 21.5)
 *     .remove("/schedule")
 *     .build();
 * JsonNode updated = patch.apply(twin);
 * }</pre>
 */
public final class JsonPatch {

  private final List<JsonPatchOperation> operations;

  private JsonPatch(List<JsonPatchOperation> operations) {
    this.operations = operations;
  }

  /** Returns a builder for a new patch, initially without operations. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a patch from its JSON text.
   *
   * @throws JsonPatchException if the text is not one well-formed JSON value (the message gives the line and column;
   *     a member that appears twice in one object and text after the value are refused) or {@link #fromJson} refuses
   *     the document
   */
  public static JsonPatch parse(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode tree;
    try {
      tree = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      String where = location == null ? ""
          : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      throw new JsonPatchException("Malformed JSON Patch" + where + ": " + e.getOriginalMessage(), -1, null, e);
    }
    return fromJson(tree);
  }

  /**
   * Reads a patch from a JSON tree: an array of operation objects, each with an {@code op} and a {@code path}, a
   * {@code value} for {@code add}, {@code replace} and {@code test}, and a {@code from} for {@code move} and
   * {@code copy}. Other members are ignored, as RFC 6902 §4 requires. The patch keeps its own copy of the values.
   *
   * @throws JsonPatchException if the tree is not an array, or an operation is not an object, has an unknown
   *     {@code op}, lacks a member its type requires, or has a {@code path} or {@code from} that is not a valid JSON
   *     pointer; {@link JsonPatchException#operationIndex()} names the operation
   */
  public static JsonPatch fromJson(JsonNode json) {
    Objects.requireNonNull(json, "json");
    if (!json.isArray()) {
      throw new JsonPatchException("A JSON Patch must be a JSON array of operations, but the document is "
          + (json.isMissingNode() ? "empty" : "a JSON " + nodeType(json)), -1, null, null);
    }
    List<JsonPatchOperation> operations = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      operations.add(readOperation(i, json.get(i)));
    }
    return new JsonPatch(List.copyOf(operations));
  }

  private static JsonPatchOperation readOperation(int index, JsonNode json) {
    if (!json.isObject()) {
      throw malformed(index, "must be a JSON object, but is a JSON " + nodeType(json));
    }
    JsonNode name = json.get("op");
    if (name == null) {
      throw malformed(index, "has no \"op\" member");
    }
    Op op = name.isTextual() ? Op.fromJsonName(name.textValue()) : null;
    if (op == null) {
      throw malformed(index, "has op " + JsonValues.abbreviate(name)
          + ", which is not one of \"add\", \"remove\", \"replace\", \"move\", \"copy\", \"test\"");
    }
    JsonPointer path = readPointer(index, op, json, "path");
    JsonPointer from = op.hasFrom() ? readPointer(index, op, json, "from") : null;
    JsonNode value = null;
    if (op.hasValue()) {
      value = json.get("value");
      if (value == null) {
        throw malformed(index, "(" + op.jsonName() + ") has no \"value\" member");
      }
      value = value.deepCopy();
    }
    return new JsonPatchOperation(op, path, from, value);
  }

  private static JsonPointer readPointer(int index, Op op, JsonNode json, String member) {
    JsonNode text = json.get(member);
    if (text == null) {
      throw malformed(index, "(" + op.jsonName() + ") has no \"" + member + "\" member");
    }
    if (!text.isTextual()) {
      throw malformed(index, "(" + op.jsonName() + ") has a \"" + member + "\" that is a JSON " + nodeType(text)
          + ", not a string");
    }
    try {
      return JsonPointer.parse(text.textValue());
    } catch (IllegalArgumentException e) {
      throw new JsonPatchException("Operation " + index + " (" + op.jsonName() + ") has an invalid \"" + member
          + "\": " + e.getMessage(), index, null, e);
    }
  }

  private static JsonPatchException malformed(int index, String problem) {
    return new JsonPatchException("Operation " + index + " " + problem, index, null, null);
  }

  private static String nodeType(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** Returns the operations in the order they are applied. The list is unmodifiable. */
  public List<JsonPatchOperation> operations() {
    return operations;
  }

  /**
   * Returns the result of applying every operation in order to {@code document}, as RFC 6902 §4 defines them.
   *
   * <p>The patch is atomic: {@code document} is never modified, and if any operation fails no result is returned.
   * {@code test} compares values as JSON ({@link JsonValues#equivalent}), so {@code 1} equals {@code 1.0} and object
   * members may be in any order. The result shares no nodes with {@code document} or this patch.
   *
   * @throws JsonPatchException if an operation cannot be applied: a location that must exist does not, an array index
   *     is out of range or malformed, a value would be moved into itself, the root would be removed, or a
   *     {@code test} fails. The exception names the operation's index and the failing pointer.
   */
  public JsonNode apply(JsonNode document) {
    Objects.requireNonNull(document, "document");
    return JsonPatchApplier.apply(operations, document);
  }

  /** Returns this patch as a new JSON array of operation objects, which the caller may modify. */
  public JsonNode toJsonNode() {
    ArrayNode json = JsonNodeFactory.instance.arrayNode(operations.size());
    for (JsonPatchOperation operation : operations) {
      json.add(operation.toJsonNode());
    }
    return json;
  }

  /**
   * Returns this patch as compact JSON text, members in the order {@code op}, {@code from}, {@code path},
   * {@code value}; {@link #parse} reads it back to an equal patch.
   */
  public String toJson() {
    return Json.write(toJsonNode());
  }

  /** Returns whether {@code other} is a patch with equal operations in the same order. */
  @Override
  public boolean equals(Object other) {
    return other instanceof JsonPatch && operations.equals(((JsonPatch) other).operations);
  }

  @Override
  public int hashCode() {
    return operations.hashCode();
  }

  /** Returns the patch as compact JSON, as {@link #toJson()} does. */
  @Override
  public String toString() {
    return toJson();
  }

  /**
   * A JSON Patch builder collects operations in the order they will be applied.
   *
   * <p>Paths are JSON pointers, either as text ({@code "/a/b~1c"}) or as {@link JsonPointer}. A value may be a
   * {@link JsonNode} (copied) or any object Jackson can convert to JSON, such as a {@code String}, a number, a
   * {@code Boolean}, a {@code Map}, a {@code List} or a bean; a Java {@code null} value means JSON {@code null}.
   * Builders are not thread-safe; {@link #build()} may be called more than once.
   */
  public static final class Builder {

    private final List<JsonPatchOperation> operations = new ArrayList<>();

    private Builder() {}

    /** Adds an operation that inserts {@code value} at {@code path}, or replaces the member or document there. */
    public Builder add(String path, Object value) {
      return add(pointer("path", path), value);
    }

    /** Adds an operation that inserts {@code value} at {@code path}, or replaces the member or document there. */
    public Builder add(JsonPointer path, Object value) {
      return append(Op.ADD, path, null, value);
    }

    /** Adds an operation that removes the value at {@code path}. */
    public Builder remove(String path) {
      return remove(pointer("path", path));
    }

    /** Adds an operation that removes the value at {@code path}. */
    public Builder remove(JsonPointer path) {
      return append(Op.REMOVE, path, null, null);
    }

    /** Adds an operation that replaces the existing value at {@code path} with {@code value}. */
    public Builder replace(String path, Object value) {
      return replace(pointer("path", path), value);
    }

    /** Adds an operation that replaces the existing value at {@code path} with {@code value}. */
    public Builder replace(JsonPointer path, Object value) {
      return append(Op.REPLACE, path, null, value);
    }

    /** Adds an operation that removes the value at {@code from} and adds it at {@code path}. */
    public Builder move(String from, String path) {
      return move(pointer("from", from), pointer("path", path));
    }

    /** Adds an operation that removes the value at {@code from} and adds it at {@code path}. */
    public Builder move(JsonPointer from, JsonPointer path) {
      return append(Op.MOVE, path, Objects.requireNonNull(from, "from"), null);
    }

    /** Adds an operation that adds a copy of the value at {@code from} at {@code path}. */
    public Builder copy(String from, String path) {
      return copy(pointer("from", from), pointer("path", path));
    }

    /** Adds an operation that adds a copy of the value at {@code from} at {@code path}. */
    public Builder copy(JsonPointer from, JsonPointer path) {
      return append(Op.COPY, path, Objects.requireNonNull(from, "from"), null);
    }

    /** Adds an operation that fails the whole patch unless the value at {@code path} equals {@code value}. */
    public Builder test(String path, Object value) {
      return test(pointer("path", path), value);
    }

    /** Adds an operation that fails the whole patch unless the value at {@code path} equals {@code value}. */
    public Builder test(JsonPointer path, Object value) {
      return append(Op.TEST, path, null, value);
    }

    /** Returns a patch with the operations added so far. */
    public JsonPatch build() {
      return new JsonPatch(List.copyOf(operations));
    }

    private Builder append(Op op, JsonPointer path, JsonPointer from, Object value) {
      Objects.requireNonNull(path, "path");
      JsonNode json = op.hasValue() ? toJsonValue(value) : null;
      operations.add(new JsonPatchOperation(op, path, from, json));
      return this;
    }

    private static JsonPointer pointer(String name, String text) {
      Objects.requireNonNull(text, name);
      try {
        return JsonPointer.parse(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Invalid " + name + ": " + e.getMessage(), e);
      }
    }

    private static JsonNode toJsonValue(Object value) {
      return value == null ? NullNode.getInstance() : JsonValues.toTree(value);
    }
  }
}
