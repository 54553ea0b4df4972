package io.twinsdk.core.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A JSON Pointer (RFC 6901) is a path to one value inside a JSON document, written as a sequence of reference tokens
 * such as {@code /properties/desired/fan~1speed}.
 *
 * <p>Instances are immutable. {@link #tokens()} holds the tokens unescaped ({@code fan/speed}); {@link #toString()}
 * writes them escaped again ({@code ~0} for {@code ~}, {@code ~1} for {@code /}), so {@code parse(p.toString())}
 * equals {@code p}. Whether a token names an object member or an array index is decided only when the pointer is
 * evaluated against a document.
 */
public final class JsonPointer {

  private static final JsonPointer ROOT = new JsonPointer(new String[0]);

  private final String[] tokens;
  private final List<String> tokenList;

  private JsonPointer(String[] tokens) {
    this.tokens = tokens;
    this.tokenList = Collections.unmodifiableList(Arrays.asList(tokens));
  }

  /** Returns the empty pointer, which refers to the whole document. */
  public static JsonPointer root() {
    return ROOT;
  }

  /**
   * Parses a pointer in its JSON string form, such as {@code "/a/b~1c"}.
   *
   * @param pointer the empty string for the whole document, otherwise {@code /} followed by tokens separated by
   *     {@code /}, where {@code ~} is written {@code ~0} and {@code /} is written {@code ~1}
   * @throws IllegalArgumentException if the pointer does not start with {@code /} or has a {@code ~} that is not
   *     followed by {@code 0} or {@code 1}; the message gives the offending character's position
   */
  public static JsonPointer parse(String pointer) {
    Objects.requireNonNull(pointer, "pointer");
    if (pointer.isEmpty()) {
      return ROOT;
    }
    if (pointer.charAt(0) != '/') {
      throw new IllegalArgumentException(
          "JSON pointer \"" + pointer + "\" must be empty or start with '/'");
    }
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    for (int i = 1; i < pointer.length(); i++) {
      char c = pointer.charAt(i);
      if (c == '/') {
        tokens.add(token.toString());
        token.setLength(0);
      } else if (c == '~') {
        char next = i + 1 < pointer.length() ? pointer.charAt(i + 1) : 0;
        if (next == '0') {
          token.append('~');
        } else if (next == '1') {
          token.append('/');
        } else {
          throw new IllegalArgumentException("JSON pointer \"" + pointer + "\" has '~' at index " + i
              + " not followed by '0' or '1' (write '~' as ~0 and '/' as ~1)");
        }
        i++;
      } else {
        token.append(c);
      }
    }
    tokens.add(token.toString());
    return new JsonPointer(tokens.toArray(new String[0]));
  }

  /**
   * Returns the pointer made of the given unescaped tokens, for example {@code of("a", "b/c")} is {@code /a/b~1c}.
   *
   * @throws NullPointerException if a token is {@code null}
   */
  public static JsonPointer of(String... tokens) {
    Objects.requireNonNull(tokens, "tokens");
    String[] copy = tokens.clone();
    for (int i = 0; i < copy.length; i++) {
      Objects.requireNonNull(copy[i], "tokens[" + i + "]");
    }
    return copy.length == 0 ? ROOT : new JsonPointer(copy);
  }

  /** Returns the unescaped reference tokens, outermost first; empty for the root. */
  public List<String> tokens() {
    return tokenList;
  }

  /** Returns whether this is the empty pointer, which refers to the whole document. */
  public boolean isRoot() {
    return tokens.length == 0;
  }

  /**
   * Returns the pointer to the value that contains this one.
   *
   * @throws IllegalStateException if this is the root, which has no parent
   */
  public JsonPointer parent() {
    requireNotRoot("parent");
    return tokens.length == 1 ? ROOT : new JsonPointer(Arrays.copyOf(tokens, tokens.length - 1));
  }

  /**
   * Returns the last unescaped token: the member name or array index this pointer selects in its parent.
   *
   * @throws IllegalStateException if this is the root, which has no tokens
   */
  public String last() {
    requireNotRoot("last");
    return tokens[tokens.length - 1];
  }

  /** Returns the pointer one level deeper, selecting {@code token} (unescaped) inside the value this one refers to. */
  public JsonPointer append(String token) {
    Objects.requireNonNull(token, "token");
    String[] longer = Arrays.copyOf(tokens, tokens.length + 1);
    longer[tokens.length] = token;
    return new JsonPointer(longer);
  }

  /** Returns whether {@code other} refers to a value strictly inside the value this pointer refers to. */
  boolean isProperPrefixOf(JsonPointer other) {
    if (other.tokens.length <= tokens.length) {
      return false;
    }
    for (int i = 0; i < tokens.length; i++) {
      if (!tokens[i].equals(other.tokens[i])) {
        return false;
      }
    }
    return true;
  }

  /** Returns the number of tokens. */
  int depth() {
    return tokens.length;
  }

  /** Returns the token at {@code index} without going through the list view; evaluation is on the hot path. */
  String token(int index) {
    return tokens[index];
  }

  private void requireNotRoot(String what) {
    if (tokens.length == 0) {
      throw new IllegalStateException("The root pointer has no " + what);
    }
  }

  /** Returns the pointer in its JSON string form, with {@code ~} escaped as {@code ~0} and {@code /} as {@code ~1}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (String token : tokens) {
      out.append('/');
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        if (c == '~') {
          out.append("~0");
        } else if (c == '/') {
          out.append("~1");
        } else {
          out.append(c);
        }
      }
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonPointer && Arrays.equals(tokens, ((JsonPointer) other).tokens);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(tokens);
  }
}
