package io.twinsdk.hub.iothub.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A recursive-descent parser for the IoT Hub query subset; one instance parses one query. */
final class QueryParser {

  private static final Pattern NUMBER_PATTERN = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

  private enum Kind { WORD, STRING, NUMBER, SYMBOL, END }

  private record Token(Kind kind, String text, int position) {}

  private final String text;
  private final List<Token> tokens;
  private int next;

  QueryParser(String text) {
    this.text = text;
    this.tokens = tokenize(text);
  }

  Query parse() {
    expectKeyword("SELECT");
    OptionalInt top = OptionalInt.empty();
    if (acceptKeyword("TOP")) {
      Token count = take();
      if (count.kind() != Kind.NUMBER || !count.text().matches("\\d+")) {
        throw error(count, "TOP needs a whole number");
      }
      top = OptionalInt.of(Integer.parseInt(count.text()));
    }
    List<Query.Projection> projections = new ArrayList<>();
    if (!acceptSymbol("*")) {
      do {
        projections.add(projection());
      } while (acceptSymbol(","));
    }
    expectKeyword("FROM");
    Token source = take();
    if (source.kind() != Kind.WORD || !source.text().equalsIgnoreCase("devices")) {
      throw error(source, "only FROM devices is supported");
    }
    Condition where = Condition.ALWAYS;
    if (acceptKeyword("WHERE")) {
      where = or();
    }
    List<String> groupBy = null;
    if (acceptKeyword("GROUP")) {
      expectKeyword("BY");
      groupBy = path(take());
    }
    Token end = take();
    if (end.kind() != Kind.END) {
      throw error(end, "unexpected '" + end.text() + "'");
    }
    return new Query(top, List.copyOf(projections), where, groupBy);
  }

  private Query.Projection projection() {
    Token token = take();
    List<String> path = null;
    String name;
    if (token.kind() == Kind.WORD && token.text().equalsIgnoreCase("COUNT")) {
      expectSymbol("(");
      expectSymbol(")");
      name = "count";
    } else {
      path = path(token);
      name = path.get(path.size() - 1);
    }
    if (acceptKeyword("AS")) {
      Token alias = take();
      if (alias.kind() != Kind.WORD || alias.text().contains(".")) {
        throw error(alias, "AS needs a name");
      }
      name = alias.text();
    }
    return new Query.Projection(path, name);
  }

  private Condition or() {
    Condition left = and();
    while (acceptKeyword("OR")) {
      Condition a = left;
      Condition b = and();
      left = twin -> a.test(twin) || b.test(twin);
    }
    return left;
  }

  private Condition and() {
    Condition left = not();
    while (acceptKeyword("AND")) {
      Condition a = left;
      Condition b = not();
      left = twin -> a.test(twin) && b.test(twin);
    }
    return left;
  }

  private Condition not() {
    if (acceptKeyword("NOT")) {
      Condition inner = not();
      return twin -> !inner.test(twin);
    }
    return primary();
  }

  private Condition primary() {
    if (acceptSymbol("(")) {
      Condition inner = or();
      expectSymbol(")");
      return inner;
    }
    Token token = take();
    if (token.kind() == Kind.WORD && token.text().equalsIgnoreCase("IS_DEFINED")) {
      expectSymbol("(");
      List<String> path = path(take());
      expectSymbol(")");
      return twin -> !Paths.resolve(twin, path).isMissingNode();
    }
    Function<JsonNode, JsonNode> left = operand(token);
    if (acceptKeyword("IN") || peekKeyword("NIN")) {
      boolean negated = acceptKeyword("NIN");
      List<JsonNode> values = list();
      return twin -> {
        JsonNode value = left.apply(twin);
        boolean found = !value.isMissingNode() && values.stream().anyMatch(v -> Comparison.compare(value, v) == 0);
        return negated ? !value.isMissingNode() && !found : found;
      };
    }
    Token operator = take();
    if (operator.kind() != Kind.SYMBOL || !List.of("=", "!=", "<>", "<", ">", "<=", ">=").contains(operator.text())) {
      throw error(operator, "expected a comparison (=, !=, <>, <, >, <=, >=, IN, NIN)");
    }
    Function<JsonNode, JsonNode> right = operand(take());
    String op = operator.text();
    return twin -> Comparison.holds(left.apply(twin), op, right.apply(twin));
  }

  private List<JsonNode> list() {
    expectSymbol("[");
    List<JsonNode> values = new ArrayList<>();
    if (!acceptSymbol("]")) {
      do {
        values.add(literal(take()));
      } while (acceptSymbol(","));
      expectSymbol("]");
    }
    return values;
  }

  private Function<JsonNode, JsonNode> operand(Token token) {
    if (token.kind() == Kind.WORD && !isLiteralWord(token.text())) {
      List<String> path = path(token);
      return twin -> Paths.resolve(twin, path);
    }
    JsonNode value = literal(token);
    return twin -> value;
  }

  private JsonNode literal(Token token) {
    switch (token.kind()) {
      case STRING:
        return TextNode.valueOf(token.text());
      case NUMBER:
        return DecimalNode.valueOf(new BigDecimal(token.text()));
      case WORD:
        String word = token.text().toLowerCase(Locale.ROOT);
        if (word.equals("true") || word.equals("false")) {
          return BooleanNode.valueOf(word.equals("true"));
        }
        if (word.equals("null")) {
          return NullNode.getInstance();
        }
        throw error(token, "expected a value");
      default:
        throw error(token, "expected a value");
    }
  }

  private static boolean isLiteralWord(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return lower.equals("true") || lower.equals("false") || lower.equals("null");
  }

  private List<String> path(Token token) {
    if (token.kind() != Kind.WORD || token.text().startsWith(".") || token.text().endsWith(".")
        || token.text().contains("..")) {
      throw error(token, "expected a property path such as properties.reported.name");
    }
    return List.of(token.text().split("\\."));
  }

  private Token take() {
    return tokens.get(Math.min(next++, tokens.size() - 1));
  }

  private boolean peekKeyword(String keyword) {
    Token token = tokens.get(Math.min(next, tokens.size() - 1));
    return token.kind() == Kind.WORD && token.text().equalsIgnoreCase(keyword);
  }

  private boolean acceptKeyword(String keyword) {
    if (peekKeyword(keyword)) {
      next++;
      return true;
    }
    return false;
  }

  private void expectKeyword(String keyword) {
    if (!acceptKeyword(keyword)) {
      throw error(tokens.get(Math.min(next, tokens.size() - 1)), "expected " + keyword);
    }
  }

  private boolean acceptSymbol(String symbol) {
    Token token = tokens.get(Math.min(next, tokens.size() - 1));
    if (token.kind() == Kind.SYMBOL && token.text().equals(symbol)) {
      next++;
      return true;
    }
    return false;
  }

  private void expectSymbol(String symbol) {
    if (!acceptSymbol(symbol)) {
      throw error(tokens.get(Math.min(next, tokens.size() - 1)), "expected '" + symbol + "'");
    }
  }

  private QueryException error(Token token, String message) {
    return new QueryException("Query error at position " + token.position() + " of '" + text + "': " + message
        + ".");
  }

  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        int end = text.indexOf(c, i + 1);
        if (end < 0) {
          throw new QueryException("Query error at position " + i + ": the string is not closed.");
        }
        tokens.add(new Token(Kind.STRING, text.substring(i + 1, end), i));
        i = end + 1;
      } else if (NUMBER_PATTERN.matcher(text).region(i, text.length()).lookingAt()) {
        Matcher number = NUMBER_PATTERN.matcher(text).region(i, text.length());
        number.lookingAt();
        tokens.add(new Token(Kind.NUMBER, number.group(), i));
        i = number.end();
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        int start = i;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || "_$.-".indexOf(text.charAt(i)) >= 0)) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, text.substring(start, i), start));
      } else {
        String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
        if (two.equals("!=") || two.equals("<>") || two.equals("<=") || two.equals(">=")) {
          tokens.add(new Token(Kind.SYMBOL, two, i));
          i += 2;
        } else if ("()[],*=<>".indexOf(c) >= 0) {
          tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
          i++;
        } else {
          throw new QueryException("Query error at position " + i + ": unexpected character '" + c + "'.");
        }
      }
    }
    tokens.add(new Token(Kind.END, "end of query", text.length()));
    return tokens;
  }
}
