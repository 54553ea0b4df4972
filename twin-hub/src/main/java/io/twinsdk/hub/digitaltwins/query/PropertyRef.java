package io.twinsdk.hub.digitaltwins.query;

import java.util.List;
import java.util.Objects;

/**
 * A reference to a collection ({@code T}) or to a property inside it ({@code T.wifi.ssid}, {@code T.$dtId},
 * {@code T.$metadata.$model}).
 *
 * @param collection the alias of the collection ({@link AdtQuery#DEFAULT_ALIAS} for an unaliased FROM)
 * @param path the property names from the document root; empty for the whole document
 */
public record PropertyRef(String collection, List<String> path) implements Expression.Operand {

  /** Checks the arguments and copies the path. */
  public PropertyRef {
    Objects.requireNonNull(collection, "collection");
    path = List.copyOf(path);
  }

  /** Whether this is the single property {@code name} ({@code $dtId}, {@code $sourceId}, ...). */
  public boolean isTopLevel(String name) {
    return path.size() == 1 && path.get(0).equals(name);
  }
}
