package io.twinsdk.core.dtdl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DtmiTest {

  @Test
  void parsesPathOneAndTwoPartVersionsAndFragment() {
    Dtmi onepart = Dtmi.parse("dtmi:com:example:Thermostat;12");
    Dtmi twopart = Dtmi.parse("dtmi:com:example:Thermostat;3.14#setPoint");

    assertThat(onepart.path()).isEqualTo("com:example:Thermostat");
    assertThat(onepart.segments()).containsExactly("com", "example", "Thermostat");
    assertThat(onepart.version()).contains("12");
    assertThat(onepart.majorVersion()).isEqualTo(OptionalInt.of(12));
    assertThat(onepart.minorVersion()).isEmpty();
    assertThat(onepart.fragment()).isEmpty();
    assertThat(twopart.version()).contains("3.14");
    assertThat(twopart.majorVersion()).isEqualTo(OptionalInt.of(3));
    assertThat(twopart.minorVersion()).isEqualTo(OptionalInt.of(14));
    assertThat(twopart.fragment()).contains("setPoint");
  }

  @Test
  void versionIsOptional() {
    Dtmi dtmi = Dtmi.parse("dtmi:foo:bar");

    assertThat(dtmi.hasVersion()).isFalse();
    assertThat(dtmi.version()).isEmpty();
    assertThat(dtmi.majorVersion()).isEmpty();
  }

  @Test
  void withoutVersionDropsOnlyTheVersion() {
    assertThat(Dtmi.parse("dtmi:a:b;7#frag").withoutVersion()).isEqualTo(Dtmi.parse("dtmi:a:b#frag"));
    assertThat(Dtmi.parse("dtmi:a:b;7").withoutVersion().toString()).isEqualTo("dtmi:a:b");
  }

  @Test
  void equalityIsCaseSensitiveOnTheWholeIdentifier() {
    assertThat(Dtmi.parse("dtmi:a:B;1")).isEqualTo(Dtmi.parse("dtmi:a:B;1"))
        .hasSameHashCodeAs(Dtmi.parse("dtmi:a:B;1"))
        .isNotEqualTo(Dtmi.parse("dtmi:a:b;1"))
        .isNotEqualTo(Dtmi.parse("dtmi:a:B;2"));
  }

  @Test
  void systemSegmentsMakeASystemDtmi() {
    assertThat(Dtmi.parse("dtmi:foo_bar:_16:baz33:qux;12").isSystem()).isTrue();
    assertThat(Dtmi.parse("dtmi:foo:bar;1#_frag").isSystem()).isTrue();
    assertThat(Dtmi.parse("dtmi:foo_bar:baz;1").isSystem()).isFalse();
  }

  @Test
  void dtdlAndStandardPrefixesAreReserved() {
    assertThat(Dtmi.parse("dtmi:dtdl:context;3").isReserved()).isTrue();
    assertThat(Dtmi.parse("dtmi:standard:unit:kelvin;2").isReserved()).isTrue();
    assertThat(Dtmi.parse("dtmi:dtdlx:context;3").isReserved()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "urn:foo:bar:1 | it must start with \"dtmi:\"",
      "dtmi:foo:bar;0 | the version must not start with 0",
      "dtmi:foo:bar;01 | the version must not start with 0",
      "dtmi:foo:bar;1234567890 | the version has more than 9 digits",
      "dtmi:foo:bar;3.0 | the minor version must not start with 0",
      "dtmi:foo:bar;3.1415926 | the minor version has more than 6 digits",
      "dtmi:foo:bar; | the version must be a number at index 13",
      "dtmi:foo:bar;1a | unexpected character 'a' at index 14",
      "dtmi:test:1seg;1 | the path segment \"1seg\" starts with a digit",
      "dtmi:test:invalidId_;1 | the path segment \"invalidId_\" ends with '_'",
      "dtmi:foo::bar;1 | a path segment is empty or contains a character other than letters, digits and '_' at index 9",
      "dtmi:foo:bar.baz;1 | unexpected character '.' at index 12",
      "dtmi:a;1# | a fragment is empty or contains a character other than letters, digits and '_' at index 9",
  })
  void invalidDtmisAreRejectedWithTheBrokenRule(String text, String reason) {
    assertThatThrownBy(() -> Dtmi.parse(text))
        .isInstanceOfSatisfying(InvalidDtmiException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.input()).isEqualTo(text);
        })
        .hasMessageContaining(reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dtmi:foo:bar;7", "dtmi:foo;1", "dtmi:foo:bar;999999999", "dtmi:foo:bar;3.141592",
      "dtmi:_sys:bar;1", "dtmi:a__b;1", "dtmi:a:b;1#c"})
  void validDtmisAreAccepted(String text) {
    assertThat(Dtmi.isValid(text)).isTrue();
    assertThat(Dtmi.tryParse(text)).map(Dtmi::toString).contains(text);
  }

  @Test
  void nullIsNotADtmi() {
    assertThat(Dtmi.isValid(null)).isFalse();
    assertThatThrownBy(() -> Dtmi.parse(null)).isInstanceOf(InvalidDtmiException.class).hasMessageContaining("null");
  }

  @Test
  void userDtmisAreLimitedTo2048CharactersAndSystemDtmisTo4096() {
    String userAtLimit = "dtmi:" + "a".repeat(Dtmi.MAX_USER_LENGTH - "dtmi:;1".length()) + ";1";
    String userTooLong = "dtmi:" + "a".repeat(Dtmi.MAX_USER_LENGTH - "dtmi:;1".length() + 1) + ";1";
    String systemLong = "dtmi:_" + "a".repeat(Dtmi.MAX_LENGTH - "dtmi:_;1".length()) + ";1";

    assertThat(Dtmi.isValid(userAtLimit)).isTrue();
    assertThatThrownBy(() -> Dtmi.parse(userTooLong)).hasMessageContaining("limited to 2048");
    assertThat(Dtmi.parse(systemLong).toString()).hasSize(Dtmi.MAX_LENGTH);
    assertThatThrownBy(() -> Dtmi.parse(systemLong + "1")).hasMessageContaining("longer than 4096");
  }

  @Test
  void veryLongInvalidInputIsTruncatedInTheMessage() {
    String longText = "x".repeat(5000);

    assertThatThrownBy(() -> Dtmi.parse(longText)).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
  }

  @Test
  void dtmisSortByTheirText() {
    assertThat(Dtmi.parse("dtmi:a;1")).isLessThan(Dtmi.parse("dtmi:b;1"));
  }
}
