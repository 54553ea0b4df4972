package io.twinsdk.hub.digitaltwins.query;

import java.util.ArrayList;
import java.util.List;

/** Splits query text into tokens. Whitespace separates tokens and is otherwise ignored. */
final class QueryLexer {

  private final String text;
  private int at;

  private QueryLexer(String text) {
    this.text = text;
  }

  /**
   * Returns the tokens of {@code text}, ending with an {@link Token.Kind#END} token.
   *
   * @throws QueryException for an unterminated string or escaped name, or a malformed number
   */
  static List<Token> tokenize(String text) {
    return new QueryLexer(text).run();
  }

  private List<Token> run() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
      if (at >= text.length()) {
        tokens.add(new Token(Token.Kind.END, "", at, false));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private Token next() {
    int start = at;
    char c = text.charAt(at);
    if (c == '\'' || c == '"') {
      return string(c);
    }
    if (Character.isDigit(c) || (c == '.' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1)))) {
      return number();
    }
    if (isNameStart(c)) {
      while (at < text.length() && isNamePart(text.charAt(at))) {
        at++;
      }
      return new Token(Token.Kind.IDENTIFIER, text.substring(start, at), start, false);
    }
    // Reserved words are escaped with double brackets, [[Group]]; a single bracket opens an IN list.
    if (text.startsWith("[[", at) && closesAsName(at + 2)) {
      return escapedName();
    }
    for (String symbol : new String[] {"!=", "<=", ">=", "<>"}) {
      if (text.startsWith(symbol, at)) {
        at += 2;
        return new Token(Token.Kind.SYMBOL, symbol.equals("<>") ? "!=" : symbol, start, false);
      }
    }
    // Any other character is a one-character symbol: the parser reports it where it expected something else, so
    // that a clause it knows but does not support (MATCH with its arrows) gets its own message.
    at++;
    return new Token(Token.Kind.SYMBOL, String.valueOf(c), start, false);
  }

  /** Whether the name starting at {@code from} is followed directly by a closing bracket (an escaped name). */
  private boolean closesAsName(int from) {
    int i = from;
    while (i < text.length() && isNamePart(text.charAt(i))) {
      i++;
    }
    return i > from && i < text.length() && text.charAt(i) == ']';
  }

  private Token escapedName() {
    int start = at;
    at += 2;
    int nameStart = at;
    while (isNamePart(text.charAt(at))) {
      at++;
    }
    String name = text.substring(nameStart, at);
    if (!text.startsWith("]]", at)) {
      throw new QueryException(at, "Unterminated escaped name [[" + name);
    }
    at += 2;
    return new Token(Token.Kind.IDENTIFIER, name, start, true);
  }

  private Token string(char quote) {
    int start = at;
    at++;
    StringBuilder value = new StringBuilder();
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == quote) {
        return new Token(Token.Kind.STRING, value.toString(), start, false);
      }
      if (c == '\\' && at < text.length()) {
        char escaped = text.charAt(at++);
        value.append(switch (escaped) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> escaped;
        });
      } else {
        value.append(c);
      }
    }
    throw new QueryException(start, "Unterminated string literal");
  }

  private Token number() {
    int start = at;
    while (at < text.length() && Character.isDigit(text.charAt(at))) {
      at++;
    }
    if (at < text.length() && text.charAt(at) == '.') {
      at++;
      while (at < text.length() && Character.isDigit(text.charAt(at))) {
        at++;
      }
    }
    if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
      int mark = at++;
      if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
        at++;
      }
      if (at >= text.length() || !Character.isDigit(text.charAt(at))) {
        throw new QueryException(mark, "Malformed number exponent");
      }
      while (at < text.length() && Character.isDigit(text.charAt(at))) {
        at++;
      }
    }
    if (at < text.length() && isNameStart(text.charAt(at))) {
      throw new QueryException(at, "Unexpected character '" + text.charAt(at) + "' after a number");
    }
    return new Token(Token.Kind.NUMBER, text.substring(start, at), start, false);
  }

  // '$' starts system property names such as $dtId and $metadata.
  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '$';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
