package io.twinsdk.hub.digitaltwins.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.twinsdk.hub.digitaltwins.query.AdtQuery.Collection;
import io.twinsdk.hub.digitaltwins.query.AdtQuery.Join;
import io.twinsdk.hub.digitaltwins.query.AdtQuery.Projection;
import io.twinsdk.hub.digitaltwins.query.AdtQuery.Select;
import io.twinsdk.hub.digitaltwins.query.AdtQuery.SelectKind;
import io.twinsdk.hub.digitaltwins.query.Expression.Literal;
import io.twinsdk.hub.digitaltwins.query.Expression.Operand;
import io.twinsdk.hub.digitaltwins.query.Expression.Operator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the Azure Digital Twins query language into an {@link AdtQuery}: {@code SELECT} (*, projections with
 * {@code AS}, {@code COUNT()}, {@code TOP(n)}), {@code FROM DIGITALTWINS | RELATIONSHIPS}, up to five
 * {@code JOIN ... RELATED}, and {@code WHERE} with comparisons, {@code AND/OR/NOT}, {@code IN/NIN} and the functions
 * of the query reference. {@code MATCH} is refused as not supported yet. Stateless and thread-safe.
 */
public final class QueryParser {

  /** The longest query text accepted, in characters, as on the service. */
  public static final int MAX_QUERY_LENGTH = 8_000;
  /** The most AND/OR operators in one query. */
  public static final int MAX_BOOLEAN_OPERATORS = 50;
  /** The most JOIN clauses in one query. */
  public static final int MAX_JOINS = 5;
  /** The most values in one IN/NIN list. */
  public static final int MAX_IN_VALUES = 100;

  // Reserved words of the query reference; only usable as names when escaped as [[word]].
  private static final Set<String> RESERVED = Set.of("ALL", "AND", "AS", "ASC", "AVG", "BY", "COUNT", "DESC",
      "DEVICES_JOBS", "DEVICES_MODULES", "DEVICES", "ENDS_WITH", "FALSE", "FROM", "GROUP", "IN", "IS_BOOL",
      "IS_DEFINED", "IS_NULL", "IS_NUMBER", "IS_OBJECT", "IS_PRIMITIVE", "IS_STRING", "MAX", "MIN", "NOT", "NOT_IN",
      "NULL", "OR", "ORDER", "SELECT", "STARTS_WITH", "SUM", "TOP", "TRUE", "WHERE", "IS_OF_MODEL",
      "JOIN", "RELATED", "MATCH", "NIN", "DIGITALTWINS", "RELATIONSHIPS");

  private QueryParser() {}

  /**
   * Parses {@code text}.
   *
   * @throws QueryException naming the position of the first problem: a syntax error, an unknown collection alias,
   *     a limit exceeded (length, JOINs, AND/OR operators, IN values) or a clause not supported
   */
  public static AdtQuery parse(String text) {
    if (text.length() > MAX_QUERY_LENGTH) {
      throw new QueryException(MAX_QUERY_LENGTH, "The query is " + text.length()
          + " characters long; the limit is " + MAX_QUERY_LENGTH);
    }
    return new Run(QueryLexer.tokenize(text)).query();
  }

  /** The state of one parse. */
  private static final class Run {
    private final List<Token> tokens;
    private int next;
    private int booleanOperators;
    /** Alias → collection it names, in declaration order. */
    private final Map<String, Collection> aliases = new HashMap<>();
    private String fromAlias;
    private boolean hasJoins;

    Run(List<Token> tokens) {
      this.tokens = tokens;
    }

    AdtQuery query() {
      expectKeyword("SELECT");
      Optional<Integer> top = top();
      SelectKind kind;
      List<RawName> projected = new ArrayList<>();
      List<Optional<String>> projectedAliases = new ArrayList<>();
      if (accept("*")) {
        kind = SelectKind.ALL;
      } else if (peek().is("COUNT")) {
        next++;
        expect("(");
        expect(")");
        kind = SelectKind.COUNT;
      } else if (peek().is("FROM") && top.isPresent()) {
        kind = SelectKind.ALL;
      } else {
        kind = SelectKind.PROJECTIONS;
        do {
          projected.add(dottedName());
          projectedAliases.add(acceptKeyword("AS") ? Optional.of(name("an alias after AS").text()) : Optional.empty());
        } while (accept(","));
      }
      expectKeyword("FROM");
      Collection from = collection();
      fromAlias = optionalAlias().orElse(AdtQuery.DEFAULT_ALIAS);
      aliases.put(fromAlias, from);
      List<Join> joins = joins(from);
      hasJoins = !joins.isEmpty();
      if (peek().is("MATCH")) {
        throw new QueryException(peek().position(), "MATCH is not supported yet by twin-hub; use JOIN ... RELATED");
      }
      Optional<Expression> where = Optional.empty();
      int wherePosition = peek().position();
      if (acceptKeyword("WHERE")) {
        where = Optional.of(expression());
      }
      Token end = peek();
      if (end.kind() != Token.Kind.END) {
        if (end.is("ORDER") || end.is("GROUP")) {
          throw new QueryException(end.position(), end.text().toUpperCase(Locale.ROOT)
              + " BY is not supported by the Azure Digital Twins query language");
        }
        throw unexpected(end, "the end of the query");
      }
      if (kind == SelectKind.ALL && hasJoins) {
        throw new QueryException(0, "SELECT * is not valid with JOIN; select the collections by alias");
      }
      if (hasJoins && (where.isEmpty() || !filtersOnTwinId(where.get()))) {
        throw new QueryException(wherePosition, "Queries with a JOIN must filter on a twin's $dtId in the WHERE clause");
      }
      List<Projection> projections = new ArrayList<>();
      for (int i = 0; i < projected.size(); i++) {
        projections.add(new Projection(resolve(projected.get(i)), projectedAliases.get(i)));
      }
      return new AdtQuery(new Select(kind, top, projections), from, fromAlias, joins, where);
    }

    private Optional<Integer> top() {
      if (!peek().is("TOP")) {
        return Optional.empty();
      }
      next++;
      expect("(");
      Token count = advance();
      if (count.kind() != Token.Kind.NUMBER || !count.text().matches("[0-9]{1,9}")
          || Integer.parseInt(count.text()) < 1) {
        throw new QueryException(count.position(), "TOP needs a positive whole number, found " + count.describe());
      }
      expect(")");
      return Optional.of(Integer.parseInt(count.text()));
    }

    private Collection collection() {
      Token token = advance();
      if (token.is("DIGITALTWINS")) {
        return Collection.DIGITAL_TWINS;
      }
      if (token.is("RELATIONSHIPS")) {
        return Collection.RELATIONSHIPS;
      }
      throw unexpected(token, "DIGITALTWINS or RELATIONSHIPS");
    }

    private Optional<String> optionalAlias() {
      Token token = peek();
      if (token.kind() == Token.Kind.IDENTIFIER && (token.escaped() || !isReserved(token.text()))) {
        next++;
        declare(token);
        return Optional.of(token.text());
      }
      return Optional.empty();
    }

    private void declare(Token alias) {
      if (aliases.containsKey(alias.text())) {
        throw new QueryException(alias.position(), "The alias " + alias.text() + " is declared twice");
      }
    }

    private List<Join> joins(Collection from) {
      List<Join> joins = new ArrayList<>();
      while (peek().is("JOIN")) {
        Token join = advance();
        if (from != Collection.DIGITAL_TWINS) {
          throw new QueryException(join.position(), "FROM RELATIONSHIPS cannot be combined with JOIN");
        }
        if (joins.size() == MAX_JOINS) {
          throw new QueryException(join.position(), "A query can have at most " + MAX_JOINS + " JOIN clauses");
        }
        Token target = name("the alias of the joined twins");
        declare(target);
        expectKeyword("RELATED");
        Token source = name("a twin collection alias");
        if (aliases.get(source.text()) != Collection.DIGITAL_TWINS || source.text().isEmpty()) {
          throw new QueryException(source.position(), "RELATED must name an earlier twin collection alias, found "
              + source.describe());
        }
        expect(".");
        Token relationship = name("a relationship name");
        aliases.put(target.text(), Collection.DIGITAL_TWINS);
        Optional<String> relationshipAlias = optionalAlias();
        relationshipAlias.ifPresent(a -> aliases.put(a, Collection.RELATIONSHIPS));
        joins.add(new Join(target.text(), source.text(), relationship.text(), relationshipAlias));
      }
      return joins;
    }

    private Expression expression() {
      Expression left = conjunction();
      while (peek().is("OR")) {
        countBooleanOperator(advance());
        left = new Expression.Or(left, conjunction());
      }
      return left;
    }

    private Expression conjunction() {
      Expression left = negation();
      while (peek().is("AND")) {
        countBooleanOperator(advance());
        left = new Expression.And(left, negation());
      }
      return left;
    }

    private void countBooleanOperator(Token operator) {
      if (++booleanOperators > MAX_BOOLEAN_OPERATORS) {
        throw new QueryException(operator.position(), "A query can have at most " + MAX_BOOLEAN_OPERATORS
            + " AND/OR operators");
      }
    }

    private Expression negation() {
      if (acceptKeyword("NOT")) {
        return new Expression.Not(negation());
      }
      return primary();
    }

    private Expression primary() {
      if (accept("(")) {
        Expression inner = expression();
        expect(")");
        return inner;
      }
      Token token = peek();
      if (token.kind() == Token.Kind.IDENTIFIER && !token.escaped() && tokens.get(next + 1).is("(")) {
        return function(advance());
      }
      Operand left = operand();
      Token operator = peek();
      if (operator.is("IN") || operator.is("NIN") || operator.is("NOT")) {
        next++;
        boolean negated = !operator.is("IN");
        if (operator.is("NOT")) {
          expectKeyword("IN");
        }
        if (!(left instanceof PropertyRef property)) {
          throw new QueryException(operator.position(), "IN needs a property on its left");
        }
        return new Expression.In(property, literalList(), negated);
      }
      Operator comparison = comparisonOperator(advance());
      return new Expression.Comparison(left, comparison, operand());
    }

    private Operator comparisonOperator(Token token) {
      for (Operator operator : Operator.values()) {
        if (token.kind() == Token.Kind.SYMBOL && token.text().equals(operator.symbol())) {
          return operator;
        }
      }
      throw unexpected(token, "a comparison operator (=, !=, <, <=, >, >=), IN or NIN");
    }

    private Expression function(Token name) {
      String function = name.text().toUpperCase(Locale.ROOT);
      expect("(");
      Expression result = switch (function) {
        case "IS_OF_MODEL" -> isOfModel(name);
        case "IS_DEFINED", "IS_NULL", "IS_BOOL", "IS_NUMBER", "IS_STRING", "IS_PRIMITIVE", "IS_OBJECT" ->
            new Expression.TypeCheck(Expression.TypeFunction.valueOf(function), property());
        case "STARTSWITH", "ENDSWITH", "CONTAINS" -> {
          PropertyRef property = property();
          expect(",");
          yield new Expression.StringMatch(Expression.StringFunction.valueOf(function), property, string());
        }
        case "ARRAY_CONTAINS" -> {
          PropertyRef property = property();
          expect(",");
          yield new Expression.ArrayContains(property, literal());
        }
        default -> throw new QueryException(name.position(), "Unknown function " + name.text());
      };
      expect(")");
      return result;
    }

    private Expression isOfModel(Token name) {
      String collection = null;
      Token first = peek();
      if (first.kind() == Token.Kind.IDENTIFIER) {
        next++;
        if (aliases.get(first.text()) == null || first.text().isEmpty()) {
          throw new QueryException(first.position(), "Unknown collection alias " + first.text());
        }
        collection = first.text();
        expect(",");
      } else if (hasJoinsSoFar()) {
        throw new QueryException(name.position(), "IS_OF_MODEL needs a collection alias in a query with JOIN");
      } else {
        collection = fromAlias;
      }
      if (aliases.get(collection) != Collection.DIGITAL_TWINS) {
        throw new QueryException(first.position(), "IS_OF_MODEL applies to twins, not relationships");
      }
      String model = string();
      boolean exact = false;
      if (accept(",")) {
        Token flag = advance();
        if (!flag.is("exact")) {
          throw unexpected(flag, "exact");
        }
        exact = true;
      }
      return new Expression.IsOfModel(collection, model, exact);
    }

    private boolean hasJoinsSoFar() {
      return aliases.size() > 1;
    }

    private List<Literal> literalList() {
      Token open = peek();
      String close = accept("[") ? "]" : null;
      if (close == null) {
        expect("(");
        close = ")";
      }
      List<Literal> values = new ArrayList<>();
      do {
        if (values.size() == MAX_IN_VALUES) {
          throw new QueryException(peek().position(), "An IN list can hold at most " + MAX_IN_VALUES + " values");
        }
        values.add(literal());
      } while (accept(","));
      expect(close);
      if (values.isEmpty()) {
        throw new QueryException(open.position(), "An IN list needs at least one value");
      }
      return values;
    }

    private Operand operand() {
      Token token = peek();
      if (token.kind() == Token.Kind.IDENTIFIER && !isLiteralKeyword(token)) {
        return resolve(dottedName());
      }
      return literal();
    }

    private PropertyRef property() {
      Token token = peek();
      if (token.kind() != Token.Kind.IDENTIFIER || isLiteralKeyword(token)) {
        throw unexpected(token, "a property");
      }
      return resolve(dottedName());
    }

    private String string() {
      Token token = advance();
      if (token.kind() != Token.Kind.STRING) {
        throw unexpected(token, "a string literal");
      }
      return token.text();
    }

    private Literal literal() {
      Token token = advance();
      switch (token.kind()) {
        case STRING:
          return new Literal(TextNode.valueOf(token.text()));
        case NUMBER:
          return new Literal(number(token.text(), false));
        case SYMBOL:
          if (token.is("-") && peek().kind() == Token.Kind.NUMBER) {
            return new Literal(number(advance().text(), true));
          }
          break;
        case IDENTIFIER:
          if (token.is("true") || token.is("false")) {
            return new Literal(BooleanNode.valueOf(token.is("true")));
          }
          if (token.is("null")) {
            return new Literal(NullNode.getInstance());
          }
          break;
        default:
          break;
      }
      throw unexpected(token, "a literal value");
    }

    private static JsonNode number(String text, boolean negative) {
      BigDecimal value = new BigDecimal(text);
      if (negative) {
        value = value.negate();
      }
      try {
        return LongNode.valueOf(value.longValueExact());
      } catch (ArithmeticException notWhole) {
        return DecimalNode.valueOf(value);
      }
    }

    private static boolean isLiteralKeyword(Token token) {
      return token.is("true") || token.is("false") || token.is("null");
    }

    /** Resolves a dotted name against the declared aliases: {@code T.a.b} is property a.b of collection T. */
    private PropertyRef resolve(RawName raw) {
      String first = raw.parts().get(0);
      if (aliases.containsKey(first) && !first.isEmpty()) {
        return new PropertyRef(first, raw.parts().subList(1, raw.parts().size()));
      }
      if (!hasJoins && aliases.size() == 1) {
        return new PropertyRef(fromAlias, raw.parts());
      }
      throw new QueryException(raw.position(), "Unknown collection alias " + first
          + "; in a query with JOIN every property names its collection");
    }

    private RawName dottedName() {
      int position = peek().position();
      List<String> parts = new ArrayList<>();
      parts.add(name("a name").text());
      while (accept(".")) {
        parts.add(name("a property name").text());
      }
      return new RawName(parts, position);
    }

    private Token name(String expected) {
      Token token = advance();
      if (token.kind() != Token.Kind.IDENTIFIER || (!token.escaped() && isReserved(token.text()))) {
        throw unexpected(token, expected);
      }
      return token;
    }

    private static boolean isReserved(String word) {
      return RESERVED.contains(word.toUpperCase(Locale.ROOT));
    }

    private boolean filtersOnTwinId(Expression expression) {
      if (expression instanceof Expression.And and) {
        return filtersOnTwinId(and.left()) || filtersOnTwinId(and.right());
      }
      if (expression instanceof Expression.Or or) {
        return filtersOnTwinId(or.left()) && filtersOnTwinId(or.right());
      }
      if (expression instanceof Expression.Comparison comparison) {
        return isTwinId(comparison.left()) || isTwinId(comparison.right());
      }
      return expression instanceof Expression.In in && !in.negated() && isTwinId(in.operand());
    }

    private boolean isTwinId(Operand operand) {
      return operand instanceof PropertyRef property && property.isTopLevel("$dtId")
          && aliases.get(property.collection()) == Collection.DIGITAL_TWINS;
    }

    private Token peek() {
      return tokens.get(next);
    }

    private Token advance() {
      Token token = tokens.get(next);
      if (token.kind() != Token.Kind.END) {
        next++;
      }
      return token;
    }

    private boolean accept(String symbol) {
      if (peek().kind() == Token.Kind.SYMBOL && peek().text().equals(symbol)) {
        next++;
        return true;
      }
      return false;
    }

    private boolean acceptKeyword(String keyword) {
      if (peek().is(keyword)) {
        next++;
        return true;
      }
      return false;
    }

    private void expect(String symbol) {
      if (!accept(symbol)) {
        throw unexpected(peek(), "'" + symbol + "'");
      }
    }

    private void expectKeyword(String keyword) {
      if (!acceptKeyword(keyword)) {
        throw unexpected(peek(), keyword);
      }
    }

    private static QueryException unexpected(Token found, String expected) {
      return new QueryException(found.position(), "Expected " + expected + " but found " + found.describe());
    }
  }

  /** A dotted name as written, before aliases are known. */
  private record RawName(List<String> parts, int position) {}
}
