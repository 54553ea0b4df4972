package io.twinsdk.core.dtdl;

import io.twinsdk.core.dtdl.internal.ElementClass;
import io.twinsdk.core.dtdl.internal.Prop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An element is one JSON object of a DTDL document as the parser read it: its class, identifier and property values,
 * with references to other elements not yet resolved. {@link ModelResolver} turns elements into the public model.
 */
final class Element {

  /** The language context in effect for an element: DTDL version, and whether extension terms are tolerated. */
  static final class Scope {
    final int version;
    /** True under an extension context, whose terms this parser does not know and therefore tolerates. */
    final boolean lenient;

    Scope(int version, boolean lenient) {
      this.version = version;
      this.lenient = lenient;
    }
  }

  /**
   * A reference from a property to a value that is an element or a schema: an element written in place, a DTMI naming
   * an element elsewhere (resolved later), or a primitive schema.
   */
  static final class Ref {
    final Element holder;
    final String pointer;
    final Element inline;
    final Dtmi reference;
    final PrimitiveSchema primitive;
    final PropSpec spec;
    /** The element of the same batch that {@link #reference} names, once resolved. */
    Element target;
    /** The already-resolved Interface that {@link #reference} names. */
    DtdlInterface resolved;

    Ref(Element holder, PropSpec spec, String pointer, Element inline, Dtmi reference, PrimitiveSchema primitive) {
      this.holder = holder;
      this.spec = spec;
      this.pointer = pointer;
      this.inline = inline;
      this.reference = reference;
      this.primitive = primitive;
    }

    /** Returns the element this reference leads to in the batch, or {@code null} for primitives and resolved models. */
    Element element() {
      return inline != null ? inline : target;
    }
  }

  final int document;
  final String pointer;
  final String modelId;
  /** The Interface element whose definition contains this element; {@code null} for a top-level Interface. */
  final Element owner;
  final Scope scope;
  Dtmi id;
  ElementClass cls;
  final List<String> semanticTypes = new ArrayList<>();
  boolean undefinedCoType;
  private final Map<Prop, Object> values = new EnumMap<>(Prop.class);
  private final Map<Prop, String> pointers = new EnumMap<>(Prop.class);
  private final Set<Prop> invalid = EnumSet.noneOf(Prop.class);

  Element(int document, String pointer, String modelId, Element owner, Scope scope) {
    this.document = document;
    this.pointer = pointer;
    this.modelId = modelId;
    this.owner = owner;
    this.scope = scope;
  }

  int version() {
    return scope.version;
  }

  /** Returns the Interface this element belongs to: itself when it is an Interface. */
  Element interfaceScope() {
    return cls == ElementClass.INTERFACE || owner == null ? this : owner;
  }

  boolean seen(Prop prop) {
    return pointers.containsKey(prop);
  }

  void put(Prop prop, String pointer, Object value) {
    pointers.put(prop, pointer);
    if (value != null) {
      values.put(prop, value);
    }
  }

  /** Records that a property's value was rejected, so that it is not also reported as missing. */
  void markInvalid(Prop prop) {
    invalid.add(prop);
  }

  /** Returns whether the property has a value or had one that was rejected. */
  boolean given(Prop prop) {
    return values.containsKey(prop) || invalid.contains(prop);
  }

  void markSeen(Prop prop, String pointer) {
    pointers.put(prop, pointer);
  }

  String pointerOf(Prop prop) {
    String p = pointers.get(prop);
    return p == null ? pointer : p;
  }

  @SuppressWarnings("unchecked")
  <T> T get(Prop prop) {
    return (T) values.get(prop);
  }

  String string(Prop prop) {
    return get(prop);
  }

  @SuppressWarnings("unchecked")
  List<Ref> refs(Prop prop) {
    Object value = values.get(prop);
    return value == null ? Collections.emptyList() : (List<Ref>) value;
  }

  /** Returns the single reference of a singular property, or {@code null}. */
  Ref ref(Prop prop) {
    List<Ref> refs = refs(prop);
    return refs.isEmpty() ? null : refs.get(0);
  }

  /** Returns every reference held by this element's properties. */
  List<Ref> allRefs() {
    List<Ref> all = new ArrayList<>();
    for (Map.Entry<Prop, Object> entry : values.entrySet()) {
      if (entry.getValue() instanceof List) {
        all.addAll(refs(entry.getKey()));
      }
    }
    return all;
  }

  String describe() {
    return cls == null ? "element" : cls.term();
  }
}
