package io.twinsdk.hub.store.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.hub.digitaltwins.query.AdtQuery;
import io.twinsdk.hub.digitaltwins.query.AdtQuery.Collection;
import io.twinsdk.hub.digitaltwins.query.AdtQuery.Join;
import io.twinsdk.hub.digitaltwins.query.AdtQuery.Projection;
import io.twinsdk.hub.digitaltwins.query.AdtQuery.SelectKind;
import io.twinsdk.hub.digitaltwins.query.Expression;
import io.twinsdk.hub.digitaltwins.query.Expression.Literal;
import io.twinsdk.hub.digitaltwins.query.Expression.Operator;
import io.twinsdk.hub.digitaltwins.query.PropertyRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a parsed Digital Twins query into one SQLite statement over {@code dt_twins} and {@code dt_relationships}.
 *
 * <p>System properties map to indexed columns ({@code $dtId} → {@code twin_id}, {@code $metadata.$model} →
 * {@code model_id}, {@code $sourceId} → {@code source_id}, ...), {@code IS_OF_MODEL} to the indexed
 * {@code dt_model_ancestors} table, and other properties to {@code json_extract}/{@code json_type} on the stored
 * document. Rows come in key order (twin id, then relationship ids along the joins) so that pages continue after a
 * key without an OFFSET. Literal values are bound as parameters; property paths are inlined, which is safe because
 * the parser admits only letters, digits, {@code _} and {@code $} in names.
 *
 * <p>Comparisons follow the query language's typing: a comparison is true only when both sides have the same JSON
 * type (numbers of any kind compare with each other); a missing property makes the condition unknown, so that
 * neither {@code p = 1} nor {@code NOT p = 1} selects a twin without {@code p}.
 */
final class SqliteQueryCompiler {

  /** A statement ready to run: its SQL, its parameters in order, and how to read its rows. */
  record Compiled(String sql, List<Object> parameters, int keyColumns, List<String> documentAliases) {}

  private final AdtQuery query;
  private final Map<String, Source> sources = new LinkedHashMap<>();
  private final List<String> keyColumns = new ArrayList<>();
  private final StringBuilder from = new StringBuilder();
  private final List<Object> fromParameters = new ArrayList<>();

  /** A query collection as a table alias in SQL. */
  private record Source(String table, boolean twin) {}

  private SqliteQueryCompiler(AdtQuery query) {
    this.query = query;
    if (query.from() == Collection.DIGITAL_TWINS) {
      sources.put(query.fromAlias(), new Source("c0", true));
      keyColumns.add("c0.twin_id");
      from.append(" FROM dt_twins c0");
    } else {
      sources.put(query.fromAlias(), new Source("c0", false));
      keyColumns.add("c0.source_id");
      keyColumns.add("c0.relationship_id");
      from.append(" FROM dt_relationships c0");
    }
    int index = 1;
    for (Join join : query.joins()) {
      String relationship = "r" + index;
      String target = "c" + index;
      from.append(" JOIN dt_relationships ").append(relationship).append(" ON ").append(relationship)
          .append(".source_id = ").append(sources.get(join.source()).table()).append(".twin_id AND ")
          .append(relationship).append(".name = ? JOIN dt_twins ").append(target).append(" ON ").append(target)
          .append(".twin_id = ").append(relationship).append(".target_id");
      fromParameters.add(join.relationshipName());
      sources.put(join.target(), new Source(target, true));
      join.relationshipAlias().ifPresent(alias -> sources.put(alias, new Source(relationship, false)));
      keyColumns.add(relationship + ".relationship_id");
      index++;
    }
  }

  /** Compiles the statement for one page: up to {@code limit} rows after {@code afterKey} (null: from the start). */
  static Compiled page(AdtQuery query, List<String> afterKey, int limit) {
    return new SqliteQueryCompiler(query).compilePage(afterKey, limit);
  }

  /** Compiles {@code SELECT COUNT(*)} over the rows the query matches. */
  static Compiled count(AdtQuery query) {
    SqliteQueryCompiler compiler = new SqliteQueryCompiler(query);
    List<Object> parameters = new ArrayList<>(compiler.fromParameters);
    StringBuilder sql = new StringBuilder("SELECT COUNT(*)").append(compiler.from);
    query.where().ifPresent(where -> sql.append(" WHERE ").append(compiler.condition(where, parameters, false)));
    return new Compiled(sql.toString(), parameters, 0, List.of());
  }

  private Compiled compilePage(List<String> afterKey, int limit) {
    List<String> documentAliases = documentAliases();
    StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", keyColumns));
    for (int i = 0; i < documentAliases.size(); i++) {
      sql.append(", ").append(sources.get(documentAliases.get(i)).table()).append(".document AS ")
          .append(documentColumn(i));
    }
    sql.append(from);
    List<Object> parameters = new ArrayList<>(fromParameters);
    List<String> conditions = new ArrayList<>();
    query.where().ifPresent(where -> conditions.add(condition(where, parameters, false)));
    if (afterKey != null) {
      if (afterKey.size() != keyColumns.size()) {
        throw new IllegalArgumentException("A key of this query has " + keyColumns.size() + " parts");
      }
      conditions.add(keyColumns.size() == 1 ? keyColumns.get(0) + " > ?"
          : "(" + String.join(", ", keyColumns) + ") > (" + "?, ".repeat(keyColumns.size() - 1) + "?)");
      parameters.addAll(afterKey);
    }
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
    sql.append(" ORDER BY ").append(String.join(", ", keyColumns)).append(" LIMIT ?");
    parameters.add(limit);
    return new Compiled(sql.toString(), parameters, keyColumns.size(), documentAliases);
  }

  /** The label of the i-th document column of a page statement. */
  static String documentColumn(int index) {
    return "document" + index;
  }

  /** The collections whose documents the result needs, in declaration order. */
  private List<String> documentAliases() {
    if (query.select().kind() == SelectKind.ALL) {
      return List.of(query.fromAlias());
    }
    Set<String> needed = new LinkedHashSet<>();
    for (Projection projection : query.select().projections()) {
      needed.add(projection.source().collection());
    }
    return new ArrayList<>(needed);
  }

  /**
   * Compiles a condition. Under an odd number of NOTs ({@code negated}) index lookups are not used: they answer false
   * for a twin without the property where the document test answers unknown, and only NOT tells the two apart.
   */
  private String condition(Expression expression, List<Object> parameters, boolean negated) {
    if (expression instanceof Expression.And and) {
      return "(" + condition(and.left(), parameters, negated) + " AND " + condition(and.right(), parameters, negated)
          + ")";
    }
    if (expression instanceof Expression.Or or) {
      return "(" + condition(or.left(), parameters, negated) + " OR " + condition(or.right(), parameters, negated)
          + ")";
    }
    if (expression instanceof Expression.Not not) {
      return "(NOT " + condition(not.operand(), parameters, !negated) + ")";
    }
    if (expression instanceof Expression.Comparison comparison) {
      return comparison(comparison, parameters, !negated);
    }
    if (expression instanceof Expression.In in) {
      return in(in, parameters, !negated);
    }
    if (expression instanceof Expression.IsOfModel isOfModel) {
      String model = sources.get(isOfModel.collection()).table() + ".model_id";
      parameters.add(isOfModel.modelId());
      return isOfModel.exact() ? "(" + model + " = ?)"
          : "(" + model + " IN (SELECT model_id FROM dt_model_ancestors WHERE ancestor_id = ?))";
    }
    if (expression instanceof Expression.TypeCheck check) {
      return typeCheck(check);
    }
    if (expression instanceof Expression.StringMatch match) {
      return stringMatch(match, parameters);
    }
    if (expression instanceof Expression.ArrayContains contains) {
      return arrayContains(contains, parameters);
    }
    throw new IllegalStateException("Unknown expression " + expression);
  }

  /**
   * A property as SQL: its value, its JSON type as {@code json_type} names it, and, for a twin property that
   * {@code dt_twin_values} indexes, the twin id column and the indexed path.
   */
  private record Value(String value, String type, boolean column, String twinId, String indexedPath) {}

  private Value value(PropertyRef property) {
    Source source = sources.get(property.collection());
    String column = column(property, source.twin());
    if (column != null) {
      return new Value(source.table() + "." + column, "'text'", true, null, null);
    }
    String document = source.table() + ".document";
    String path = jsonPath(property.path());
    boolean indexed = source.twin() && property.path().size() <= 2
        && property.path().stream().noneMatch(name -> name.startsWith("$"));
    return new Value("json_extract(" + document + ", " + path + ")", "json_type(" + document + ", " + path + ")",
        false, indexed ? source.table() + ".twin_id" : null, indexed ? path : null);
  }

  private static String column(PropertyRef property, boolean twin) {
    if (property.path().size() == 2 && twin && property.path().get(0).equals("$metadata")
        && property.path().get(1).equals("$model")) {
      return "model_id";
    }
    if (property.path().size() != 1) {
      return null;
    }
    String name = property.path().get(0);
    if (name.equals("$etag")) {
      return "etag";
    }
    if (twin) {
      return name.equals("$dtId") ? "twin_id" : null;
    }
    return switch (name) {
      case "$relationshipId" -> "relationship_id";
      case "$sourceId" -> "source_id";
      case "$targetId" -> "target_id";
      case "$relationshipName" -> "name";
      default -> null;
    };
  }

  private static String jsonPath(List<String> path) {
    return "'" + SqliteTwinValues.path(path).replace("'", "''") + "'";
  }

  private String comparison(Expression.Comparison comparison, List<Object> parameters, boolean useIndex) {
    Expression.Operand left = comparison.left();
    Expression.Operand right = comparison.right();
    if (left instanceof PropertyRef property && right instanceof Literal literal) {
      return compareToLiteral(value(property), comparison.operator(), literal.value(), parameters, useIndex);
    }
    if (left instanceof Literal literal && right instanceof PropertyRef property) {
      return compareToLiteral(value(property), comparison.operator().mirrored(), literal.value(), parameters,
          useIndex);
    }
    if (left instanceof PropertyRef a && right instanceof PropertyRef b) {
      Value va = value(a);
      Value vb = value(b);
      return "(" + typeClass(va.type()) + " = " + typeClass(vb.type()) + " AND " + va.type()
          + " NOT IN ('object', 'array') AND " + va.value() + " " + comparison.operator().symbol() + " " + vb.value()
          + ")";
    }
    return constant(((Literal) left).value(), comparison.operator(), ((Literal) right).value()) ? "(1)" : "(0)";
  }

  /** Evaluates a comparison of two literals, with the typing rules of comparisons on properties. */
  private static boolean constant(JsonNode a, Operator operator, JsonNode b) {
    int order;
    if (a.isNumber() && b.isNumber()) {
      order = a.decimalValue().compareTo(b.decimalValue());
    } else if (a.isTextual() && b.isTextual()) {
      order = a.textValue().compareTo(b.textValue());
    } else if (a.isBoolean() && b.isBoolean()) {
      order = Boolean.compare(a.booleanValue(), b.booleanValue());
    } else if (a.isNull() && b.isNull()) {
      return operator == Operator.EQ;
    } else {
      return false;
    }
    return switch (operator) {
      case EQ -> order == 0;
      case NE -> order != 0;
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      case GE -> order >= 0;
    };
  }

  /** Numbers compare with numbers whatever their storage; every other type only with itself. */
  private static String typeClass(String type) {
    return "(CASE WHEN " + type + " IN ('integer', 'real') THEN 'number' ELSE " + type + " END)";
  }

  private static String compareToLiteral(Value value, Operator operator, JsonNode literal, List<Object> parameters,
      boolean useIndex) {
    String symbol = operator.symbol();
    if (literal.isNull()) {
      if (operator == Operator.EQ) {
        return "(" + value.type() + " = 'null')";
      }
      return operator == Operator.NE ? "(" + value.type() + " != 'null')" : "(0)";
    }
    if (value.column()) {
      if (!literal.isTextual()) {
        return "(0)";
      }
      parameters.add(literal.textValue());
      return "(" + value.value() + " " + symbol + " ?)";
    }
    parameters.add(bindable(literal));
    if (useIndex && value.indexedPath() != null && operator != Operator.NE && (literal.isTextual() || literal.isNumber())) {
      // An index range on (path, value): equal to the document test below for strings and numbers.
      return "(" + value.twinId() + " IN (SELECT twin_id FROM dt_twin_values WHERE path = " + value.indexedPath()
          + " AND value " + symbol + " ? AND typeof(value) IN (" + typesOf(literal) + ")))";
    }
    return "(" + value.type() + " IN (" + typesOf(literal) + ") AND " + value.value() + " " + symbol + " ?)";
  }

  private static String typesOf(JsonNode literal) {
    if (literal.isNumber()) {
      return "'integer', 'real'";
    }
    if (literal.isBoolean()) {
      return "'true', 'false'";
    }
    if (literal.isNull()) {
      return "'null'";
    }
    return "'text'";
  }

  /** The literal as SQLite compares it with {@code json_extract}: booleans are 1 and 0 there. */
  private static Object bindable(JsonNode literal) {
    if (literal.isBoolean()) {
      return literal.booleanValue() ? 1 : 0;
    }
    if (literal.isNull()) {
      return null;
    }
    if (literal.isIntegralNumber()) {
      return literal.longValue();
    }
    if (literal.isNumber()) {
      return literal.doubleValue();
    }
    return literal.textValue();
  }

  private String in(Expression.In in, List<Object> parameters, boolean useIndex) {
    Value value = value(in.operand());
    List<String> matches = new ArrayList<>();
    if (value.column()) {
      List<String> strings = new ArrayList<>();
      for (Literal literal : in.values()) {
        if (literal.value().isTextual()) {
          strings.add(literal.value().textValue());
        }
      }
      if (strings.isEmpty()) {
        return in.negated() ? "(1)" : "(0)";
      }
      parameters.addAll(strings);
      return "(" + value.value() + (in.negated() ? " NOT" : "") + " IN (" + "?, ".repeat(strings.size() - 1) + "?))";
    }
    for (Literal literal : in.values()) {
      matches.add(compareToLiteral(value, Operator.EQ, literal.value(), parameters, useIndex && !in.negated()));
    }
    String any = "(" + String.join(" OR ", matches) + ")";
    // NIN on a missing property is unknown, as any comparison with it.
    return in.negated() ? "(" + value.type() + " IS NOT NULL AND NOT " + any + ")" : any;
  }

  private String typeCheck(Expression.TypeCheck check) {
    Value value = value(check.property());
    if (value.column()) {
      boolean holds = switch (check.function()) {
        case IS_DEFINED, IS_STRING, IS_PRIMITIVE -> true;
        default -> false;
      };
      return holds ? "(1)" : "(0)";
    }
    String types = switch (check.function()) {
      case IS_DEFINED -> null;
      case IS_NULL -> "'null'";
      case IS_BOOL -> "'true', 'false'";
      case IS_NUMBER -> "'integer', 'real'";
      case IS_STRING -> "'text'";
      case IS_PRIMITIVE -> "'text', 'integer', 'real', 'true', 'false', 'null'";
      case IS_OBJECT -> "'object'";
    };
    return types == null ? "(" + value.type() + " IS NOT NULL)"
        : "(IFNULL(" + value.type() + ", '') IN (" + types + "))";
  }

  private String stringMatch(Expression.StringMatch match, List<Object> parameters) {
    Value value = value(match.property());
    String text = match.value();
    int length = text.codePointCount(0, text.length());
    String isString = value.column() ? "1" : value.type() + " = 'text'";
    String test = switch (match.function()) {
      case STARTSWITH -> "substr(" + value.value() + ", 1, " + length + ") = ?";
      case ENDSWITH -> length == 0 ? "? = ''" : "substr(" + value.value() + ", -" + length + ") = ?";
      case CONTAINS -> "instr(" + value.value() + ", ?) > 0";
    };
    parameters.add(text);
    return "(" + isString + " AND " + test + ")";
  }

  private String arrayContains(Expression.ArrayContains contains, List<Object> parameters) {
    Value value = value(contains.property());
    if (value.column()) {
      return "(0)";
    }
    Source source = sources.get(contains.property().collection());
    String path = jsonPath(contains.property().path());
    JsonNode literal = contains.value().value();
    String typeTest = literal.isBoolean() ? "element.type = '" + literal.booleanValue() + "'"
        : "element.type IN (" + typesOf(literal) + ")";
    String valueTest = literal.isNull() ? "" : " AND element.value = ?";
    if (!literal.isNull()) {
      parameters.add(bindable(literal));
    }
    return "(" + value.type() + " = 'array' AND EXISTS (SELECT 1 FROM json_each(" + source.table() + ".document, "
        + path + ") AS element WHERE " + typeTest + valueTest + "))";
  }
}
