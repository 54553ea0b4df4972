package io.twinsdk.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPointerTest {

  @Test
  void emptyStringIsTheRoot() {
    JsonPointer pointer = JsonPointer.parse("");

    assertThat(pointer.isRoot()).isTrue();
    assertThat(pointer.tokens()).isEmpty();
    assertThat(pointer).isEqualTo(JsonPointer.root());
    assertThat(pointer.toString()).isEmpty();
  }

  @Test
  void slashAloneIsOneEmptyToken() {
    JsonPointer pointer = JsonPointer.parse("/");

    assertThat(pointer.isRoot()).isFalse();
    assertThat(pointer.tokens()).containsExactly("");
  }

  @Test
  void tokensAreUnescapedWithTildeOneBeforeTildeZero() {
    JsonPointer pointer = JsonPointer.parse("/a~1b/m~0n/~01/");

    assertThat(pointer.tokens()).containsExactly("a/b", "m~n", "~1", "");
  }

  @Test
  void toStringEscapesTildeAndSlashAgain() {
    JsonPointer pointer = JsonPointer.of("a/b", "m~n", "~1");

    assertThat(pointer.toString()).isEqualTo("/a~1b/m~0n/~01");
    assertThat(JsonPointer.parse(pointer.toString())).isEqualTo(pointer);
  }

  @Test
  void pointerNotStartingWithSlashIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonPointer.parse("a/b"))
        .withMessageContaining("\"a/b\"")
        .withMessageContaining("must be empty or start with '/'");
  }

  @Test
  void tildeFollowedByAnythingButZeroOrOneIsRefusedWithItsIndex() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonPointer.parse("/ab~2"))
        .withMessageContaining("'~' at index 3");
  }

  @Test
  void trailingTildeIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonPointer.parse("/a~"))
        .withMessageContaining("'~' at index 2");
  }

  @Test
  void parentAndLastSplitOffTheFinalToken() {
    JsonPointer pointer = JsonPointer.parse("/a/b~1c");

    assertThat(pointer.parent()).isEqualTo(JsonPointer.parse("/a"));
    assertThat(pointer.last()).isEqualTo("b/c");
    assertThat(pointer.parent().parent()).isEqualTo(JsonPointer.root());
  }

  @Test
  void rootHasNoParentAndNoLastToken() {
    assertThatIllegalStateException().isThrownBy(() -> JsonPointer.root().parent());
    assertThatIllegalStateException().isThrownBy(() -> JsonPointer.root().last());
  }

  @Test
  void appendAddsAnUnescapedTokenWithoutChangingTheOriginal() {
    JsonPointer parent = JsonPointer.parse("/properties");

    JsonPointer child = parent.append("fan/speed");

    assertThat(child.toString()).isEqualTo("/properties/fan~1speed");
    assertThat(parent.toString()).isEqualTo("/properties");
  }

  @Test
  void tokensCannotBeModified() {
    List<String> tokens = JsonPointer.parse("/a").tokens();

    assertThat(tokens).isUnmodifiable();
  }

  @Test
  void ofCopiesItsArgumentsAndRefusesNullTokens() {
    String[] tokens = {"a", "b"};
    JsonPointer pointer = JsonPointer.of(tokens);
    tokens[0] = "changed";

    assertThat(pointer.toString()).isEqualTo("/a/b");
    assertThatNullPointerException().isThrownBy(() -> JsonPointer.of("a", null)).withMessage("tokens[1]");
  }

  @Test
  void equalPointersHaveEqualHashCodes() {
    assertThat(JsonPointer.parse("/a/~0")).isEqualTo(JsonPointer.of("a", "~"));
    assertThat(JsonPointer.parse("/a/~0").hashCode()).isEqualTo(JsonPointer.of("a", "~").hashCode());
    assertThat(JsonPointer.parse("/a")).isNotEqualTo(JsonPointer.parse("/a/"));
  }

  @Test
  void properPrefixMeansStrictlyInside() {
    JsonPointer a = JsonPointer.parse("/a");

    assertThat(a.isProperPrefixOf(JsonPointer.parse("/a/b"))).isTrue();
    assertThat(JsonPointer.root().isProperPrefixOf(a)).isTrue();
    assertThat(a.isProperPrefixOf(a)).isFalse();
    assertThat(a.isProperPrefixOf(JsonPointer.parse("/ab"))).isFalse();
    assertThat(JsonPointer.parse("/a/b").isProperPrefixOf(a)).isFalse();
  }
}
