package io.twinsdk.service.digitaltwins;

import java.util.List;
import java.util.Objects;

/**
 * List-models options: whether to include each model's DTDL, the models whose dependencies to list instead of all,
 * and the page size. Instances are immutable.
 */
public final class ListModelsOptions {

  private final boolean includeModelDefinition;
  private final List<String> dependenciesFor;
  private final Integer pageSize;

  private ListModelsOptions(boolean includeModelDefinition, List<String> dependenciesFor, Integer pageSize) {
    this.includeModelDefinition = includeModelDefinition;
    this.dependenciesFor = dependenciesFor;
    this.pageSize = pageSize;
  }

  /** Returns the defaults: no definitions, all models, the service's page size. */
  public static ListModelsOptions defaults() {
    return new ListModelsOptions(false, List.of(), null);
  }

  /** Returns a copy that includes (or not) each model's DTDL document. */
  public ListModelsOptions includeModelDefinition(boolean include) {
    return new ListModelsOptions(include, dependenciesFor, pageSize);
  }

  /** Returns a copy that lists only these models and the models they depend on. */
  public ListModelsOptions dependenciesFor(List<String> modelIds) {
    return new ListModelsOptions(includeModelDefinition, List.copyOf(Objects.requireNonNull(modelIds, "modelIds")),
        pageSize);
  }

  /** Returns a copy asking for pages of at most {@code pageSize} (at least 1) models. */
  public ListModelsOptions pageSize(int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1: " + pageSize);
    }
    return new ListModelsOptions(includeModelDefinition, dependenciesFor, pageSize);
  }

  boolean includeModelDefinition() {
    return includeModelDefinition;
  }

  List<String> dependenciesFor() {
    return dependenciesFor;
  }

  Integer pageSize() {
    return pageSize;
  }
}
