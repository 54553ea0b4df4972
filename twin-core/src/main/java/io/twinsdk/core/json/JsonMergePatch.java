package io.twinsdk.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * JSON Merge Patch (RFC 7386): the patch format IoT Hub uses for tags, desired and reported properties.
 *
 * <p>A merge patch is a JSON document that mirrors the target: members present in the patch replace the target's,
 * nested objects merge recursively, and a {@code null} member deletes the target's member. Arrays and other values are
 * replaced whole. Neither method modifies its arguments.
 */
public final class JsonMergePatch {

  private JsonMergePatch() {}

  /**
   * Returns the result of applying {@code patch} to {@code target} as RFC 7386 §2 defines it.
   *
   * @param target the document to patch; {@code null} or a missing node is treated as absent
   * @param patch the merge patch
   * @return a new document; {@code target} and {@code patch} are left untouched
   */
  public static JsonNode apply(JsonNode target, JsonNode patch) {
    Objects.requireNonNull(patch, "patch");
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject()
        ? ((ObjectNode) target).deepCopy()
        : JsonNodeFactory.instance.objectNode();
    mergeInto(result, (ObjectNode) patch);
    return result;
  }

  private static void mergeInto(ObjectNode target, ObjectNode patch) {
    Iterator<Map.Entry<String, JsonNode>> members = patch.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      String name = member.getKey();
      JsonNode value = member.getValue();
      if (value.isNull()) {
        target.remove(name);
      } else if (value.isObject()) {
        JsonNode existing = target.get(name);
        ObjectNode child = existing != null && existing.isObject()
            ? (ObjectNode) existing
            : target.putObject(name);
        mergeInto(child, (ObjectNode) value);
      } else {
        target.set(name, value.deepCopy());
      }
    }
  }

  /**
   * Returns the merge patch that turns {@code source} into {@code target}: changed and added members carry their new
   * value, removed members are {@code null}, and unchanged members are left out.
   *
   * <p>Members are compared by presence and JSON value ({@link JsonValues#equivalent}), so {@code 1} and
   * {@code 1.0} count as unchanged. A merge patch cannot set a member to {@code null}, so a {@code null} member in
   * {@code target} is treated as absent.
   *
   * @return a patch such that {@code apply(source, diff(source, target))} equals {@code target} (minus null members)
   */
  public static JsonNode diff(JsonNode source, JsonNode target) {
    Objects.requireNonNull(target, "target");
    if (source == null || !source.isObject() || !target.isObject()) {
      return target.deepCopy();
    }
    return diffObjects((ObjectNode) source, (ObjectNode) target);
  }

  private static ObjectNode diffObjects(ObjectNode source, ObjectNode target) {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> oldMembers = source.fields();
    while (oldMembers.hasNext()) {
      Map.Entry<String, JsonNode> member = oldMembers.next();
      JsonNode replacement = target.get(member.getKey());
      if (replacement == null || replacement.isNull()) {
        patch.putNull(member.getKey());
      }
    }
    Iterator<Map.Entry<String, JsonNode>> newMembers = target.fields();
    while (newMembers.hasNext()) {
      Map.Entry<String, JsonNode> member = newMembers.next();
      String name = member.getKey();
      JsonNode value = member.getValue();
      JsonNode old = source.get(name);
      if (value.isNull()) {
        continue;
      }
      if (old != null && old.isObject() && value.isObject()) {
        ObjectNode nested = diffObjects((ObjectNode) old, (ObjectNode) value);
        if (nested.size() > 0) {
          patch.set(name, nested);
        }
      } else if (old == null || !JsonValues.equivalent(old, value)) {
        patch.set(name, stripNulls(value));
      }
    }
    return patch;
  }

  private static JsonNode stripNulls(JsonNode value) {
    if (!value.isObject()) {
      return value.deepCopy();
    }
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> members = value.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      if (!member.getValue().isNull()) {
        copy.set(member.getKey(), stripNulls(member.getValue()));
      }
    }
    return copy;
  }
}
