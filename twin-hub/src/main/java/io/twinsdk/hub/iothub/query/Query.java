package io.twinsdk.hub.iothub.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A parsed IoT Hub query over {@code devices} (iothub-protocol.md §4.3): {@code SELECT [TOP n] * | projections FROM
 * devices [WHERE …] [GROUP BY path]}. Immutable; {@link #run} evaluates it over twins in the service JSON shape.
 */
public final class Query {

  /** One item of the select list: a path or {@code COUNT()}, with the name it gets in the result. */
  record Projection(List<String> path, String name) {

    boolean isCount() {
      return path == null;
    }
  }

  private final OptionalInt top;
  private final List<Projection> projections;
  private final Condition where;
  private final List<String> groupBy;

  Query(OptionalInt top, List<Projection> projections, Condition where, List<String> groupBy) {
    this.top = top;
    this.projections = projections;
    this.where = Objects.requireNonNull(where, "where");
    this.groupBy = groupBy;
  }

  /**
   * Parses a query.
   *
   * @throws QueryException naming what is wrong and where
   */
  public static Query parse(String text) {
    return new QueryParser(text).parse();
  }

  /** Whether the result items are whole twins ({@code SELECT *}) rather than raw projections. */
  public boolean selectsTwins() {
    return projections.isEmpty();
  }

  /** Whether the query aggregates ({@code COUNT()} or {@code GROUP BY}), so that its rows need every twin at once. */
  public boolean aggregates() {
    return groupBy != null || projections.stream().anyMatch(Projection::isCount);
  }

  /** The {@code TOP} limit, if the query has one. */
  public OptionalInt top() {
    return top;
  }

  /** The result row of one twin for a query that does not aggregate, or empty when the WHERE clause rejects it. */
  public Optional<JsonNode> row(JsonNode twin) {
    if (!where.test(twin)) {
      return Optional.empty();
    }
    return Optional.of(projections.isEmpty() ? twin : project(twin, 0));
  }

  /** Evaluates the query over {@code twins} (service twin JSON), in their order. */
  public List<JsonNode> run(List<? extends JsonNode> twins) {
    List<JsonNode> result = new ArrayList<>();
    if (aggregates()) {
      List<JsonNode> matching = new ArrayList<>();
      for (JsonNode twin : twins) {
        if (where.test(twin)) {
          matching.add(twin);
        }
      }
      result = aggregate(matching);
    } else {
      for (JsonNode twin : twins) {
        row(twin).ifPresent(result::add);
      }
    }
    if (top.isPresent() && result.size() > top.getAsInt()) {
      return List.copyOf(result.subList(0, top.getAsInt()));
    }
    return result;
  }

  private List<JsonNode> aggregate(List<JsonNode> matching) {
    Map<JsonNode, List<JsonNode>> groups = new LinkedHashMap<>();
    for (JsonNode twin : matching) {
      JsonNode key = groupBy == null ? JsonNodeFactory.instance.nullNode() : Paths.resolve(twin, groupBy);
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(twin);
    }
    if (groups.isEmpty() && groupBy == null) {
      groups.put(JsonNodeFactory.instance.nullNode(), List.of());
    }
    List<JsonNode> rows = new ArrayList<>();
    groups.values().forEach(members -> rows.add(project(members.isEmpty() ? null : members.get(0),
        members.size())));
    return rows;
  }

  private JsonNode project(JsonNode twin, int count) {
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    for (Projection projection : projections) {
      if (projection.isCount()) {
        row.put(projection.name(), count);
      } else if (twin != null) {
        JsonNode value = Paths.resolve(twin, projection.path());
        if (!value.isMissingNode()) {
          row.set(projection.name(), value.deepCopy());
        }
      }
    }
    return row;
  }
}
