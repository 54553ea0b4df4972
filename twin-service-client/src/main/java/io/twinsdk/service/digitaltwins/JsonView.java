package io.twinsdk.service.digitaltwins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Typed reads of members of a service JSON object, shared by the job and model value types. */
final class JsonView {

  private JsonView() {}

  static ObjectNode requireObject(JsonNode json, String what) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException(what + " must be a JSON object");
    }
    return ((ObjectNode) json).deepCopy();
  }

  static Optional<String> text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  static Optional<OffsetDateTime> time(JsonNode json, String field) {
    return text(json, field).map(value -> {
      try {
        return OffsetDateTime.parse(value);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(field + " is not an RFC 3339 date-time: " + value, e);
      }
    });
  }
}
