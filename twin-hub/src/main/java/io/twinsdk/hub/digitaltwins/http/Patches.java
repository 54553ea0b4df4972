package io.twinsdk.hub.digitaltwins.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.json.JsonPatch;
import io.twinsdk.core.json.JsonPatchException;
import io.twinsdk.core.json.JsonPatchOperation;
import io.twinsdk.core.json.JsonPointer;
import io.twinsdk.hub.http.HttpExchange;
import io.twinsdk.hub.http.Realm;

/**
 * JSON Patch bodies of twin, component and relationship updates: only {@code add}, {@code replace} and
 * {@code remove} are allowed, as in the service.
 */
public final class Patches {

  private Patches() {}

  /**
   * Reads the request body as a JSON Patch, with every {@code path} put under {@code prefix} (a component's paths are
   * relative to it; "" leaves them unchanged).
   *
   * @throws io.twinsdk.hub.http.ApiError 400 JsonPatchInvalid for a malformed patch or an operation other than add,
   *     replace and remove
   */
  public static JsonPatch read(HttpExchange exchange, JsonPointer prefix) {
    JsonNode body = exchange.jsonBody(Realm.DIGITAL_TWINS).deepCopy();
    if (!prefix.isRoot() && body.isArray()) {
      for (JsonNode operation : body) {
        if (operation.isObject() && operation.path("path").isTextual()) {
          ((ObjectNode) operation).put("path", prefix + operation.get("path").textValue());
        }
      }
    }
    JsonPatch patch;
    try {
      patch = JsonPatch.fromJson(body);
    } catch (JsonPatchException e) {
      throw DigitalTwinsErrors.jsonPatchInvalid("The JSON Patch is invalid: " + e.getMessage());
    }
    for (JsonPatchOperation operation : patch.operations()) {
      JsonPatchOperation.Op op = operation.op();
      if (op != JsonPatchOperation.Op.ADD && op != JsonPatchOperation.Op.REPLACE
          && op != JsonPatchOperation.Op.REMOVE) {
        throw DigitalTwinsErrors.jsonPatchInvalid("Unsupported operation type " + op.jsonName()
            + ". Only add, replace and remove are allowed.");
      }
    }
    return patch;
  }

  /**
   * Applies {@code patch} to {@code document}.
   *
   * @throws io.twinsdk.hub.http.ApiError 400 JsonPatchInvalid when an operation cannot apply (a missing path)
   */
  public static JsonNode apply(JsonPatch patch, JsonNode document) {
    try {
      return patch.apply(document);
    } catch (JsonPatchException e) {
      throw DigitalTwinsErrors.jsonPatchInvalid("The JSON Patch cannot be applied: " + e.getMessage());
    }
  }
}
