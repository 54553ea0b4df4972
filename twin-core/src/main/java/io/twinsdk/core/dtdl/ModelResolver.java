package io.twinsdk.core.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.dtdl.Element.Ref;
import io.twinsdk.core.dtdl.internal.ElementClass;
import io.twinsdk.core.dtdl.internal.Prop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second pass of the DTDL parser: resolves the references between {@link Element}s (and into an already-resolved
 * {@link ModelSet}), checks the rules that span elements, and builds the immutable model.
 */
final class ModelResolver {

  private static final int MAX_EXTENDS_DEPTH = 10;
  private static final int MAX_SCHEMA_DEPTH = 5;
  private static final int V2_MAX_CONTENTS = 300;
  private static final int V3_MAX_EXTENDS_HIERARCHY = 1024;
  private static final int V3_MAX_CONTENT_ELEMENTS = 100_000;

  private final ModelSet base;
  private final List<ModelError> errors;
  private final Map<Dtmi, Element> index = new HashMap<>();
  private final Map<Element, DtdlInterface> interfaces = new IdentityHashMap<>();
  private final Map<Element, DtdlSchema> schemas = new IdentityHashMap<>();
  private final Set<Element> failed = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Element> building = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Dtmi, Set<Dtmi>> dependencies = new LinkedHashMap<>();
  private final Map<DtdlInterface, Integer> extendsDepth = new IdentityHashMap<>();

  ModelResolver(ModelSet base, List<ModelError> errors) {
    this.base = base;
    this.errors = errors;
  }

  /** Resolves and builds the elements; returns the extended set, or {@code null} after recording errors. */
  ModelSet resolve(List<Element> elements) {
    indexIds(elements);
    for (Element element : elements) {
      for (Ref ref : element.allRefs()) {
        resolveReference(ref);
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    for (Element element : elements) {
      if (element.cls == ElementClass.INTERFACE) {
        buildInterface(element);
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    return assemble(elements);
  }

  // ---- identifiers and references ----

  private void indexIds(List<Element> elements) {
    for (Element element : elements) {
      if (element.id == null) {
        continue;
      }
      String pointer = element.pointer + "/@id";
      if (index.containsKey(element.id)) {
        error(ModelError.Code.DUPLICATE_ID, element, pointer, "@id " + element.id + " is used by more than one element",
            null);
      } else if (base.contains(element.id) || base.interfaceOfInnerId(element.id) != null) {
        error(ModelError.Code.ALREADY_EXISTS, element, pointer, "a model with @id " + element.id + " already exists",
            null);
      } else {
        index.put(element.id, element);
      }
    }
  }

  private void resolveReference(Ref ref) {
    Element holder = ref.holder;
    if (ref.inline != null) {
      if (ref.inline.cls == ElementClass.INTERFACE) {
        depend(holder, ref.inline.id);
      }
      return;
    }
    if (ref.reference == null) {
      return;
    }
    Element target = index.get(ref.reference);
    if (target != null) {
      resolveToElement(ref, target);
      return;
    }
    DtdlInterface existing = base.get(ref.reference).orElse(null);
    Dtmi container = base.interfaceOfInnerId(ref.reference);
    if (existing != null && ref.spec.range.contains(ElementClass.INTERFACE)) {
      if (!ElementParser.versionsCompatible(holder, ref.spec, existing.dtdlVersion())) {
        invalid(holder, ref.pointer, ref.reference + " is a DTDL v" + existing.dtdlVersion()
            + " Interface, which a DTDL v" + holder.version() + " " + holder.describe() + " cannot use");
        return;
      }
      ref.resolved = existing;
      depend(holder, existing.id());
    } else if (existing != null) {
      invalid(holder, ref.pointer, ref.reference + " is an Interface, but " + PropSpec.article(ref.spec.rangeTerms())
          + " is expected here");
    } else if (container != null) {
      invalid(holder, ref.pointer, notReferenceable(ref.reference, container));
    } else {
      error(ModelError.Code.UNRESOLVED_REFERENCE, holder, ref.pointer, ref.reference
          + " is not defined in the documents nor among the existing models", ref.reference.toString());
    }
  }

  private void resolveToElement(Ref ref, Element target) {
    Element holder = ref.holder;
    if (!ref.spec.range.contains(target.cls)) {
      invalid(holder, ref.pointer, ref.reference + " is " + PropSpec.article(target.describe()) + ", but "
          + PropSpec.article(ref.spec.rangeTerms()) + " is expected here");
    } else if (!ElementParser.versionsCompatible(holder, ref.spec, target.version())) {
      invalid(holder, ref.pointer, ref.reference + " is a DTDL v" + target.version() + " " + target.describe()
          + ", which a DTDL v" + holder.version() + " " + holder.describe() + " cannot use");
    } else if (target.cls != ElementClass.INTERFACE && target.interfaceScope() != holder.interfaceScope()) {
      // DTDL partitions a model by Interface; only Interfaces are referenceable across partitions.
      invalid(holder, ref.pointer, notReferenceable(ref.reference, target.interfaceScope().id));
    } else {
      ref.target = target;
      if (target.cls == ElementClass.INTERFACE) {
        depend(holder, target.id);
      }
    }
  }

  private static String notReferenceable(Dtmi reference, Dtmi container) {
    return reference + " is defined inside Interface " + container + "; apart from Interfaces, an element can only"
        + " refer to elements defined in its own Interface";
  }

  private void depend(Element holder, Dtmi target) {
    Dtmi from = holder.interfaceScope().id;
    if (from != null && target != null && !from.equals(target)) {
      dependencies.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(target);
    }
  }

  // ---- Interfaces ----

  private DtdlInterface interfaceOf(Ref ref) {
    return ref.resolved != null ? ref.resolved : buildInterface(ref.element());
  }

  private DtdlInterface buildInterface(Element element) {
    DtdlInterface built = interfaces.get(element);
    if (built != null || failed.contains(element)) {
      return built;
    }
    if (!building.add(element)) {
      invalid(element, element.pointer, "Interface " + element.id
          + " extends or contains itself, directly or through other Interfaces");
      failed.add(element);
      return null;
    }
    try {
      built = createInterface(element);
    } finally {
      building.remove(element);
    }
    if (built == null) {
      failed.add(element);
    } else {
      interfaces.put(element, built);
    }
    return built;
  }

  private DtdlInterface createInterface(Element element) {
    int errorCount = errors.size();
    List<DtdlInterface> bases = new ArrayList<>();
    for (Ref ref : element.refs(Prop.EXTENDS)) {
      DtdlInterface baseInterface = interfaceOf(ref);
      if (baseInterface != null) {
        bases.add(baseInterface);
      }
    }
    List<DtdlContent> contents = new ArrayList<>();
    List<Element> contentElements = new ArrayList<>();
    for (Ref ref : element.refs(Prop.CONTENTS)) {
      DtdlContent content = buildContent(ref.element(), element.id);
      if (content != null) {
        contents.add(content);
        contentElements.add(ref.element());
      }
    }
    List<DtdlSchema> reusable = new ArrayList<>();
    for (Ref ref : element.refs(Prop.SCHEMAS)) {
      DtdlSchema schema = schemaOf(ref);
      if (schema != null) {
        reusable.add(schema);
      }
    }
    if (errors.size() > errorCount) {
      return null;
    }
    Map<String, DtdlContent> effective = effectiveContents(element, bases, contents, contentElements);
    checkInterfaceLimits(element, bases, effective);
    if (errors.size() > errorCount) {
      return null;
    }
    return new DtdlInterface(element.id, element.version(), info(element), bases, contents, reusable, effective);
  }

  private Map<String, DtdlContent> effectiveContents(Element element, List<DtdlInterface> bases,
      List<DtdlContent> own, List<Element> ownElements) {
    Map<String, DtdlContent> effective = new LinkedHashMap<>();
    for (DtdlInterface baseInterface : bases) {
      for (DtdlContent inherited : baseInterface.effectiveContents().values()) {
        DtdlContent previous = effective.putIfAbsent(inherited.name(), inherited);
        if (previous != null && previous != inherited) {
          invalid(element, element.pointerOf(Prop.EXTENDS), "Interface " + element.id + " inherits two contents"
              + " named \"" + inherited.name() + "\", from " + previous.definedIn() + " and from "
              + inherited.definedIn());
        }
      }
    }
    for (int i = 0; i < own.size(); i++) {
      DtdlContent content = own.get(i);
      DtdlContent previous = effective.putIfAbsent(content.name(), content);
      if (previous == null) {
        continue;
      }
      String pointer = ownElements.get(i).pointerOf(Prop.NAME);
      if (previous.definedIn().equals(element.id)) {
        invalid(element, pointer, "the name \"" + content.name() + "\" is used by more than one content of Interface "
            + element.id);
      } else {
        invalid(element, pointer, "the content \"" + content.name() + "\" redefines a content inherited from "
            + previous.definedIn() + "; an extending Interface cannot redefine an inherited name");
      }
    }
    return effective;
  }

  private void checkInterfaceLimits(Element element, List<DtdlInterface> bases, Map<String, DtdlContent> effective) {
    int depth = 0;
    Set<Dtmi> hierarchy = new LinkedHashSet<>();
    for (DtdlInterface baseInterface : bases) {
      depth = Math.max(depth, 1 + extendsDepthOf(baseInterface));
      hierarchy.add(baseInterface.id());
      hierarchy.addAll(baseInterface.ancestors());
    }
    if (depth > MAX_EXTENDS_DEPTH) {
      invalid(element, element.pointerOf(Prop.EXTENDS), "the extends hierarchy of " + element.id + " is " + depth
          + " levels deep; DTDL allows at most " + MAX_EXTENDS_DEPTH);
    }
    if (element.version() == 2 && effective.size() > V2_MAX_CONTENTS) {
      invalid(element, element.pointerOf(Prop.CONTENTS), "Interface " + element.id + " has " + effective.size()
          + " contents including inherited ones; DTDL v2 allows at most " + V2_MAX_CONTENTS);
    }
    if (element.version() == 3 && hierarchy.size() > V3_MAX_EXTENDS_HIERARCHY) {
      invalid(element, element.pointerOf(Prop.EXTENDS), "Interface " + element.id + " extends " + hierarchy.size()
          + " Interfaces; DTDL v3 allows at most " + V3_MAX_EXTENDS_HIERARCHY);
    }
    if (element.version() == 3) {
      long count = 0;
      for (DtdlContent content : effective.values()) {
        count += ElementCounter.count(content);
      }
      if (count > V3_MAX_CONTENT_ELEMENTS) {
        invalid(element, element.pointerOf(Prop.CONTENTS), "Interface " + element.id + " has " + count
            + " elements in its contents hierarchy; DTDL v3 allows at most " + V3_MAX_CONTENT_ELEMENTS);
      }
    }
  }

  private int extendsDepthOf(DtdlInterface model) {
    Integer known = extendsDepth.get(model);
    if (known != null) {
      return known;
    }
    int depth = 0;
    for (DtdlInterface baseInterface : model.bases()) {
      depth = Math.max(depth, 1 + extendsDepthOf(baseInterface));
    }
    extendsDepth.put(model, depth);
    return depth;
  }

  // ---- contents ----

  private DtdlContent buildContent(Element element, Dtmi definedIn) {
    ElementInfo info = info(element);
    String name = element.string(Prop.NAME);
    switch (element.cls) {
      case PROPERTY:
        DtdlSchema propertySchema = schemaOf(element.ref(Prop.SCHEMA));
        if (propertySchema == null) {
          return null;
        }
        if (element.version() == 2 && propertySchema.containsArray()) {
          invalid(element, element.pointerOf(Prop.SCHEMA), "the schema of Property \"" + name + "\" contains an Array"
              + " (geospatial schemas are arrays too), which DTDL v2 does not allow in a Property");
        }
        checkSemanticSchema(element, propertySchema);
        return new DtdlProperty(info, name, definedIn, propertySchema, Boolean.TRUE.equals(element.get(Prop.WRITABLE)));
      case TELEMETRY:
        DtdlSchema telemetrySchema = schemaOf(element.ref(Prop.SCHEMA));
        if (telemetrySchema == null) {
          return null;
        }
        checkSemanticSchema(element, telemetrySchema);
        return new DtdlTelemetry(info, name, definedIn, telemetrySchema);
      case COMMAND:
        return new DtdlCommand(info, name, definedIn, payload(element.ref(Prop.REQUEST)),
            payload(element.ref(Prop.RESPONSE)));
      case RELATIONSHIP:
        return buildRelationship(element, info, name, definedIn);
      default:
        // The contents range admits only one more class: Component.
        return buildComponent(element, info, name, definedIn);
    }
  }

  private DtdlContent buildComponent(Element element, ElementInfo info, String name, Dtmi definedIn) {
    Ref ref = element.ref(Prop.SCHEMA);
    DtdlInterface schema = interfaceOf(ref);
    if (schema == null) {
      return null;
    }
    for (DtdlContent content : schema.effectiveContents().values()) {
      if (content.kind() == ContentKind.COMPONENT) {
        invalid(element, ref.pointer, "Component \"" + name + "\" uses Interface " + schema.id()
            + ", which has Component \"" + content.name() + "\"; Components cannot be nested");
        return null;
      }
    }
    return new DtdlComponent(info, name, definedIn, schema);
  }

  private void checkSemanticSchema(Element element, DtdlSchema schema) {
    if (!element.semanticTypes.isEmpty() && !(schema instanceof PrimitiveSchema
        && ((PrimitiveSchema) schema).isNumeric())) {
      invalid(element, element.pointerOf(Prop.SCHEMA), PropSpec.article(element.describe()) + " with semantic type "
          + element.semanticTypes.get(0) + " needs a numeric schema: double, float, integer or long");
    }
  }

  private DtdlCommandPayload payload(Ref ref) {
    if (ref == null) {
      return null;
    }
    Element element = ref.element();
    DtdlSchema schema = schemaOf(element.ref(Prop.SCHEMA));
    return schema == null ? null : new DtdlCommandPayload(info(element), element.string(Prop.NAME), schema);
  }

  private DtdlContent buildRelationship(Element element, ElementInfo info, String name, Dtmi definedIn) {
    List<DtdlProperty> properties = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Ref ref : element.refs(Prop.PROPERTIES)) {
      Element property = ref.element();
      DtdlContent content = buildContent(property, definedIn);
      if (content == null) {
        continue;
      }
      if (!names.add(content.name())) {
        invalid(element, property.pointerOf(Prop.NAME), "the name \"" + content.name()
            + "\" is used by more than one property of Relationship \"" + name + "\"");
      }
      properties.add((DtdlProperty) content);
    }
    Integer min = element.get(Prop.MIN_MULTIPLICITY);
    return new DtdlRelationship(info, name, definedIn, element.get(Prop.TARGET), min == null ? 0 : min,
        element.get(Prop.MAX_MULTIPLICITY), Boolean.TRUE.equals(element.get(Prop.WRITABLE)), properties);
  }

  // ---- schemas ----

  private DtdlSchema schemaOf(Ref ref) {
    return ref.primitive != null ? ref.primitive : buildSchema(ref.element());
  }

  private DtdlSchema buildSchema(Element element) {
    DtdlSchema built = schemas.get(element);
    if (built != null || failed.contains(element)) {
      return built;
    }
    if (!building.add(element)) {
      invalid(element, element.pointer, "the " + element.describe() + " " + (element.id == null ? "" : element.id + " ")
          + "refers to itself; complex schemas cannot be recursive");
      failed.add(element);
      return null;
    }
    try {
      built = createSchema(element);
    } finally {
      building.remove(element);
    }
    if (built != null && built.depth() > MAX_SCHEMA_DEPTH) {
      invalid(element, element.pointer, "complex schemas are nested " + built.depth()
          + " levels deep here (counting elementSchema and schema steps); DTDL allows at most " + MAX_SCHEMA_DEPTH);
      built = null;
    }
    if (built == null) {
      failed.add(element);
    } else {
      schemas.put(element, built);
    }
    return built;
  }

  private DtdlSchema createSchema(Element element) {
    ElementInfo info = info(element);
    switch (element.cls) {
      case ARRAY:
        DtdlSchema elementSchema = schemaOf(element.ref(Prop.ELEMENT_SCHEMA));
        return elementSchema == null ? null : new ArraySchema(info, elementSchema);
      case ENUM:
        return buildEnum(element, info);
      case MAP:
        Element key = element.ref(Prop.MAP_KEY).element();
        Element value = element.ref(Prop.MAP_VALUE).element();
        DtdlSchema valueSchema = schemaOf(value.ref(Prop.SCHEMA));
        return valueSchema == null ? null
            : new MapSchema(info, key.string(Prop.NAME), value.string(Prop.NAME), valueSchema);
      default:
        // The schema range admits only one more class: Object.
        return buildObject(element, info);
    }
  }

  private DtdlSchema buildEnum(Element element, ElementInfo info) {
    PrimitiveSchema valueSchema = element.get(Prop.VALUE_SCHEMA);
    List<DtdlEnumValue> values = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    List<JsonNode> seen = new ArrayList<>();
    boolean valid = true;
    for (Ref ref : element.refs(Prop.ENUM_VALUES)) {
      Element enumValue = ref.element();
      String name = enumValue.string(Prop.NAME);
      JsonNode literal = enumValue.get(Prop.ENUM_VALUE);
      String pointer = enumValue.pointerOf(Prop.ENUM_VALUE);
      boolean integer = valueSchema == PrimitiveSchema.INTEGER;
      if (integer ? !literal.isIntegralNumber() : !literal.isTextual()) {
        invalid(enumValue, pointer, "enumValue " + literal + " of \"" + name + "\" must be " + (integer
            ? "an integer" : "a string") + " because the Enum's valueSchema is " + valueSchema.term());
        valid = false;
        continue;
      }
      if (!names.add(name)) {
        invalid(enumValue, enumValue.pointerOf(Prop.NAME), "the name \"" + name
            + "\" is used by more than one value of the Enum");
        valid = false;
      }
      for (JsonNode other : seen) {
        if (other.equals(literal)) {
          invalid(enumValue, pointer, "the enumValue " + literal + " is used by more than one value of the Enum");
          valid = false;
        }
      }
      seen.add(literal);
      values.add(new DtdlEnumValue(info(enumValue), name, literal));
    }
    return valid ? new EnumSchema(info, valueSchema, values) : null;
  }

  private DtdlSchema buildObject(Element element, ElementInfo info) {
    List<DtdlField> fields = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    boolean valid = true;
    for (Ref ref : element.refs(Prop.FIELDS)) {
      Element field = ref.element();
      String name = field.string(Prop.NAME);
      if (!names.add(name)) {
        invalid(field, field.pointerOf(Prop.NAME), "the name \"" + name
            + "\" is used by more than one field of the Object");
        valid = false;
      }
      DtdlSchema schema = schemaOf(field.ref(Prop.SCHEMA));
      if (schema == null) {
        valid = false;
      } else {
        fields.add(new DtdlField(info(field), name, schema));
      }
    }
    return valid ? new ObjectSchema(info, fields) : null;
  }

  // ---- result ----

  private ModelSet assemble(List<Element> elements) {
    Map<Dtmi, DtdlInterface> all = new LinkedHashMap<>(base.interfaceMap());
    Map<Dtmi, Dtmi> innerIds = new LinkedHashMap<>(base.innerIds());
    Map<Dtmi, Set<Dtmi>> allDependencies = new LinkedHashMap<>(base.dependencies());
    for (Element element : elements) {
      if (element.cls == ElementClass.INTERFACE) {
        all.put(element.id, interfaces.get(element));
        allDependencies.put(element.id, dependencies.getOrDefault(element.id, Collections.emptySet()));
      } else if (element.id != null) {
        innerIds.put(element.id, element.interfaceScope().id);
      }
    }
    return new ModelSet(all, innerIds, allDependencies);
  }

  private static ElementInfo info(Element element) {
    Map<String, String> displayName = element.get(Prop.DISPLAY_NAME);
    Map<String, String> description = element.get(Prop.DESCRIPTION);
    return new ElementInfo(element.id, displayName == null ? Collections.emptyMap() : displayName,
        description == null ? Collections.emptyMap() : description, element.string(Prop.COMMENT));
  }

  private void invalid(Element element, String pointer, String message) {
    error(ModelError.Code.INVALID, element, pointer, message, null);
  }

  private void error(ModelError.Code code, Element element, String pointer, String message, String reference) {
    errors.add(new ModelError(code, element.document, pointer, element.modelId, message, reference));
  }
}
