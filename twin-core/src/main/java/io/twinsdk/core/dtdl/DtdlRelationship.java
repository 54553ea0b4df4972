package io.twinsdk.core.dtdl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A relationship is a named link from a digital twin to other twins, optionally restricted to a target Interface and
 * carrying its own properties.
 */
public final class DtdlRelationship extends DtdlContent {

  private final Dtmi target;
  private final int minMultiplicity;
  private final Integer maxMultiplicity;
  private final boolean writable;
  private final Map<String, DtdlProperty> properties;

  DtdlRelationship(ElementInfo info, String name, Dtmi definedIn, Dtmi target, int minMultiplicity,
      Integer maxMultiplicity, boolean writable, List<DtdlProperty> properties) {
    super(info, name, definedIn);
    this.target = target;
    this.minMultiplicity = minMultiplicity;
    this.maxMultiplicity = maxMultiplicity;
    this.writable = writable;
    Map<String, DtdlProperty> byName = new LinkedHashMap<>();
    for (DtdlProperty property : properties) {
      byName.put(property.name(), property);
    }
    this.properties = Collections.unmodifiableMap(byName);
  }

  @Override
  public ContentKind kind() {
    return ContentKind.RELATIONSHIP;
  }

  /**
   * Returns the Interface a target twin must have (or extend), or empty when any twin may be a target. The target is a
   * reference: it need not be among the resolved models.
   */
  public Optional<Dtmi> target() {
    return Optional.ofNullable(target);
  }

  /** Returns the minimum number of relationship instances; DTDL fixes it at 0. */
  public int minMultiplicity() {
    return minMultiplicity;
  }

  /** Returns the maximum number of relationship instances, or empty when unlimited. */
  public OptionalInt maxMultiplicity() {
    return maxMultiplicity == null ? OptionalInt.empty() : OptionalInt.of(maxMultiplicity);
  }

  /** Returns whether the model marks the relationship writable. */
  public boolean writable() {
    return writable;
  }

  /** Returns the relationship's properties by name, in declaration order. */
  public Map<String, DtdlProperty> properties() {
    return properties;
  }

  /** Returns the property named {@code name}, or empty. */
  public Optional<DtdlProperty> property(String name) {
    return Optional.ofNullable(properties.get(name));
  }
}
