package io.twinsdk.service.digitaltwins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Model data is what the service stores about an uploaded DTDL model: its id, display name and description (by
 * language), upload time, whether it is decommissioned, and the DTDL document itself when it was asked for.
 * Instances are immutable.
 */
public final class DigitalTwinsModelData {

  private final ObjectNode json;

  private DigitalTwinsModelData(ObjectNode json) {
    this.json = json;
  }

  /**
   * Reads model data from the service's JSON.
   *
   * @throws IllegalArgumentException if {@code json} is not an object with a textual {@code id}
   */
  public static DigitalTwinsModelData fromJson(JsonNode json) {
    ObjectNode object = JsonView.requireObject(json, "Model data");
    if (!object.path("id").isTextual()) {
      throw new IllegalArgumentException("Model data must have an id");
    }
    return new DigitalTwinsModelData(object);
  }

  /** Returns the model id (DTMI). */
  public String modelId() {
    return json.get("id").asText();
  }

  /** Returns the display names by language code. */
  public Map<String, String> displayName() {
    return languageMap("displayName");
  }

  /** Returns the descriptions by language code. */
  public Map<String, String> description() {
    return languageMap("description");
  }

  /** Returns when the model was uploaded, if the service said so. */
  public Optional<OffsetDateTime> uploadTime() {
    return JsonView.time(json, "uploadTime");
  }

  /** Returns whether the model is decommissioned (no new twins may use it). */
  public boolean decommissioned() {
    return json.path("decommissioned").asBoolean(false);
  }

  /** Returns the DTDL document, present when the model was read with its definition. */
  public Optional<JsonNode> model() {
    JsonNode model = json.get("model");
    return model == null || model.isNull() ? Optional.empty() : Optional.of(model.deepCopy());
  }

  private Map<String, String> languageMap(String field) {
    JsonNode value = json.get(field);
    Map<String, String> map = new LinkedHashMap<>();
    if (value != null && value.isObject()) {
      value.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asText()));
    } else if (value != null && value.isTextual()) {
      map.put("", value.asText());
    }
    return Collections.unmodifiableMap(map);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DigitalTwinsModelData && ((DigitalTwinsModelData) other).json.equals(json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "DigitalTwinsModelData{id=" + modelId() + ", decommissioned=" + decommissioned() + "}";
  }
}
