package io.twinsdk.hub.digitaltwins.twins;

import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.DIGITAL_TWIN_ID;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.ETAG;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.METADATA;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.METADATA_LAST_UPDATE_TIME;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.METADATA_MODEL;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.PROPERTY_LAST_UPDATE_TIME;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.PROPERTY_SOURCE_TIME;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.digitaltwin.DigitalTwinsTimestamps;
import io.twinsdk.core.dtdl.ContentKind;
import io.twinsdk.core.dtdl.DtdlContent;
import io.twinsdk.core.dtdl.DtdlInterface;
import io.twinsdk.core.dtdl.Dtmi;
import io.twinsdk.core.dtdl.TwinValidator;
import io.twinsdk.core.dtdl.ValidationError;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.digitaltwins.http.DigitalTwinsErrors;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Builds the stored form of a digital twin: {@code $dtId}, {@code $etag}, properties, components, then
 * {@code $metadata} with {@code $model}, {@code $lastUpdateTime} and a {@code lastUpdateTime} (plus any
 * {@code sourceTime}) for every property, as the service answers.
 */
final class TwinDocuments {

  /** The service's limit on a twin's JSON. */
  static final int MAX_TWIN_BYTES = 32 * 1024;

  /** Which properties a write changed: those get a new {@code lastUpdateTime}, the others keep theirs. */
  interface Changes {
    /** Every property of a new or replaced twin. */
    Changes ALL = (component, property) -> true;

    /** Whether {@code property} (of {@code component}, or top-level when it is null) was written. */
    boolean wrote(String component, String property);
  }

  private TwinDocuments() {}

  /**
   * Validates {@code given} against its model and returns the stored form.
   *
   * @throws io.twinsdk.hub.http.ApiError 400 ValidationFailed when it does not conform or is larger than 32 KB
   */
  static ObjectNode build(String id, String etag, ObjectNode given, TwinValidator validator, Changes changes,
      Instant now) {
    List<ValidationError> errors = validator.validateTwin(given);
    if (!errors.isEmpty()) {
      throw DigitalTwinsErrors.validationFailed("Invalid twin specified",
          errors.stream().map(ValidationError::toString).toList());
    }
    String modelId = given.get(METADATA).get(METADATA_MODEL).textValue();
    DtdlInterface model = validator.models().get(Dtmi.parse(modelId)).orElseThrow();
    String time = DigitalTwinsTimestamps.format(now);
    ObjectNode twin = JsonNodeFactory.instance.objectNode();
    twin.put(DIGITAL_TWIN_ID, id);
    twin.put(ETAG, etag);
    ObjectNode metadata = JsonNodeFactory.instance.objectNode();
    metadata.put(METADATA_MODEL, modelId);
    metadata.put(METADATA_LAST_UPDATE_TIME, time);
    JsonNode givenMetadata = given.get(METADATA);
    for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      String name = member.getKey();
      if (name.startsWith("$")) {
        continue;
      }
      DtdlContent content = model.content(name).orElseThrow();
      if (content.kind() == ContentKind.COMPONENT) {
        twin.set(name, component(name, (ObjectNode) member.getValue(), changes, time));
      } else {
        twin.set(name, member.getValue().deepCopy());
        metadata.set(name, propertyMetadata(givenMetadata.get(name), changes.wrote(null, name), time));
      }
    }
    twin.set(METADATA, metadata);
    int size = contentBytes(twin);
    if (size > MAX_TWIN_BYTES) {
      throw DigitalTwinsErrors.validationFailed("Invalid twin specified", List.of("The twin is " + size
          + " bytes; a digital twin may be at most 32 KB (" + MAX_TWIN_BYTES + " bytes)."));
    }
    return twin;
  }

  /**
   * Drops the {@code $metadata} entries of properties a patch removed (top-level and in components), so that the
   * patched twin is validated, against a new model too, without its stale bookkeeping.
   */
  static void pruneMetadata(ObjectNode twin) {
    prune(twin);
    twin.forEach(member -> {
      if (member.isObject() && member.has(METADATA)) {
        prune((ObjectNode) member);
      }
    });
  }

  private static void prune(ObjectNode owner) {
    JsonNode metadata = owner.get(METADATA);
    if (metadata != null && metadata.isObject()) {
      ((ObjectNode) metadata).retain(names(owner, (ObjectNode) metadata));
    }
  }

  private static List<String> names(ObjectNode owner, ObjectNode metadata) {
    List<String> kept = new ArrayList<>();
    metadata.fieldNames().forEachRemaining(name -> {
      if (name.startsWith("$") || owner.has(name)) {
        kept.add(name);
      }
    });
    return kept;
  }

  private static ObjectNode component(String name, ObjectNode given, Changes changes, String time) {
    ObjectNode component = JsonNodeFactory.instance.objectNode();
    JsonNode givenMetadata = given.path(METADATA);
    ObjectNode metadata = JsonNodeFactory.instance.objectNode();
    boolean changed = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      String property = member.getKey();
      if (property.startsWith("$")) {
        continue;
      }
      boolean wrote = changes.wrote(name, property);
      changed |= wrote;
      component.set(property, member.getValue().deepCopy());
      metadata.set(property, propertyMetadata(givenMetadata.get(property), wrote, time));
    }
    String previous = givenMetadata.path(METADATA_LAST_UPDATE_TIME).textValue();
    ObjectNode ordered = JsonNodeFactory.instance.objectNode();
    ordered.put(METADATA_LAST_UPDATE_TIME, changed || previous == null || changes == Changes.ALL ? time : previous);
    ordered.setAll(metadata);
    component.set(METADATA, ordered);
    return component;
  }

  private static ObjectNode propertyMetadata(JsonNode previous, boolean wrote, String time) {
    ObjectNode metadata = JsonNodeFactory.instance.objectNode();
    String last = previous == null ? null : previous.path(PROPERTY_LAST_UPDATE_TIME).textValue();
    metadata.put(PROPERTY_LAST_UPDATE_TIME, wrote || last == null ? time : last);
    if (previous != null && previous.path(PROPERTY_SOURCE_TIME).isTextual()) {
      metadata.set(PROPERTY_SOURCE_TIME, previous.get(PROPERTY_SOURCE_TIME).deepCopy());
    }
    return metadata;
  }

  /** The size of the twin's JSON without the hub's bookkeeping ({@code $metadata}), which the limit is about. */
  private static int contentBytes(ObjectNode twin) {
    ObjectNode content = twin.deepCopy();
    content.remove(METADATA);
    content.forEach(member -> {
      if (member.isObject()) {
        ((ObjectNode) member).remove(METADATA);
      }
    });
    return Json.write(content).getBytes(StandardCharsets.UTF_8).length;
  }
}
