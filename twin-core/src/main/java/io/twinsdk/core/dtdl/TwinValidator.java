package io.twinsdk.core.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames;
import io.twinsdk.core.dtdl.internal.JsonPointers;
import io.twinsdk.core.dtdl.internal.ValueFormats;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A twin validator checks Azure Digital Twins documents against the models of a {@link ModelSet}: a digital twin
 * (top-level properties, components, {@code $metadata}) or a relationship (its name and target against the source
 * model, its properties against the relationship's).
 *
 * <p>Validation walks the document once and returns every problem found, each with a JSON pointer and a sentence, such
 * as {@code /Temperature: expected a number (double) but got the string "hot"}. The validator is immutable and
 * thread-safe.
 */
public final class TwinValidator {

  private static final String DT_ID = DigitalTwinsJsonNames.DIGITAL_TWIN_ID;
  private static final String ETAG = DigitalTwinsJsonNames.ETAG;
  private static final String METADATA = DigitalTwinsJsonNames.METADATA;
  private static final String MODEL = DigitalTwinsJsonNames.METADATA_MODEL;
  private static final String LAST_UPDATE_TIME = DigitalTwinsJsonNames.METADATA_LAST_UPDATE_TIME;
  private static final Set<String> PROPERTY_METADATA = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
      DigitalTwinsJsonNames.PROPERTY_LAST_UPDATE_TIME, DigitalTwinsJsonNames.PROPERTY_SOURCE_TIME)));
  private static final List<String> RELATIONSHIP_SYSTEM_PROPERTIES = Collections.unmodifiableList(Arrays.asList(
      DigitalTwinsJsonNames.RELATIONSHIP_ID, DigitalTwinsJsonNames.RELATIONSHIP_SOURCE_ID,
      DigitalTwinsJsonNames.RELATIONSHIP_TARGET_ID, DigitalTwinsJsonNames.RELATIONSHIP_NAME, ETAG));
  private static final String NOT_MATCHING = "";
  private static final String OUT_OF_RANGE = ", which is out of range";
  private static final int MAX_ECHO = 40;
  private static final int MAX_LISTED = 10;
  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigDecimal DOUBLE_MAX = new BigDecimal(Double.MAX_VALUE);
  private static final BigDecimal FLOAT_MAX = new BigDecimal(Float.MAX_VALUE);

  private final ModelSet models;

  private TwinValidator(ModelSet models) {
    this.models = models;
  }

  /** Returns a validator for twins whose models are in {@code models}. */
  public static TwinValidator of(ModelSet models) {
    return new TwinValidator(Objects.requireNonNull(models, "models"));
  }

  /** Returns the models this validator checks against. */
  public ModelSet models() {
    return models;
  }

  /**
   * Validates a digital twin in the service's shape: {@code $dtId}, {@code $etag}, {@code $metadata} with
   * {@code $model} (and optionally {@code $lastUpdateTime} and per-property {@code lastUpdateTime} and
   * {@code sourceTime}), property values, and one object per component with its own {@code $metadata}.
   *
   * @return the problems found; empty when the twin conforms to its model
   */
  public List<ValidationError> validateTwin(JsonNode twin) {
    Objects.requireNonNull(twin, "twin");
    List<ValidationError> errors = new ArrayList<>();
    if (!twin.isObject()) {
      errors.add(new ValidationError("", "a digital twin must be a JSON object, not " + describe(twin)));
      return errors;
    }
    DtdlInterface model = modelOf(twin, errors);
    if (model == null) {
      return errors;
    }
    Iterator<Map.Entry<String, JsonNode>> members = twin.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      String name = member.getKey();
      String pointer = JsonPointers.append("", name);
      if (name.equals(DT_ID) || name.equals(ETAG)) {
        requireString(member.getValue(), pointer, name, errors);
      } else if (name.equals(METADATA)) {
        validateMetadata(member.getValue(), pointer, model, true, errors);
      } else if (name.startsWith("$")) {
        errors.add(new ValidationError(pointer, name + " is not a system property of a digital twin; a twin may have"
            + " $dtId, $etag and $metadata"));
      } else {
        validateMember(member.getValue(), pointer, name, model, true, errors);
      }
    }
    for (DtdlContent content : model.effectiveContents().values()) {
      if (content.kind() == ContentKind.COMPONENT && !twin.has(content.name())) {
        errors.add(new ValidationError(JsonPointers.append("", content.name()), "component " + content.name() + " ("
            + ((DtdlComponent) content).schema().id() + ") is missing; every component of the model must be present,"
            + " at least as {\"$metadata\": {}}"));
      }
    }
    return errors;
  }

  /**
   * Validates a relationship document against the model of its source twin: {@code $relationshipName} must name a
   * Relationship of {@code sourceModel} (declared or inherited), the target twin's model must be the relationship's
   * target or extend it, and the other members must be properties of the relationship with valid values.
   *
   * @param relationship the relationship ({@code $relationshipName}, {@code $targetId}, properties, and optionally
   *     {@code $relationshipId}, {@code $sourceId}, {@code $etag})
   * @param sourceModel the model of the source twin
   * @param targetModel the model of the target twin, or {@code null} to skip the target check
   * @return the problems found; empty when the relationship conforms
   */
  public List<ValidationError> validateRelationship(JsonNode relationship, Dtmi sourceModel, Dtmi targetModel) {
    Objects.requireNonNull(relationship, "relationship");
    Objects.requireNonNull(sourceModel, "sourceModel");
    List<ValidationError> errors = new ArrayList<>();
    if (!relationship.isObject()) {
      errors.add(new ValidationError("", "a relationship must be a JSON object, not " + describe(relationship)));
      return errors;
    }
    DtdlInterface source = models.get(sourceModel).orElse(null);
    if (source == null) {
      errors.add(new ValidationError("", "model " + sourceModel + " of the source twin is not defined"));
      return errors;
    }
    JsonNode nameNode = relationship.get("$relationshipName");
    if (nameNode == null || !nameNode.isTextual()) {
      errors.add(new ValidationError("/$relationshipName", "$relationshipName is required and must be a string"));
      return errors;
    }
    String name = nameNode.textValue();
    DtdlContent content = source.content(name).orElse(null);
    if (!(content instanceof DtdlRelationship)) {
      errors.add(new ValidationError("/$relationshipName", content == null
          ? "relationship " + name + " is not defined in model " + sourceModel
          : name + " is not a relationship - it is a " + content.kind().term() + " of model " + sourceModel));
      return errors;
    }
    DtdlRelationship declared = (DtdlRelationship) content;
    Dtmi target = declared.target().orElse(null);
    if (target != null && targetModel != null && !models.isAssignableTo(targetModel, target)) {
      errors.add(new ValidationError("/$targetId", "relationship " + name + " of model " + sourceModel
          + " must target a twin of model " + target + ", but the target twin's model " + targetModel
          + " is not that model and does not extend it"));
    }
    Iterator<Map.Entry<String, JsonNode>> members = relationship.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      String key = member.getKey();
      String pointer = JsonPointers.append("", key);
      if (RELATIONSHIP_SYSTEM_PROPERTIES.contains(key)) {
        requireString(member.getValue(), pointer, key, errors);
      } else if (key.startsWith("$")) {
        errors.add(new ValidationError(pointer, key + " is not a system property of a relationship; a relationship"
            + " may have " + String.join(", ", RELATIONSHIP_SYSTEM_PROPERTIES)));
      } else {
        DtdlProperty property = declared.property(key).orElse(null);
        if (property == null) {
          errors.add(new ValidationError(pointer, key + " is not a property of relationship " + name + " of model "
              + sourceModel));
        } else {
          validateValue(member.getValue(), property.schema(), pointer, errors);
        }
      }
    }
    return errors;
  }

  private DtdlInterface modelOf(JsonNode twin, List<ValidationError> errors) {
    JsonNode metadata = twin.get(METADATA);
    if (metadata == null || !metadata.isObject()) {
      errors.add(new ValidationError("/$metadata", "$metadata is required: an object whose $model names the twin's"
          + " model"));
      return null;
    }
    JsonNode model = metadata.get(MODEL);
    if (model == null || !model.isTextual()) {
      errors.add(new ValidationError("/$metadata/$model", "$model is required and must be a DTMI string"));
      return null;
    }
    Dtmi id;
    try {
      id = Dtmi.parse(model.textValue());
    } catch (InvalidDtmiException e) {
      errors.add(new ValidationError("/$metadata/$model", e.getMessage()));
      return null;
    }
    DtdlInterface found = models.get(id).orElse(null);
    if (found == null) {
      errors.add(new ValidationError("/$metadata/$model", "model " + id + " is not defined; upload it first"));
    }
    return found;
  }

  private void validateMember(JsonNode value, String pointer, String name, DtdlInterface model, boolean topLevel,
      List<ValidationError> errors) {
    DtdlContent content = model.content(name).orElse(null);
    if (content == null) {
      errors.add(new ValidationError(pointer, name + " is not a property" + (topLevel ? " or component" : "")
          + " of model " + model.id()));
      return;
    }
    switch (content.kind()) {
      case PROPERTY:
        validateValue(value, ((DtdlProperty) content).schema(), pointer, errors);
        break;
      case COMPONENT:
        validateComponent(value, pointer, (DtdlComponent) content, errors);
        break;
      default:
        errors.add(new ValidationError(pointer, name + " is not a property - it is a " + content.kind().term() + "."));
    }
  }

  private void validateComponent(JsonNode value, String pointer, DtdlComponent component,
      List<ValidationError> errors) {
    if (!value.isObject()) {
      errors.add(new ValidationError(pointer, "component " + component.name() + " must be an object with its"
          + " properties and $metadata, not " + describe(value)));
      return;
    }
    DtdlInterface model = component.schema();
    JsonNode metadata = value.get(METADATA);
    if (metadata == null) {
      errors.add(new ValidationError(JsonPointers.append(pointer, METADATA), "component " + component.name()
          + " needs a $metadata object (it may be empty)"));
    }
    Iterator<Map.Entry<String, JsonNode>> members = value.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      String name = member.getKey();
      String memberPointer = JsonPointers.append(pointer, name);
      if (name.equals(METADATA)) {
        validateMetadata(member.getValue(), memberPointer, model, false, errors);
      } else if (name.startsWith("$")) {
        errors.add(new ValidationError(memberPointer, name + " is not allowed in a component; a component may have"
            + " $metadata"));
      } else {
        validateMember(member.getValue(), memberPointer, name, model, false, errors);
      }
    }
  }

  private void validateMetadata(JsonNode metadata, String pointer, DtdlInterface model, boolean topLevel,
      List<ValidationError> errors) {
    if (!metadata.isObject()) {
      errors.add(new ValidationError(pointer, "$metadata must be an object, not " + describe(metadata)));
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> members = metadata.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      String name = member.getKey();
      String memberPointer = JsonPointers.append(pointer, name);
      if (name.equals(MODEL) && topLevel) {
        continue;
      }
      if (name.equals(LAST_UPDATE_TIME)) {
        requireDateTime(member.getValue(), memberPointer, errors);
        continue;
      }
      DtdlContent content = name.startsWith("$") ? null : model.content(name).orElse(null);
      if (content == null || content.kind() != ContentKind.PROPERTY) {
        errors.add(new ValidationError(memberPointer, name.startsWith("$")
            ? name + " is not allowed in $metadata; it may have " + (topLevel ? "$model, " : "") + "$lastUpdateTime"
                + " and an entry per property"
            : name + " is not a property of model " + model.id() + ", so $metadata cannot describe it"));
        continue;
      }
      validatePropertyMetadata(member.getValue(), memberPointer, errors);
    }
  }

  private void validatePropertyMetadata(JsonNode value, String pointer, List<ValidationError> errors) {
    if (!value.isObject()) {
      errors.add(new ValidationError(pointer, "property metadata must be an object with lastUpdateTime and"
          + " sourceTime, not " + describe(value)));
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> members = value.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      String memberPointer = JsonPointers.append(pointer, member.getKey());
      if (!PROPERTY_METADATA.contains(member.getKey())) {
        errors.add(new ValidationError(memberPointer, member.getKey() + " is not allowed in property metadata; it"
            + " may have lastUpdateTime and sourceTime"));
      } else if (!(member.getKey().equals("sourceTime") && member.getValue().isNull())) {
        requireDateTime(member.getValue(), memberPointer, errors);
      }
    }
  }

  // ---- values ----

  private void validateValue(JsonNode value, DtdlSchema schema, String pointer, List<ValidationError> errors) {
    if (schema instanceof PrimitiveSchema) {
      validatePrimitive(value, (PrimitiveSchema) schema, pointer, errors);
    } else if (schema instanceof EnumSchema) {
      validateEnum(value, (EnumSchema) schema, pointer, errors);
    } else if (schema instanceof ObjectSchema) {
      validateObject(value, (ObjectSchema) schema, pointer, errors);
    } else if (schema instanceof MapSchema) {
      validateMap(value, (MapSchema) schema, pointer, errors);
    } else {
      validateArray(value, (ArraySchema) schema, pointer, errors);
    }
  }

  private void validatePrimitive(JsonNode value, PrimitiveSchema schema, String pointer,
      List<ValidationError> errors) {
    String mismatch = mismatch(value, schema);
    if (mismatch != null) {
      errors.add(new ValidationError(pointer, "expected " + schema.expected() + " but got " + describe(value)
          + mismatch));
    }
  }

  /**
   * Returns {@code null} when {@code value} matches {@code schema}; otherwise what to append to "expected X but got Y":
   * nothing when the kind of value is wrong, or a clause saying why a value of the right kind does not fit.
   */
  private static String mismatch(JsonNode value, PrimitiveSchema schema) {
    if (schema.isGeospatial()) {
      return GeoJson.check(value, schema);
    }
    boolean matches;
    if (schema == PrimitiveSchema.BOOLEAN) {
      matches = value.isBoolean();
    } else if (schema == PrimitiveSchema.STRING) {
      matches = value.isTextual();
    } else if (schema.isNumeric()) {
      return value.isNumber() ? numberMismatch(value.decimalValue(), schema) : NOT_MATCHING;
    } else {
      matches = value.isTextual() && matchesTemporal(value.textValue(), schema);
    }
    return matches ? null : NOT_MATCHING;
  }

  private static String numberMismatch(BigDecimal number, PrimitiveSchema schema) {
    if (schema == PrimitiveSchema.DOUBLE || schema == PrimitiveSchema.FLOAT) {
      BigDecimal max = schema == PrimitiveSchema.DOUBLE ? DOUBLE_MAX : FLOAT_MAX;
      return number.abs().compareTo(max) > 0 ? OUT_OF_RANGE : null;
    }
    if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
      return NOT_MATCHING;
    }
    BigInteger integer = number.toBigInteger();
    boolean int32 = schema == PrimitiveSchema.INTEGER;
    boolean inRange = int32 ? integer.compareTo(INT_MIN) >= 0 && integer.compareTo(INT_MAX) <= 0
        : integer.compareTo(LONG_MIN) >= 0 && integer.compareTo(LONG_MAX) <= 0;
    return inRange ? null : OUT_OF_RANGE;
  }

  private static boolean matchesTemporal(String text, PrimitiveSchema schema) {
    if (schema == PrimitiveSchema.DATE) {
      return ValueFormats.isDate(text);
    }
    if (schema == PrimitiveSchema.DATE_TIME) {
      return ValueFormats.isDateTime(text);
    }
    if (schema == PrimitiveSchema.TIME) {
      return ValueFormats.isTime(text);
    }
    return ValueFormats.isDuration(text);
  }

  private void validateEnum(JsonNode value, EnumSchema schema, String pointer, List<ValidationError> errors) {
    if (schema.valueOf(value).isPresent()) {
      return;
    }
    StringBuilder allowed = new StringBuilder();
    List<DtdlEnumValue> values = schema.enumValues();
    for (int i = 0; i < values.size() && i < MAX_LISTED; i++) {
      allowed.append(i == 0 ? "" : ", ").append(values.get(i).value()).append(" (").append(values.get(i).name())
          .append(')');
    }
    if (values.size() > MAX_LISTED) {
      allowed.append(", ...");
    }
    errors.add(new ValidationError(pointer, values.isEmpty()
        ? "expected a value of an enum that has no values, but got " + describe(value)
        : "expected one of the enum values " + allowed + " but got " + describe(value)));
  }

  private void validateObject(JsonNode value, ObjectSchema schema, String pointer, List<ValidationError> errors) {
    if (!value.isObject()) {
      errors.add(new ValidationError(pointer, "expected an object with fields " + schema.fields().keySet()
          + " but got " + describe(value)));
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> members = value.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      String memberPointer = JsonPointers.append(pointer, member.getKey());
      DtdlField field = schema.field(member.getKey()).orElse(null);
      if (field == null) {
        errors.add(new ValidationError(memberPointer, member.getKey() + " is not a field of the object; its fields are "
            + schema.fields().keySet()));
      } else {
        validateValue(member.getValue(), field.schema(), memberPointer, errors);
      }
    }
  }

  private void validateMap(JsonNode value, MapSchema schema, String pointer, List<ValidationError> errors) {
    if (!value.isObject()) {
      errors.add(new ValidationError(pointer, "expected an object (a map from " + schema.keyName() + " to "
          + schema.valueName() + ") but got " + describe(value)));
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> members = value.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      validateValue(member.getValue(), schema.valueSchema(), JsonPointers.append(pointer, member.getKey()), errors);
    }
  }

  private void validateArray(JsonNode value, ArraySchema schema, String pointer, List<ValidationError> errors) {
    if (!value.isArray()) {
      errors.add(new ValidationError(pointer, "expected an array but got " + describe(value)));
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      validateValue(value.get(i), schema.elementSchema(), JsonPointers.append(pointer, i), errors);
    }
  }

  private static void requireString(JsonNode value, String pointer, String name, List<ValidationError> errors) {
    if (!value.isTextual()) {
      errors.add(new ValidationError(pointer, name + " must be a string, not " + describe(value)));
    }
  }

  private static void requireDateTime(JsonNode value, String pointer, List<ValidationError> errors) {
    if (!value.isTextual() || !ValueFormats.isDateTime(value.textValue())) {
      errors.add(new ValidationError(pointer, "expected " + PrimitiveSchema.DATE_TIME.expected() + " but got "
          + describe(value)));
    }
  }

  /** Describes a JSON value for a message: {@code the string "hot"}, {@code the number 5}, {@code an object}. */
  static String describe(JsonNode value) {
    if (value.isTextual()) {
      String text = value.textValue();
      return "the string \"" + (text.length() > MAX_ECHO ? text.substring(0, MAX_ECHO) + "..." : text) + "\"";
    }
    if (value.isNumber()) {
      return "the number " + value;
    }
    if (value.isBoolean()) {
      return "the boolean " + value;
    }
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "an array";
    }
    return "null";
  }
}
