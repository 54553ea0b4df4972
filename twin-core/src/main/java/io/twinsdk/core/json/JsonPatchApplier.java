package io.twinsdk.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.json.JsonPatchOperation.Op;
import java.util.List;
import java.util.Locale;

/**
 * Applies the operations of a JSON Patch to a private copy of a document, as RFC 6902 §4 and §5 define.
 *
 * <p>The document is copied once and every operation mutates the copy in place; values from the patch are copied as
 * they are inserted, so the result shares no nodes with the input or the patch. Any failure throws before the copy
 * escapes, which is what makes the whole patch atomic.
 */
final class JsonPatchApplier {

  /** {@link #arrayIndex} result for {@code -}, the position after the last element. */
  private static final int END = -1;
  /** {@link #arrayIndex} result for a token that is not an array index. */
  private static final int NOT_AN_INDEX = -2;

  private final int index;
  private final JsonPatchOperation operation;

  private JsonPatchApplier(int index, JsonPatchOperation operation) {
    this.index = index;
    this.operation = operation;
  }

  /** Returns the result of applying {@code operations} to a copy of {@code document}. */
  static JsonNode apply(List<JsonPatchOperation> operations, JsonNode document) {
    JsonNode result = document.deepCopy();
    for (int i = 0; i < operations.size(); i++) {
      result = new JsonPatchApplier(i, operations.get(i)).applyTo(result);
    }
    return result;
  }

  /** Applies the operation to {@code root} in place and returns the root, which changes when the root is replaced. */
  private JsonNode applyTo(JsonNode root) {
    JsonPointer path = operation.path();
    JsonNode value = operation.valueOrNull();
    JsonPointer from = operation.fromOrNull();
    switch (operation.op()) {
      case ADD:
        return add(root, path, value.deepCopy());
      case REMOVE:
        if (path.isRoot()) {
          throw fail(path, "the document root cannot be removed; use replace to change the whole document");
        }
        remove(root, path);
        return root;
      case REPLACE:
        return replace(root, path, value.deepCopy());
      case MOVE:
        return move(root, from, path);
      case COPY:
        return add(root, path, get(root, from).deepCopy());
      case TEST:
        test(root, path, value);
        return root;
      default:
        throw new AssertionError(operation.op());
    }
  }

  private JsonNode add(JsonNode root, JsonPointer path, JsonNode value) {
    if (path.isRoot()) {
      return value;
    }
    JsonNode parent = parentOf(root, path);
    String last = path.last();
    if (parent.isObject()) {
      ((ObjectNode) parent).set(last, value);
    } else if (parent.isArray()) {
      ArrayNode array = (ArrayNode) parent;
      int position = arrayIndex(last);
      if (position == END) {
        array.add(value);
      } else if (position == NOT_AN_INDEX) {
        throw fail(path, notAnIndex(last, path.parent()));
      } else if (position > array.size()) {
        throw fail(path, "index " + last + " is out of range for " + quote(path.parent()) + ", which has "
            + array.size() + " elements (add accepts 0 to " + array.size() + ", or \"-\" to append)");
      } else {
        array.insert(position, value);
      }
    } else {
      throw fail(path, notAContainer(path.parent(), parent));
    }
    return root;
  }

  /** Removes the value at {@code path}, which is not the root, and returns it. */
  private JsonNode remove(JsonNode root, JsonPointer path) {
    JsonNode parent = parentOf(root, path);
    String last = path.last();
    if (parent.isObject()) {
      JsonNode removed = ((ObjectNode) parent).remove(last);
      if (removed == null) {
        throw fail(path, quote(path) + " does not exist");
      }
      return removed;
    }
    if (parent.isArray()) {
      ArrayNode array = (ArrayNode) parent;
      return array.remove(existingIndex(array, path));
    }
    throw fail(path, notAContainer(path.parent(), parent));
  }

  private JsonNode replace(JsonNode root, JsonPointer path, JsonNode value) {
    if (path.isRoot()) {
      return value;
    }
    JsonNode parent = parentOf(root, path);
    String last = path.last();
    if (parent.isObject()) {
      ObjectNode object = (ObjectNode) parent;
      if (!object.has(last)) {
        throw fail(path, quote(path) + " does not exist; use add to create it");
      }
      object.set(last, value);
    } else if (parent.isArray()) {
      ArrayNode array = (ArrayNode) parent;
      array.set(existingIndex(array, path), value);
    } else {
      throw fail(path, notAContainer(path.parent(), parent));
    }
    return root;
  }

  private JsonNode move(JsonNode root, JsonPointer from, JsonPointer path) {
    if (from.equals(path)) {
      get(root, from);
      return root;
    }
    if (from.isProperPrefixOf(path)) {
      throw fail(path, "a value cannot be moved into itself: " + quote(path) + " is inside " + quote(from));
    }
    // from is not the root here: the root is a proper prefix of every other pointer.
    JsonNode value = remove(root, from);
    return add(root, path, value);
  }

  private void test(JsonNode root, JsonPointer path, JsonNode expected) {
    JsonNode actual = get(root, path);
    if (!JsonValues.equivalent(actual, expected)) {
      throw fail(path, "test failed: " + quote(path) + " is " + JsonValues.abbreviate(actual) + ", not "
          + JsonValues.abbreviate(expected));
    }
  }

  /** Returns the value at {@code pointer}, which must exist. */
  private JsonNode get(JsonNode root, JsonPointer pointer) {
    return walk(root, pointer, pointer.depth());
  }

  /** Returns the container addressed by all tokens of {@code pointer} but the last; {@code pointer} is not root. */
  private JsonNode parentOf(JsonNode root, JsonPointer pointer) {
    return walk(root, pointer, pointer.depth() - 1);
  }

  /** Returns the value addressed by the first {@code depth} tokens of {@code pointer}, failing if it is missing. */
  private JsonNode walk(JsonNode root, JsonPointer pointer, int depth) {
    JsonNode current = root;
    for (int i = 0; i < depth; i++) {
      String token = pointer.token(i);
      if (current.isObject()) {
        JsonNode child = current.get(token);
        if (child == null) {
          throw fail(pointer, quote(prefix(pointer, i + 1)) + " does not exist"
              + (depth < pointer.depth() && addsAt(pointer) ? "; add does not create missing parents" : ""));
        }
        current = child;
      } else if (current.isArray()) {
        ArrayNode array = (ArrayNode) current;
        current = array.get(existingIndex(array, pointer, i));
      } else {
        throw fail(pointer, notAContainer(prefix(pointer, i), current));
      }
    }
    return current;
  }

  /** Returns whether this operation adds a value at {@code pointer}, so a missing parent deserves a hint. */
  private boolean addsAt(JsonPointer pointer) {
    Op op = operation.op();
    return pointer.equals(operation.path()) && (op == Op.ADD || op == Op.COPY || op == Op.MOVE);
  }

  /** Returns the index of an existing element of {@code array} named by the last token of {@code pointer}. */
  private int existingIndex(ArrayNode array, JsonPointer pointer) {
    return existingIndex(array, pointer, pointer.depth() - 1);
  }

  /** Returns the index of an existing element of {@code array} named by token {@code tokenIndex} of {@code pointer}. */
  private int existingIndex(ArrayNode array, JsonPointer pointer, int tokenIndex) {
    String token = pointer.token(tokenIndex);
    int position = arrayIndex(token);
    if (position >= 0 && position < array.size()) {
      return position;
    }
    JsonPointer arrayPointer = prefix(pointer, tokenIndex);
    if (position == END) {
      throw fail(pointer, "\"-\" in " + quote(pointer) + " refers to no element of " + quote(arrayPointer)
          + "; only add accepts it, as the last token, to append");
    }
    if (position == NOT_AN_INDEX) {
      throw fail(pointer, notAnIndex(token, arrayPointer));
    }
    throw fail(pointer, "index " + token + " is out of range for " + quote(arrayPointer) + ", which has "
        + array.size() + " elements");
  }

  /**
   * Returns the array index a token names: a non-negative number, {@link #END} for {@code -}, or
   * {@link #NOT_AN_INDEX}. RFC 6901 §4 admits only {@code 0} or digits without a leading zero; an index too large for
   * an int is returned as {@link Integer#MAX_VALUE}, which is out of range for every array.
   */
  private static int arrayIndex(String token) {
    if (token.equals("-")) {
      return END;
    }
    int length = token.length();
    if (length == 0 || (length > 1 && token.charAt(0) == '0')) {
      return NOT_AN_INDEX;
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') {
        return NOT_AN_INDEX;
      }
      value = Math.min(value * 10 + (c - '0'), Integer.MAX_VALUE);
    }
    return (int) value;
  }

  private static String notAnIndex(String token, JsonPointer arrayPointer) {
    if (token.length() > 1 && token.charAt(0) == '0' && token.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return "array index \"" + token + "\" into " + quote(arrayPointer)
          + " has a leading zero, which RFC 6901 does not allow";
    }
    return "\"" + token + "\" is not an index into the array " + quote(arrayPointer);
  }

  private static String notAContainer(JsonPointer pointer, JsonNode node) {
    return quote(pointer) + " is " + typeName(node) + ", not an object or array";
  }

  private static JsonPointer prefix(JsonPointer pointer, int depth) {
    return JsonPointer.of(pointer.tokens().subList(0, depth).toArray(new String[0]));
  }

  private static String quote(JsonPointer pointer) {
    return "\"" + pointer + "\"";
  }

  private static String typeName(JsonNode node) {
    String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
    if (node.isNull()) {
      return type;
    }
    return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
  }

  private JsonPatchException fail(JsonPointer pointer, String reason) {
    StringBuilder message = new StringBuilder("Operation ").append(index).append(" (")
        .append(operation.op().jsonName());
    if (operation.fromOrNull() != null) {
      message.append(" from ").append(quote(operation.fromOrNull())).append(" to");
    }
    message.append(' ').append(quote(operation.path())).append("): ").append(reason);
    return new JsonPatchException(message.toString(), index, pointer, null);
  }
}
