package io.twinsdk.core.dtdl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An interface is a resolved DTDL Interface: the model of a digital twin, with its own contents, the Interfaces it
 * extends (already resolved), and the effective contents that result from inheritance.
 *
 * <p>Instances are immutable and are shared between the {@link ModelSet}s built on one another.
 */
public final class DtdlInterface {

  private final Dtmi id;
  private final int dtdlVersion;
  private final ElementInfo info;
  private final List<DtdlInterface> bases;
  private final List<DtdlContent> contents;
  private final List<DtdlSchema> schemas;
  private final Map<String, DtdlContent> effectiveContents;
  private final Set<Dtmi> ancestors;

  DtdlInterface(Dtmi id, int dtdlVersion, ElementInfo info, List<DtdlInterface> bases, List<DtdlContent> contents,
      List<DtdlSchema> schemas, Map<String, DtdlContent> effectiveContents) {
    this.id = id;
    this.dtdlVersion = dtdlVersion;
    this.info = info;
    this.bases = Collections.unmodifiableList(bases);
    this.contents = Collections.unmodifiableList(contents);
    this.schemas = Collections.unmodifiableList(schemas);
    this.effectiveContents = Collections.unmodifiableMap(new LinkedHashMap<>(effectiveContents));
    Set<Dtmi> all = new LinkedHashSet<>();
    for (DtdlInterface base : bases) {
      all.add(base.id);
      all.addAll(base.ancestors);
    }
    this.ancestors = Collections.unmodifiableSet(all);
  }

  /** Returns the Interface's identifier. */
  public Dtmi id() {
    return id;
  }

  /** Returns the DTDL language version the Interface is written in: 2 or 3. */
  public int dtdlVersion() {
    return dtdlVersion;
  }

  /** Returns the display name by language tag ({@code {"en": "Room"}}); empty when none is given. */
  public Map<String, String> displayName() {
    return info.displayName;
  }

  /** Returns the description by language tag; empty when none is given. */
  public Map<String, String> description() {
    return info.description;
  }

  /** Returns the comment for model authors, or empty. */
  public Optional<String> comment() {
    return Optional.ofNullable(info.comment);
  }

  /** Returns the Interfaces this one extends directly, in declaration order. */
  public List<DtdlInterface> bases() {
    return bases;
  }

  /** Returns the identifiers of every Interface this one extends, directly or indirectly. */
  public Set<Dtmi> ancestors() {
    return ancestors;
  }

  /** Returns the contents declared by this Interface itself, in declaration order. */
  public List<DtdlContent> contents() {
    return contents;
  }

  /** Returns the reusable complex schemas declared in this Interface's {@code schemas}. */
  public List<DtdlSchema> schemas() {
    return schemas;
  }

  /** Returns all contents by name, inherited ones first, then this Interface's own. */
  public Map<String, DtdlContent> effectiveContents() {
    return effectiveContents;
  }

  /** Returns the content named {@code name}, declared here or inherited, or empty. */
  public Optional<DtdlContent> content(String name) {
    return Optional.ofNullable(effectiveContents.get(name));
  }

  /**
   * Returns whether a twin of this Interface is also a twin of {@code other}: the identifiers are equal or this
   * Interface extends {@code other}, directly or indirectly (the semantics of {@code IS_OF_MODEL} without
   * {@code exact}).
   */
  public boolean isAssignableTo(Dtmi other) {
    return id.equals(other) || ancestors.contains(other);
  }

  /** Returns whether this Interface itself declares a Command (Azure Digital Twins refuses such models). */
  public boolean declaresCommands() {
    for (DtdlContent content : contents) {
      if (content.kind() == ContentKind.COMMAND) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "Interface " + id;
  }
}
