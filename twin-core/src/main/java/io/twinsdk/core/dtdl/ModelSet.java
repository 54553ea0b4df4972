package io.twinsdk.core.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A model set is an immutable, fully resolved set of DTDL Interfaces: every {@code extends} and Component schema of
 * every Interface in the set points into the set. Relationship targets are references by name and need not be in the
 * set.
 *
 * <p>A set grows by parsing more documents against it ({@link #with(Collection)} or
 * {@link DtdlParser#parse(Collection, ModelSet)}), which returns a new set and leaves this one unchanged, and shrinks
 * with {@link #without(Collection)}. Instances are thread-safe and meant to be shared.
 */
public final class ModelSet {

  private static final ModelSet EMPTY =
      new ModelSet(Collections.emptyMap(), Collections.emptyMap(), Collections.emptyMap());

  private final Map<Dtmi, DtdlInterface> interfaces;
  /** The {@code @id}s of the elements inside the Interfaces (contents, schemas, ...), each with its Interface. */
  private final Map<Dtmi, Dtmi> innerIds;
  private final Map<Dtmi, Set<Dtmi>> dependencies;
  private final Map<Dtmi, Set<Dtmi>> dependents;

  ModelSet(Map<Dtmi, DtdlInterface> interfaces, Map<Dtmi, Dtmi> innerIds, Map<Dtmi, Set<Dtmi>> dependencies) {
    this.interfaces = Collections.unmodifiableMap(new LinkedHashMap<>(interfaces));
    this.innerIds = Collections.unmodifiableMap(new LinkedHashMap<>(innerIds));
    Map<Dtmi, Set<Dtmi>> deps = new LinkedHashMap<>();
    Map<Dtmi, Set<Dtmi>> reverse = new LinkedHashMap<>();
    for (Map.Entry<Dtmi, Set<Dtmi>> entry : dependencies.entrySet()) {
      deps.put(entry.getKey(), Collections.unmodifiableSet(new LinkedHashSet<>(entry.getValue())));
      for (Dtmi target : entry.getValue()) {
        reverse.computeIfAbsent(target, k -> new TreeSet<>()).add(entry.getKey());
      }
    }
    reverse.replaceAll((k, v) -> Collections.unmodifiableSet(v));
    this.dependencies = Collections.unmodifiableMap(deps);
    this.dependents = Collections.unmodifiableMap(reverse);
  }

  /** Returns the set with no models. */
  public static ModelSet empty() {
    return EMPTY;
  }

  /**
   * Returns a new set with the Interfaces of {@code documents} added, parsed with the default options of
   * {@link DtdlParser#create()}.
   *
   * @param documents DTDL documents, each an Interface object or an array of them
   * @throws DtdlException if a document is invalid, refers to an element that is neither in the documents nor in this
   *     set, or defines an identifier this set already has
   */
  public ModelSet with(Collection<? extends JsonNode> documents) {
    return DtdlParser.create().parse(documents, this);
  }

  /**
   * Returns a new set without the given Interfaces.
   *
   * @throws IllegalArgumentException if an identifier is not in the set
   * @throws IllegalStateException if a remaining Interface extends one of the removed Interfaces, uses it as a
   *     Component schema or defines it inline; the message names them
   */
  public ModelSet without(Collection<Dtmi> ids) {
    Set<Dtmi> removed = new HashSet<>();
    for (Dtmi id : Objects.requireNonNull(ids, "ids")) {
      requireKnown(id);
      removed.add(id);
    }
    List<String> blocked = new ArrayList<>();
    for (Dtmi id : removed) {
      for (Dtmi user : referencedBy(id)) {
        if (!removed.contains(user)) {
          blocked.add(user + " references " + id);
        }
      }
    }
    if (!blocked.isEmpty()) {
      throw new IllegalStateException("Models still referenced by other models: " + String.join("; ", blocked));
    }
    Map<Dtmi, DtdlInterface> remaining = new LinkedHashMap<>(interfaces);
    remaining.keySet().removeAll(removed);
    Map<Dtmi, Dtmi> remainingInnerIds = new LinkedHashMap<>(innerIds);
    remainingInnerIds.values().removeIf(removed::contains);
    Map<Dtmi, Set<Dtmi>> remainingDependencies = new LinkedHashMap<>(dependencies);
    remainingDependencies.keySet().removeAll(removed);
    return new ModelSet(remaining, remainingInnerIds, remainingDependencies);
  }

  /** Returns the Interface with identifier {@code id}, or empty. */
  public Optional<DtdlInterface> get(Dtmi id) {
    return Optional.ofNullable(interfaces.get(Objects.requireNonNull(id, "id")));
  }

  /** Returns whether the set has an Interface with identifier {@code id}. */
  public boolean contains(Dtmi id) {
    return interfaces.containsKey(Objects.requireNonNull(id, "id"));
  }

  /** Returns the identifiers of all Interfaces, including Interfaces defined inline in others, in the order added. */
  public Set<Dtmi> ids() {
    return interfaces.keySet();
  }

  /** Returns all Interfaces in the order they were added. */
  public Collection<DtdlInterface> interfaces() {
    return interfaces.values();
  }

  /** Returns the number of Interfaces. */
  public int size() {
    return interfaces.size();
  }

  /**
   * Returns whether a twin of model {@code modelId} is a twin of {@code baseId}: the identifiers are equal, or the
   * model extends the base directly or indirectly. An unknown {@code modelId} is assignable to nothing.
   */
  public boolean isAssignableTo(Dtmi modelId, Dtmi baseId) {
    Objects.requireNonNull(baseId, "baseId");
    DtdlInterface model = interfaces.get(Objects.requireNonNull(modelId, "modelId"));
    return model != null && model.isAssignableTo(baseId);
  }

  /**
   * Returns every Interface that {@code id} needs, directly or indirectly: the Interfaces it extends, those used as
   * Component schemas and those defined inline in it; breadth-first, without {@code id} itself.
   *
   * @throws IllegalArgumentException if {@code id} is not in the set
   */
  public Set<Dtmi> dependenciesOf(Dtmi id) {
    requireKnown(id);
    Set<Dtmi> result = new LinkedHashSet<>();
    Deque<Dtmi> queue = new ArrayDeque<>(dependencies.getOrDefault(id, Collections.emptySet()));
    while (!queue.isEmpty()) {
      Dtmi next = queue.removeFirst();
      if (!next.equals(id) && result.add(next)) {
        queue.addAll(dependencies.getOrDefault(next, Collections.emptySet()));
      }
    }
    return Collections.unmodifiableSet(result);
  }

  /**
   * Returns the Interfaces that directly extend {@code id}, use it as a Component schema or define it inline; such an
   * Interface must be removed first.
   */
  public Set<Dtmi> referencedBy(Dtmi id) {
    return dependents.getOrDefault(Objects.requireNonNull(id, "id"), Collections.emptySet());
  }

  /** Returns the Interface whose definition contains the element with {@code @id} {@code id}, or {@code null}. */
  Dtmi interfaceOfInnerId(Dtmi id) {
    return innerIds.get(id);
  }

  Map<Dtmi, Dtmi> innerIds() {
    return innerIds;
  }

  Map<Dtmi, Set<Dtmi>> dependencies() {
    return dependencies;
  }

  Map<Dtmi, DtdlInterface> interfaceMap() {
    return interfaces;
  }

  private void requireKnown(Dtmi id) {
    if (!interfaces.containsKey(Objects.requireNonNull(id, "id"))) {
      throw new IllegalArgumentException("Model " + id + " is not in this model set");
    }
  }

  @Override
  public String toString() {
    return "ModelSet" + interfaces.keySet();
  }
}
