package io.twinsdk.hub.digitaltwins.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed Azure Digital Twins query: what to select, the collection it reads, the relationships it follows and its
 * filter. Produced by {@link QueryParser#parse(String)}; immutable. Every property reference in it names its
 * collection explicitly (an unaliased {@code FROM} gets the alias {@link #DEFAULT_ALIAS}).
 *
 * @param select the SELECT clause
 * @param from the collection of the FROM clause
 * @param fromAlias the alias of the FROM collection, {@link #DEFAULT_ALIAS} when the query gave none
 * @param joins the JOIN clauses in order (empty for none)
 * @param where the filter, absent when the query has no WHERE clause
 */
public record AdtQuery(Select select, Collection from, String fromAlias, List<Join> joins,
    Optional<Expression> where) {

  /** The alias given to an unaliased FROM collection; it cannot clash with a name written in a query. */
  public static final String DEFAULT_ALIAS = "";

  /** Checks the arguments and copies the join list. */
  public AdtQuery {
    Objects.requireNonNull(select, "select");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(fromAlias, "fromAlias");
    joins = List.copyOf(joins);
    Objects.requireNonNull(where, "where");
  }

  /** The collections a query can read. */
  public enum Collection {
    /** Twins: {@code FROM DIGITALTWINS}. */
    DIGITAL_TWINS,
    /** Relationships: {@code FROM RELATIONSHIPS}. */
    RELATIONSHIPS
  }

  /**
   * The SELECT clause.
   *
   * @param kind what is selected
   * @param top the TOP(n) limit, absent when none was given
   * @param projections the projected collections and properties, in order; empty unless kind is PROJECTIONS
   */
  public record Select(SelectKind kind, Optional<Integer> top, List<Projection> projections) {

    /** Copies the projection list. */
    public Select {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(top, "top");
      projections = List.copyOf(projections);
    }
  }

  /** What a SELECT clause returns. */
  public enum SelectKind {
    /** {@code SELECT *}: the documents themselves. */
    ALL,
    /** {@code SELECT COUNT()}: one row {@code {"COUNT": n}}. */
    COUNT,
    /** {@code SELECT T, T.name AS n}: one object per row keyed by output name. */
    PROJECTIONS
  }

  /**
   * One projection of a SELECT clause.
   *
   * @param source the collection or property projected; an empty path projects the whole collection
   * @param alias the name given with {@code AS}, absent when none
   */
  public record Projection(PropertyRef source, Optional<String> alias) {

    /** Checks the arguments. */
    public Projection {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(alias, "alias");
    }

    /** The key of this projection in each result row: the alias, else the last property name, else the collection. */
    public String outputName() {
      if (alias.isPresent()) {
        return alias.get();
      }
      return source.path().isEmpty() ? source.collection() : source.path().get(source.path().size() - 1);
    }
  }

  /**
   * A {@code JOIN target RELATED source.relationshipName [relationshipAlias]} clause.
   *
   * @param target the alias of the joined (target) twin collection
   * @param source the alias of the twin collection the relationship starts from
   * @param relationshipName the relationship name followed
   * @param relationshipAlias the alias under which the relationship itself can be selected and filtered, if given
   */
  public record Join(String target, String source, String relationshipName, Optional<String> relationshipAlias) {

    /** Checks the arguments. */
    public Join {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(relationshipName, "relationshipName");
      Objects.requireNonNull(relationshipAlias, "relationshipAlias");
    }
  }
}
