package io.twinsdk.core.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.dtdl.Element.Ref;
import io.twinsdk.core.dtdl.Element.Scope;
import io.twinsdk.core.dtdl.internal.ElementClass;
import io.twinsdk.core.dtdl.internal.JsonLdValues;
import io.twinsdk.core.dtdl.internal.JsonLdValues.BadValue;
import io.twinsdk.core.dtdl.internal.JsonPointers;
import io.twinsdk.core.dtdl.internal.Prop;
import io.twinsdk.core.dtdl.internal.SemanticTypes;
import io.twinsdk.core.dtdl.internal.Vocabulary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The first pass of the DTDL parser: reads documents into {@link Element}s, checking everything that can be checked
 * within one element (contexts, identifiers, types, property names, value forms, counts and local limits). References
 * between elements are left to {@link ModelResolver}.
 */
final class ElementParser {

  private static final String CONTEXT = "@context";
  private static final String ID = "@id";
  private static final String TYPE = "@type";
  private static final String GRAPH = "@graph";
  private static final Pattern NAME = Pattern.compile("[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?");
  private static final int V2_MAX_MULTIPLICITY = 500;
  private static final Set<ElementClass> TOP_LEVEL = EnumSet.of(ElementClass.INTERFACE);

  private final boolean allowUndefinedExtensions;
  private final List<ModelError> errors;
  private final List<Element> elements = new ArrayList<>();

  ElementParser(boolean allowUndefinedExtensions, List<ModelError> errors) {
    this.allowUndefinedExtensions = allowUndefinedExtensions;
    this.errors = errors;
  }

  /** Returns every element read so far, in document order. */
  List<Element> elements() {
    return elements;
  }

  /** Reads one document: an Interface object or an array of Interface objects. */
  void parseDocument(int document, JsonNode json) {
    if (json.isObject()) {
      parseTopLevel(document, "", json, null);
      return;
    }
    if (!json.isArray()) {
      error(document, "", null, "a DTDL document must be an Interface object or an array of Interface objects");
      return;
    }
    Scope inherited = null;
    for (int i = 0; i < json.size(); i++) {
      JsonNode item = json.get(i);
      String pointer = JsonPointers.append("", i);
      if (!item.isObject()) {
        error(document, pointer, null, "each member of a DTDL document array must be an Interface object");
        continue;
      }
      // A top-level object without @context takes the context of an earlier object in the same document.
      Element element = parseTopLevel(document, pointer, item, inherited);
      if (element != null) {
        inherited = element.scope;
      }
    }
  }

  private Element parseTopLevel(int document, String pointer, JsonNode json, Scope inherited) {
    JsonNode id = json.get(ID);
    String modelId = id != null && id.isTextual() ? id.textValue() : null;
    if (inherited == null && !json.has(CONTEXT)) {
      error(document, pointer, modelId, "a top-level Interface needs \"@context\": \"" + Vocabulary.context(3)
          + "\" (or \"" + Vocabulary.context(2) + "\" for DTDL v2)");
      return null;
    }
    return parseElement(new Position(document, pointer, modelId, null), json, inherited, TOP_LEVEL, null, false);
  }

  /** Where an element is: its document, JSON pointer, top-level model and enclosing Interface. */
  private static final class Position {
    final int document;
    final String pointer;
    final String modelId;
    final Element owner;

    Position(int document, String pointer, String modelId, Element owner) {
      this.document = document;
      this.pointer = pointer;
      this.modelId = modelId;
      this.owner = owner;
    }
  }

  private Element parseElement(Position at, JsonNode json, Scope parentScope, Set<ElementClass> range,
      ElementClass defaultClass, boolean idRequired) {
    Scope scope = readContext(at, json, parentScope);
    if (scope == null) {
      return null;
    }
    Element element = new Element(at.document, at.pointer, at.modelId, at.owner, scope);
    element.cls = readTypes(element, json, range, defaultClass);
    if (element.cls == null) {
      return null;
    }
    readId(element, json, idRequired || element.cls == ElementClass.INTERFACE);
    elements.add(element);
    Map<Prop, PropSpec> specs = PropSpec.of(element.cls, scope.version);
    Iterator<Map.Entry<String, JsonNode>> members = json.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      readMember(element, specs, member.getKey(), member.getValue());
    }
    for (PropSpec spec : specs.values()) {
      if (spec.required && !element.given(spec.prop)) {
        error(element, element.pointer,
            PropSpec.article(element.describe()) + " requires \"" + spec.prop.term() + "\"");
      }
    }
    if (!element.semanticTypes.isEmpty() && !element.given(Prop.UNIT)) {
      error(element, element.pointer, PropSpec.article(element.describe()) + " with semantic type "
          + element.semanticTypes.get(0) + " requires \"unit\"");
    }
    checkLocalRules(element);
    return element;
  }

  // ---- @context ----

  private Scope readContext(Position at, JsonNode json, Scope parent) {
    JsonNode node = json.get(CONTEXT);
    if (node == null) {
      return parent;
    }
    String pointer = JsonPointers.append(at.pointer, CONTEXT);
    List<String> contexts = new ArrayList<>();
    if (node.isTextual()) {
      contexts.add(node.textValue());
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        if (!item.isTextual()) {
          error(at, pointer, "\"@context\" must be a DTMI string or an array of DTMI strings; local context"
              + " definitions are not supported");
          return null;
        }
        contexts.add(item.textValue());
      }
    } else {
      error(at, pointer, "\"@context\" must be a DTMI string or an array of DTMI strings");
      return null;
    }
    int version = parent == null ? 0 : parent.version;
    boolean lenient = parent != null && parent.lenient;
    for (int i = 0; i < contexts.size(); i++) {
      String context = contexts.get(i);
      int dtdl = Vocabulary.dtdlVersionOf(context);
      if (dtdl > 0) {
        if (i != 0) {
          error(at, pointer, "the DTDL context " + context + " must come first in \"@context\"");
          return null;
        }
        version = dtdl;
        continue;
      }
      if (dtdl < 0) {
        error(at, pointer, context + " is not a supported DTDL version; use " + Vocabulary.context(3) + " or "
            + Vocabulary.context(2));
        return null;
      }
      if (!Dtmi.tryParse(context).map(Dtmi::hasVersion).orElse(false)) {
        error(at, pointer, "\"" + context + "\" is not a valid context: a context is a DTMI with a version, such as "
            + Vocabulary.context(3));
        return null;
      }
      if (version == 0) {
        error(at, pointer, "\"@context\" must start with the DTDL context " + Vocabulary.context(3));
        return null;
      }
      if (!Vocabulary.isKnownExtension(context, version) && !allowUndefinedExtensions) {
        error(at, pointer, context + " is not a language extension of DTDL v" + version
            + " that this parser knows; undefined extensions are not allowed");
        return null;
      }
      lenient = true;
    }
    if (version == 0) {
      error(at, pointer, "\"@context\" must include the DTDL context " + Vocabulary.context(3));
      return null;
    }
    return new Scope(version, lenient);
  }

  // ---- @type ----

  private ElementClass readTypes(Element element, JsonNode json, Set<ElementClass> range, ElementClass defaultClass) {
    JsonNode node = json.get(TYPE);
    String pointer = JsonPointers.append(element.pointer, TYPE);
    List<String> types = new ArrayList<>();
    if (node != null) {
      if (node.isTextual()) {
        types.add(node.textValue());
      } else if (node.isArray()) {
        for (JsonNode item : node) {
          if (!item.isTextual()) {
            error(element, pointer, "\"@type\" must be a string or an array of strings");
            return null;
          }
          types.add(item.textValue());
        }
      } else {
        error(element, pointer, "\"@type\" must be a string or an array of strings");
        return null;
      }
    }
    int version = element.version();
    if (types.isEmpty()) {
      if (defaultClass == null) {
        error(element, element.pointer, "\"@type\" is required here; expected " + PropSpec.terms(range));
      }
      return defaultClass;
    }
    ElementClass material = null;
    List<String> coTypes = new ArrayList<>();
    for (String type : types) {
      ElementClass cls = ElementClass.named(type, version);
      if (cls == null) {
        coTypes.add(type);
      } else if (material != null && material != cls) {
        error(element, pointer, "\"@type\" names two DTDL classes, " + material.term() + " and " + cls.term());
        return null;
      } else {
        material = cls;
      }
    }
    if (material == null) {
      error(element, pointer, "\"@type\" must name a DTDL class; expected " + PropSpec.terms(range));
      return null;
    }
    if (!range.contains(material)) {
      error(element, pointer,
          PropSpec.article(material.term()) + " is not allowed here; expected " + PropSpec.terms(range));
      return null;
    }
    for (String coType : coTypes) {
      readCoType(element, material, coType, pointer);
    }
    return material;
  }

  private void readCoType(Element element, ElementClass material, String coType, String pointer) {
    int version = element.version();
    boolean lenient = element.scope.lenient;
    if (version == 2 && SemanticTypes.semanticType(coType).isPresent()) {
      String semanticType = SemanticTypes.semanticType(coType).get();
      if (material != ElementClass.PROPERTY && material != ElementClass.TELEMETRY) {
        if (lenient) {
          element.undefinedCoType = true;
        } else {
          error(element, pointer, "semantic type " + coType + " applies only to a Property or a Telemetry");
        }
      } else if (element.semanticTypes.isEmpty()) {
        element.semanticTypes.add(semanticType);
      } else if (!element.semanticTypes.contains(semanticType)) {
        error(element, pointer, "\"@type\" names two semantic types, " + element.semanticTypes.get(0) + " and "
            + semanticType + "; at most one is allowed");
      }
      return;
    }
    if (coType.startsWith("dtmi:")) {
      if (!Dtmi.isValid(coType)) {
        error(element, pointer, "co-type \"" + coType + "\" is not a valid DTMI");
      } else if (Vocabulary.isDefined(coType, version)) {
        misusedTerm(element, material, coType, pointer);
      } else if (lenient) {
        element.undefinedCoType = true;
      } else {
        error(element, pointer, "co-type " + coType + " is not defined by DTDL v" + version
            + " nor by an extension in \"@context\"");
      }
    } else if (coType.indexOf(':') >= 0) {
      if (version == 2) {
        element.undefinedCoType = true;
      } else {
        error(element, pointer, "co-type \"" + coType + "\" must be a term or a DTMI");
      }
    } else if (Vocabulary.isDefined(coType, version)) {
      misusedTerm(element, material, coType, pointer);
    } else if (version == 2 || lenient) {
      element.undefinedCoType = true;
    } else {
      error(element, pointer, "co-type \"" + coType + "\" is not defined by DTDL v3 nor by an extension in"
          + " \"@context\"");
    }
  }

  private void misusedTerm(Element element, ElementClass material, String coType, String pointer) {
    if (element.scope.lenient) {
      // An extension in scope may redefine the term.
      element.undefinedCoType = true;
    } else {
      error(element, pointer, "\"" + coType + "\" cannot be a co-type of " + PropSpec.article(material.term()));
    }
  }

  // ---- @id ----

  private void readId(Element element, JsonNode json, boolean required) {
    JsonNode node = json.get(ID);
    String pointer = JsonPointers.append(element.pointer, ID);
    if (node == null) {
      if (required) {
        error(element, element.pointer, PropSpec.article(element.describe()) + " here requires \"@id\"");
      }
      return;
    }
    if (!node.isTextual()) {
      error(element, pointer, "\"@id\" must be a DTMI string");
      return;
    }
    element.id = checkDtmi(element, pointer, "\"@id\"", node.textValue(), true);
  }

  /** Checks a DTMI written in a model; returns it, or {@code null} after recording an error. */
  private Dtmi checkDtmi(Element element, String pointer, String what, String text, boolean isId) {
    Dtmi dtmi;
    try {
      dtmi = Dtmi.parse(text);
    } catch (InvalidDtmiException e) {
      error(element, pointer, what + " " + e.getMessage());
      return null;
    }
    String problem = null;
    if (dtmi.isSystem()) {
      problem = "must be a user DTMI: segments starting with '_' are reserved for system use";
    } else if (dtmi.fragment().isPresent()) {
      problem = "must not have a fragment";
    } else if (element.version() == 2 && (!dtmi.hasVersion() || dtmi.minorVersion().isPresent())) {
      problem = "must end with a one-part version such as \";1\" in DTDL v2";
    } else if (isId && element.cls == ElementClass.INTERFACE && text.length() > Dtmi.MAX_INTERFACE_ID_LENGTH) {
      problem = "of an Interface is limited to " + Dtmi.MAX_INTERFACE_ID_LENGTH + " characters";
    } else if (isId && dtmi.isReserved()) {
      problem = "must not use the reserved prefixes dtmi:dtdl: and dtmi:standard:";
    }
    if (problem != null) {
      error(element, pointer, what + " " + text + " " + problem);
      return null;
    }
    return dtmi;
  }

  // ---- properties ----

  private void readMember(Element element, Map<Prop, PropSpec> specs, String key, JsonNode value) {
    String pointer = JsonPointers.append(element.pointer, key);
    if (key.startsWith("@")) {
      // DTDL v2 only discourages other keywords, except @graph; DTDL v3 forbids them.
      boolean allowed = key.equals(CONTEXT) || key.equals(ID) || key.equals(TYPE)
          || (element.version() == 2 && !key.equals(GRAPH));
      if (!allowed) {
        error(element, pointer, "the JSON-LD keyword " + key + " is not allowed in a DTDL element");
      }
      return;
    }
    int version = element.version();
    Prop prop = Prop.named(key, version);
    PropSpec spec = prop == null ? null : specs.get(prop);
    if (spec == null && prop == Prop.UNIT && !element.semanticTypes.isEmpty()) {
      spec = PropSpec.unit();
    }
    if (spec != null) {
      if (element.seen(prop)) {
        error(element, pointer, "\"" + prop.term() + "\" is given twice, once as a term and once as an IRI");
        return;
      }
      element.markSeen(prop, pointer);
      readValue(element, spec, pointer, value);
      return;
    }
    if (element.undefinedCoType) {
      // An undefined co-type may define further properties, which are tolerated and ignored.
      if (version == 2 || key.indexOf(':') < 0 || Dtmi.isValid(key)) {
        return;
      }
      error(element, pointer, "\"" + key + "\" must be a term or a DTMI");
      return;
    }
    error(element, pointer, "\"" + key + "\" is not a property of a DTDL v" + version + " " + element.describe());
  }

  private void readValue(Element element, PropSpec spec, String pointer, JsonNode value) {
    String what = "\"" + spec.prop.term() + "\"";
    try {
      switch (spec.kind) {
        case STRING:
          element.put(spec.prop, pointer, readString(element, spec, value));
          break;
        case LANGUAGE_MAP:
          Map<String, String> texts = JsonLdValues.languageMap(value, strict(element));
          for (Map.Entry<String, String> text : texts.entrySet()) {
            checkLength(element, spec, text.getValue());
          }
          element.put(spec.prop, pointer, texts);
          break;
        case BOOLEAN:
          JsonNode flag = single(JsonLdValues.literals(value, strict(element)));
          if (flag != null && !flag.isBoolean()) {
            throw new BadValue("must be true or false");
          }
          element.put(spec.prop, pointer, flag == null ? null : flag.booleanValue());
          break;
        case INTEGER:
          JsonNode number = single(JsonLdValues.literals(value, strict(element)));
          if (number != null && !(number.isIntegralNumber() && number.canConvertToInt())) {
            throw new BadValue("must be an integer");
          }
          element.put(spec.prop, pointer, number == null ? null : number.intValue());
          break;
        case LITERAL:
          JsonNode literal = single(JsonLdValues.literals(value, strict(element)));
          if (literal != null && !literal.isTextual() && !(literal.isIntegralNumber() && literal.canConvertToInt())) {
            throw new BadValue("must be an integer or a string");
          }
          element.put(spec.prop, pointer, literal);
          break;
        case DTMI:
          String target = single(JsonLdValues.identifiers(value));
          element.put(spec.prop, pointer, target == null ? null : checkDtmi(element, pointer, what, target, false));
          break;
        case PRIMITIVE:
          readPrimitive(element, spec, pointer, value);
          break;
        case COMMAND_TYPE:
          String commandType = single(JsonLdValues.identifiers(value));
          if (commandType != null && Vocabulary.commandType(commandType, element.version()) == null) {
            throw new BadValue("must be \"synchronous\" or \"asynchronous\"");
          }
          element.put(spec.prop, pointer, commandType);
          break;
        case UNIT:
          readUnit(element, spec, pointer, value);
          break;
        case ELEMENTS:
        case SCHEMA:
          readRefs(element, spec, pointer, value);
          break;
      }
    } catch (BadValue e) {
      element.markInvalid(spec.prop);
      error(element, pointer, "the value of " + what + " " + e.getMessage());
    }
  }

  private static String readString(Element element, PropSpec spec, JsonNode value) {
    String text = single(JsonLdValues.strings(value, strict(element)));
    if (text == null) {
      return null;
    }
    if (spec.prop == Prop.NAME) {
      if (!NAME.matcher(text).matches()) {
        throw new BadValue("\"" + text + "\" is not a valid name: a name starts with a letter, contains only letters,"
            + " digits and underscores, and ends with a letter or digit");
      }
      if (text.length() > spec.maxLength) {
        throw new BadValue("is " + text.length() + " characters long; DTDL v" + element.version()
            + " allows at most " + spec.maxLength);
      }
      return text;
    }
    checkLength(element, spec, text);
    return text;
  }

  private static void checkLength(Element element, PropSpec spec, String text) {
    if (text.length() > spec.maxLength) {
      throw new BadValue("is " + text.length() + " characters long; DTDL v" + element.version() + " allows at most "
          + spec.maxLength);
    }
  }

  /** Returns whether value objects must follow DTDL v3's stricter rules. */
  private static boolean strict(Element element) {
    return element.version() >= 3;
  }

  /** Returns the only value, {@code null} when there is none, or fails when there are several. */
  private static <T> T single(List<T> values) {
    if (values.size() > 1) {
      throw new BadValue("must be a single value, but " + values.size() + " are given");
    }
    return values.isEmpty() ? null : values.get(0);
  }

  private void readPrimitive(Element element, PropSpec spec, String pointer, JsonNode value) {
    String term = single(JsonLdValues.identifiers(value));
    if (term == null) {
      return;
    }
    String schema = Vocabulary.primitiveSchema(term, element.version());
    PrimitiveSchema primitive = schema == null ? null : PrimitiveSchema.forTerm(schema).orElse(null);
    if (primitive == null || !spec.primitives.contains(primitive)) {
      StringBuilder allowed = new StringBuilder();
      for (PrimitiveSchema p : spec.primitives) {
        allowed.append(allowed.length() == 0 ? "" : " or ").append('"').append(p.term()).append('"');
      }
      throw new BadValue("must be " + allowed + ", not \"" + term + "\"");
    }
    element.put(spec.prop, pointer, primitive);
  }

  private void readUnit(Element element, PropSpec spec, String pointer, JsonNode value) {
    String unit = single(JsonLdValues.identifiers(value));
    if (unit == null) {
      throw new BadValue("must name a unit");
    }
    for (String semanticType : element.semanticTypes) {
      String unitType = SemanticTypes.unitTypeOf(semanticType);
      if (!SemanticTypes.unitOf(unitType, unit).isPresent()) {
        throw new BadValue("\"" + unit + "\" is not a " + unitType + ", which semantic type " + semanticType
            + " requires");
      }
    }
    element.put(spec.prop, pointer, unit);
  }

  private void readRefs(Element element, PropSpec spec, String pointer, JsonNode value) {
    List<JsonNode> items = value.isArray() ? toList(value) : Collections.singletonList(value);
    List<Ref> refs = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String itemPointer = value.isArray() ? JsonPointers.append(pointer, i) : pointer;
      Ref ref = readRef(element, spec, itemPointer, item);
      if (ref != null) {
        refs.add(ref);
      }
    }
    if (items.size() > spec.maxCount) {
      throw new BadValue(spec.maxCount == 1 ? "must be a single value, but " + items.size() + " are given"
          : "has " + items.size() + " values; DTDL v" + element.version() + " allows at most " + spec.maxCount);
    }
    if (items.size() < spec.minCount) {
      throw new BadValue(spec.minCount == 1 ? "must have a value" : "needs at least " + spec.minCount + " values");
    }
    element.put(spec.prop, pointer, refs);
  }

  private Ref readRef(Element element, PropSpec spec, String pointer, JsonNode item) {
    if (item.isObject()) {
      Element owner = element.interfaceScope();
      Element child = parseElement(new Position(element.document, pointer, element.modelId, owner), item,
          element.scope, spec.range, spec.defaultClass, spec.idRequired);
      if (child == null) {
        return null;
      }
      if (!versionsCompatible(element, spec, child.version())) {
        error(element, pointer, "a DTDL v" + child.version() + " " + child.describe() + " cannot be used in a DTDL v"
            + element.version() + " " + element.describe());
        return null;
      }
      return new Ref(element, spec, pointer, child, null, null);
    }
    if (!item.isTextual()) {
      throw new BadValue("must be " + (spec.kind == PropSpec.Kind.SCHEMA ? "a schema name, " : "")
          + "an object or a DTMI string");
    }
    String text = item.textValue();
    if (spec.kind == PropSpec.Kind.SCHEMA) {
      String primitive = Vocabulary.primitiveSchema(text, element.version());
      if (primitive != null) {
        return new Ref(element, spec, pointer, null, null, PrimitiveSchema.forTerm(primitive).orElse(null));
      }
    }
    Dtmi reference = Dtmi.tryParse(text).orElse(null);
    if (reference == null) {
      throw new BadValue("\"" + text + "\" is neither "
          + (spec.kind == PropSpec.Kind.SCHEMA ? "a DTDL v" + element.version() + " primitive schema" : "an object")
          + " nor the DTMI of " + PropSpec.article(spec.rangeTerms()));
    }
    return new Ref(element, spec, pointer, null, reference, null);
  }

  /** Returns whether an element of DTDL {@code version} may be a value of {@code spec} on {@code holder}. */
  static boolean versionsCompatible(Element holder, PropSpec spec, int version) {
    if (version == holder.version()) {
      return true;
    }
    // DTDL v3 accepts some DTDL v2 elements (see PropSpec.acceptsV2), never the other way round.
    return spec.acceptsV2 && holder.version() == 3 && version == 2;
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> items = new ArrayList<>(array.size());
    for (JsonNode item : array) {
      if (item.isArray()) {
        throw new BadValue("must not contain nested arrays");
      }
      items.add(item);
    }
    return items;
  }

  // ---- rules within one element ----

  private void checkLocalRules(Element element) {
    if (element.cls != ElementClass.RELATIONSHIP) {
      return;
    }
    Integer min = element.get(Prop.MIN_MULTIPLICITY);
    if (min != null && min != 0) {
      error(element, element.pointerOf(Prop.MIN_MULTIPLICITY), "\"minMultiplicity\" must be 0, not " + min);
    }
    Integer max = element.get(Prop.MAX_MULTIPLICITY);
    if (max != null && max < 1) {
      error(element, element.pointerOf(Prop.MAX_MULTIPLICITY), "\"maxMultiplicity\" must be at least 1, not " + max);
    } else if (max != null && element.version() == 2 && max > V2_MAX_MULTIPLICITY) {
      error(element, element.pointerOf(Prop.MAX_MULTIPLICITY),
          "\"maxMultiplicity\" is at most " + V2_MAX_MULTIPLICITY + " in DTDL v2, not " + max);
    }
  }

  // ---- errors ----

  private void error(Element element, String pointer, String message) {
    errors.add(new ModelError(ModelError.Code.INVALID, element.document, pointer, element.modelId, message, null));
  }

  private void error(Position at, String pointer, String message) {
    error(at.document, pointer, at.modelId, message);
  }

  private void error(int document, String pointer, String modelId, String message) {
    errors.add(new ModelError(ModelError.Code.INVALID, document, pointer, modelId, message, null));
  }
}
