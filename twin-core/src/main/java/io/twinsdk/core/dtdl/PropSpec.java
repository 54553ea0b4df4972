package io.twinsdk.core.dtdl;

import io.twinsdk.core.dtdl.internal.ElementClass;
import io.twinsdk.core.dtdl.internal.Prop;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A property specification says what a DTDL class accepts for one of its properties: the value form, whether it is
 * required, how many values it takes and, for element values, which classes.
 */
final class PropSpec {

  /** The form of a property's values. */
  enum Kind {
    /** A string (name, comment). */
    STRING,
    /** A localizable string (displayName, description). */
    LANGUAGE_MAP,
    BOOLEAN,
    INTEGER,
    /** An integer or a string (enumValue). */
    LITERAL,
    /** A DTMI that is not resolved (Relationship target). */
    DTMI,
    /** A term naming a primitive schema, restricted to {@link #primitives}. */
    PRIMITIVE,
    /** A term naming a command type (v2 commandType). */
    COMMAND_TYPE,
    /** A term naming a unit (v2 unit, with a semantic type). */
    UNIT,
    /** Elements of the classes in {@link #range}, written in place or referenced by DTMI. */
    ELEMENTS,
    /** A schema: a primitive schema term, or a complex schema written in place or referenced by DTMI. */
    SCHEMA
  }

  static final int UNLIMITED = Integer.MAX_VALUE;
  static final int MAX_TEXT_LENGTH = 512;
  static final int V2_MAX_NAME_LENGTH = 64;
  static final int V2_MAX_DISPLAY_NAME_LENGTH = 64;
  static final int V3_MAX_NAME_LENGTH = 512;

  private static final Set<ElementClass> CONTENT_CLASSES = EnumSet.of(ElementClass.TELEMETRY, ElementClass.PROPERTY,
      ElementClass.COMMAND, ElementClass.RELATIONSHIP, ElementClass.COMPONENT);
  private static final Set<ElementClass> COMPLEX_SCHEMAS =
      EnumSet.of(ElementClass.ARRAY, ElementClass.ENUM, ElementClass.MAP, ElementClass.OBJECT);

  private static final Map<Integer, Map<ElementClass, Map<Prop, PropSpec>>> SPECS = new HashMap<>();

  static {
    SPECS.put(2, buildSpecs(2));
    SPECS.put(3, buildSpecs(3));
  }

  final Prop prop;
  final Kind kind;
  final boolean required;
  final int minCount;
  final int maxCount;
  final int maxLength;
  final Set<ElementClass> range;
  final ElementClass defaultClass;
  final boolean idRequired;
  final Set<PrimitiveSchema> primitives;
  /**
   * Whether a DTDL v3 element may hold a DTDL v2 element here: Interfaces in {@code extends} and Component
   * {@code schema}, contents, Relationship properties, and complex schemas wherever a schema is expected; but not the
   * parts of a structure (enum values, map keys and values, fields, command payloads) nor reusable {@code schemas}.
   */
  final boolean acceptsV2;

  private PropSpec(Prop prop, Kind kind, boolean required, int minCount, int maxCount, int maxLength,
      Set<ElementClass> range, ElementClass defaultClass, boolean idRequired, Set<PrimitiveSchema> primitives,
      boolean acceptsV2) {
    this.prop = prop;
    this.kind = kind;
    this.required = required;
    this.minCount = minCount;
    this.maxCount = maxCount;
    this.maxLength = maxLength;
    this.range = range;
    this.defaultClass = defaultClass;
    this.idRequired = idRequired;
    this.primitives = primitives;
    this.acceptsV2 = acceptsV2;
  }

  /** Returns the properties a class has in DTDL {@code version}. */
  static Map<Prop, PropSpec> of(ElementClass cls, int version) {
    return SPECS.get(version).getOrDefault(cls, Collections.emptyMap());
  }

  /** Returns the specification of {@code unit}, which a Property or Telemetry has only with a semantic type. */
  static PropSpec unit() {
    return new PropSpec(Prop.UNIT, Kind.UNIT, true, 1, 1, 0, null, null, false, null, false);
  }

  private static PropSpec value(Prop prop, Kind kind, boolean required, int maxLength) {
    return new PropSpec(prop, kind, required, required ? 1 : 0, 1, maxLength, null, null, false, null, false);
  }

  private static PropSpec primitive(Prop prop, PrimitiveSchema... allowed) {
    Set<PrimitiveSchema> set = new LinkedHashSet<>(Arrays.asList(allowed));
    return new PropSpec(prop, Kind.PRIMITIVE, true, 1, 1, 0, null, null, false, set, false);
  }

  private static PropSpec elements(Prop prop, boolean required, int minCount, int maxCount, Set<ElementClass> range,
      ElementClass defaultClass, boolean idRequired, boolean acceptsV2) {
    return new PropSpec(prop, Kind.ELEMENTS, required, minCount, maxCount, 0, range, defaultClass, idRequired, null,
        acceptsV2);
  }

  private static PropSpec schema(Prop prop) {
    return new PropSpec(prop, Kind.SCHEMA, true, 1, 1, 0, COMPLEX_SCHEMAS, null, false, null, true);
  }

  private static Map<ElementClass, Map<Prop, PropSpec>> buildSpecs(int v) {
    boolean v2 = v == 2;
    int nameLength = v2 ? V2_MAX_NAME_LENGTH : V3_MAX_NAME_LENGTH;
    Map<ElementClass, Map<Prop, PropSpec>> specs = new EnumMap<>(ElementClass.class);
    for (ElementClass cls : ElementClass.values()) {
      if (!cls.existsIn(v)) {
        continue;
      }
      Map<Prop, PropSpec> props = new EnumMap<>(Prop.class);
      add(props, value(Prop.COMMENT, Kind.STRING, false, MAX_TEXT_LENGTH));
      add(props, value(Prop.DESCRIPTION, Kind.LANGUAGE_MAP, false, MAX_TEXT_LENGTH));
      add(props, value(Prop.DISPLAY_NAME, Kind.LANGUAGE_MAP, false, v2 ? V2_MAX_DISPLAY_NAME_LENGTH : MAX_TEXT_LENGTH));
      if (cls != ElementClass.INTERFACE && !cls.isComplexSchema()) {
        add(props, value(Prop.NAME, Kind.STRING, true, nameLength));
      }
      switch (cls) {
        case INTERFACE:
          add(props, elements(Prop.CONTENTS, false, 0, v2 ? 300 : UNLIMITED, CONTENT_CLASSES, null, false, true));
          add(props, elements(Prop.EXTENDS, false, 0, v2 ? 2 : UNLIMITED, EnumSet.of(ElementClass.INTERFACE), null,
              false, true));
          add(props, elements(Prop.SCHEMAS, false, 0, UNLIMITED, COMPLEX_SCHEMAS, null, true, false));
          break;
        case TELEMETRY:
          add(props, schema(Prop.SCHEMA));
          break;
        case PROPERTY:
          add(props, schema(Prop.SCHEMA));
          add(props, value(Prop.WRITABLE, Kind.BOOLEAN, false, 0));
          break;
        case COMMAND:
          ElementClass request = v2 ? ElementClass.COMMAND_PAYLOAD : ElementClass.COMMAND_REQUEST;
          ElementClass response = v2 ? ElementClass.COMMAND_PAYLOAD : ElementClass.COMMAND_RESPONSE;
          add(props, elements(Prop.REQUEST, false, 0, 1, EnumSet.of(request), request, false, false));
          add(props, elements(Prop.RESPONSE, false, 0, 1, EnumSet.of(response), response, false, false));
          if (v2) {
            add(props, value(Prop.COMMAND_TYPE, Kind.COMMAND_TYPE, false, 0));
          }
          break;
        case RELATIONSHIP:
          add(props, value(Prop.TARGET, Kind.DTMI, false, 0));
          add(props, value(Prop.MIN_MULTIPLICITY, Kind.INTEGER, false, 0));
          add(props, value(Prop.MAX_MULTIPLICITY, Kind.INTEGER, false, 0));
          add(props, value(Prop.WRITABLE, Kind.BOOLEAN, false, 0));
          add(props, elements(Prop.PROPERTIES, false, 0, v2 ? 300 : UNLIMITED, EnumSet.of(ElementClass.PROPERTY),
              null, false, true));
          break;
        case COMPONENT:
          add(props, elements(Prop.SCHEMA, true, 1, 1, EnumSet.of(ElementClass.INTERFACE), null, false, true));
          break;
        case COMMAND_PAYLOAD:
        case COMMAND_REQUEST:
        case COMMAND_RESPONSE:
        case FIELD:
        case MAP_VALUE:
          add(props, schema(Prop.SCHEMA));
          break;
        case ARRAY:
          add(props, schema(Prop.ELEMENT_SCHEMA));
          break;
        case ENUM:
          add(props, primitive(Prop.VALUE_SCHEMA, PrimitiveSchema.INTEGER, PrimitiveSchema.STRING));
          add(props, elements(Prop.ENUM_VALUES, v2, v2 ? 1 : 0, v2 ? 100 : UNLIMITED,
              EnumSet.of(ElementClass.ENUM_VALUE), ElementClass.ENUM_VALUE, false, false));
          break;
        case ENUM_VALUE:
          add(props, value(Prop.ENUM_VALUE, Kind.LITERAL, true, 0));
          break;
        case MAP:
          add(props, elements(Prop.MAP_KEY, true, 1, 1, EnumSet.of(ElementClass.MAP_KEY), ElementClass.MAP_KEY,
              false, false));
          add(props, elements(Prop.MAP_VALUE, true, 1, 1, EnumSet.of(ElementClass.MAP_VALUE), ElementClass.MAP_VALUE,
              false, false));
          break;
        case MAP_KEY:
          add(props, primitive(Prop.SCHEMA, PrimitiveSchema.STRING));
          break;
        case OBJECT:
          add(props, elements(Prop.FIELDS, v2, v2 ? 1 : 0, v2 ? 30 : UNLIMITED, EnumSet.of(ElementClass.FIELD),
              ElementClass.FIELD, false, false));
          break;
      }
      specs.put(cls, Collections.unmodifiableMap(props));
    }
    return specs;
  }

  private static void add(Map<Prop, PropSpec> props, PropSpec spec) {
    props.put(spec.prop, spec);
  }

  /** Returns the class terms of {@link #range} joined for a message, e.g. {@code "Array, Enum, Map or Object"}. */
  String rangeTerms() {
    return terms(range);
  }

  /** Returns class terms joined for a message, e.g. {@code "Array, Enum, Map or Object"}. */
  static String terms(Set<ElementClass> classes) {
    StringBuilder text = new StringBuilder();
    int i = 0;
    for (ElementClass cls : classes) {
      if (i > 0) {
        text.append(i == classes.size() - 1 ? " or " : ", ");
      }
      text.append(cls.term());
      i++;
    }
    return text.toString();
  }

  /** Returns {@code noun} with its indefinite article: "an Enum", "a Property". */
  static String article(String noun) {
    return ("AEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }
}
