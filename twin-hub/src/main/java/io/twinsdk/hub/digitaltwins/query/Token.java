package io.twinsdk.hub.digitaltwins.query;

/**
 * One lexical token of a query, with where it starts in the text.
 *
 * @param escaped whether a name was written in brackets ({@code [[Group]]}), which makes a reserved word a plain name
 */
record Token(Kind kind, String text, int position, boolean escaped) {

  /** What a token is. */
  enum Kind {
    /** A name: a keyword, a collection alias, a property or function name. */
    IDENTIFIER,
    /** A quoted string; {@link #text()} is its unescaped value. */
    STRING,
    /** A number; {@link #text()} is its source text. */
    NUMBER,
    /** An operator, punctuation, or any other single character the parser will judge. */
    SYMBOL,
    /** The end of the query. */
    END
  }

  /** Whether this token is the keyword or symbol {@code word}, ignoring case as the query language does. */
  boolean is(String word) {
    return (kind == Kind.IDENTIFIER || kind == Kind.SYMBOL) && !escaped && text.equalsIgnoreCase(word);
  }

  /** How the token reads in an error message. */
  String describe() {
    return kind == Kind.END ? "the end of the query" : "'" + text + "'";
  }
}
