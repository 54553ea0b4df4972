package io.twinsdk.core.devicetwin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.devicetwin.TwinRules.Rule;
import io.twinsdk.core.devicetwin.TwinRules.Section;
import io.twinsdk.core.internal.Json;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwinRulesTest {

  private static JsonNode json(String text) {
    return Json.parse(text);
  }

  private static ObjectNode single(String key, JsonNode value) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    object.set(key, value);
    return object;
  }

  private static JsonNode text(String value) {
    return JsonNodeFactory.instance.textNode(value);
  }

  private static TwinValidationException patchViolation(Section section, JsonNode patch) {
    return catchThrowableOfType(TwinValidationException.class, () -> TwinRules.checkPatch(section, patch));
  }

  private static TwinValidationException documentViolation(Section section, JsonNode document) {
    return catchThrowableOfType(TwinValidationException.class,
        () -> TwinRules.checkDocument(section, TwinCollection.fromJsonNode(document)));
  }

  private static void assertViolation(TwinValidationException e, Rule rule, String path) {
    assertThat(e).as("expected a violation of %s", rule).isNotNull();
    assertThat(e.rule()).isEqualTo(rule);
    assertThat(e.path()).isEqualTo(path);
    assertThat(e.getMessage()).startsWith(path + ": ");
  }

  /** Returns {"l1":{"l2":…{"lN":{"leaf":1}}}}: N objects nested below the root. */
  private static ObjectNode nestedObjects(int levels) {
    JsonNode inner = single("leaf", json("1"));
    for (int level = levels; level >= 1; level--) {
      inner = single("l" + level, inner);
    }
    return (ObjectNode) inner;
  }

  private static String path(String section, int levels) {
    StringBuilder path = new StringBuilder(section);
    for (int level = 1; level <= levels; level++) {
      path.append(".l").append(level);
    }
    return path.toString();
  }

  @Nested
  class Keys {

    @ParameterizedTest
    @ValueSource(strings = {"a.b", "$version", "a$", "with space", "nul\u0000", "unit\u001F", "del\u007F",
        "c1\u0080", "c1\u009F"})
    void keyWithForbiddenCharacterIsRefused(String key) {
      TwinValidationException e = patchViolation(Section.DESIRED, single(key, json("1")));

      assertThat(e).isNotNull();
      assertThat(e.rule()).isEqualTo(Rule.KEY_CHARACTER);
      assertThat(e.getMessage()).contains("'.', '$', space or control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "temp", "a-b_c:d", "nbsp\u00A0ok", "温度", "emoji😀", "slash/and#hash"})
    void keyWithAllowedCharactersIsAccepted(String key) {
      assertThatCode(() -> TwinRules.checkPatch(Section.DESIRED, single(key, json("1")))).doesNotThrowAnyException();
    }

    @Test
    void nestedBadKeyIsReportedWithItsFullPath() {
      TwinValidationException e = patchViolation(Section.REPORTED, json("{\"a\":{\"b\":{\"c.d\":1}}}"));

      assertViolation(e, Rule.KEY_CHARACTER, "properties.reported.a.b['c.d']");
      assertThat(e.getMessage()).contains("'.' (U+002E)");
    }

    @Test
    void controlCharacterInKeyIsEscapedInPathAndMessage() {
      TwinValidationException e = patchViolation(Section.TAGS, single("a\tb", json("1")));

      assertViolation(e, Rule.KEY_CHARACTER, "tags['a\\u0009b']");
      assertThat(e.getMessage()).contains("control character U+0009").doesNotContain("\t");
    }

    @Test
    void keyOf1024AsciiBytesIsAcceptedAnd1025Refused() {
      String longest = "k".repeat(1024);

      assertThatCode(() -> TwinRules.checkPatch(Section.DESIRED, single(longest, json("1"))))
          .doesNotThrowAnyException();
      assertViolation(patchViolation(Section.DESIRED, single(longest + "k", json("1"))),
          Rule.KEY_LENGTH, "properties.desired." + longest + "k");
    }

    @Test
    void keyLengthCountsUtf8BytesNotCharacters() {
      String threeByteChars = "€".repeat(341) + "a";
      String fourByteChars = "😀".repeat(256);

      assertThatCode(() -> TwinRules.checkPatch(Section.DESIRED, single(threeByteChars, json("1"))))
          .doesNotThrowAnyException();
      assertThatCode(() -> TwinRules.checkPatch(Section.DESIRED, single(fourByteChars, json("1"))))
          .doesNotThrowAnyException();
      assertThat(patchViolation(Section.DESIRED, single("€".repeat(342), json("1"))).rule())
          .isEqualTo(Rule.KEY_LENGTH);
      assertThat(patchViolation(Section.DESIRED, single(fourByteChars + "a", json("1"))).getMessage())
          .contains("1025 bytes");
    }
  }

  @Nested
  class Depth {

    @Test
    void tenNestedObjectsAreAccepted() {
      assertThatCode(() -> TwinRules.checkPatch(Section.TAGS, nestedObjects(10))).doesNotThrowAnyException();
      assertThatCode(() -> TwinRules.checkDocument(Section.REPORTED, TwinCollection.fromJsonNode(nestedObjects(10))))
          .doesNotThrowAnyException();
    }

    @Test
    void elevenNestedObjectsAreRefusedAtTheEleventh() {
      TwinValidationException e = patchViolation(Section.DESIRED, nestedObjects(11));

      assertViolation(e, Rule.DEPTH, path("properties.desired", 11));
      assertThat(e.getMessage()).contains("level 11").contains("at most 10");
    }

    @Test
    void emptyObjectCountsAsALevel() {
      ObjectNode elevenDeep = nestedObjects(10);
      ObjectNode tenth = (ObjectNode) elevenDeep.at("/l1/l2/l3/l4/l5/l6/l7/l8/l9/l10");
      tenth.putObject("eleven");

      assertViolation(documentViolation(Section.TAGS, elevenDeep), Rule.DEPTH, path("tags", 10) + ".eleven");
    }

    @Test
    void arraysCountAsLevels() {
      ObjectNode tenDeep = nestedObjects(9);
      ((ObjectNode) tenDeep.at("/l1/l2/l3/l4/l5/l6/l7/l8/l9")).putArray("list").add(1);
      ObjectNode elevenDeep = tenDeep.deepCopy();
      ((ObjectNode) elevenDeep.at("/l1/l2/l3/l4/l5/l6/l7/l8/l9")).putArray("list").addObject().put("x", 1);

      assertThatCode(() -> TwinRules.checkPatch(Section.DESIRED, tenDeep)).doesNotThrowAnyException();
      assertViolation(patchViolation(Section.DESIRED, elevenDeep), Rule.DEPTH,
          path("properties.desired", 9) + ".list[0]");
    }
  }

  @Nested
  class Values {

    @Test
    void integersAtTheLimitsAreAcceptedAndOnePastRefused() {
      assertThatCode(() -> TwinRules.checkPatch(Section.REPORTED,
          json("{\"max\":4503599627370495,\"min\":-4503599627370496}"))).doesNotThrowAnyException();
      assertViolation(patchViolation(Section.REPORTED, json("{\"n\":4503599627370496}")),
          Rule.NUMBER_RANGE, "properties.reported.n");
      assertViolation(patchViolation(Section.REPORTED, json("{\"a\":{\"n\":-4503599627370497}}")),
          Rule.NUMBER_RANGE, "properties.reported.a.n");
    }

    @Test
    void hugeIntegerIsRefusedWithAdvice() {
      TwinValidationException e = patchViolation(Section.TAGS, json("{\"id\":123456789012345678901234567890}"));

      assertViolation(e, Rule.NUMBER_RANGE, "tags.id");
      assertThat(e.getMessage()).contains("send it as a string");
    }

    @Test
    void decimalsAreNotIntegersAndOnlyNeedToFitADouble() {
      assertThatCode(() -> TwinRules.checkPatch(Section.DESIRED,
          json("{\"a\":4503599627370496.0,\"b\":1.7e308,\"c\":-2.5e-320}"))).doesNotThrowAnyException();
      assertViolation(patchViolation(Section.DESIRED, json("{\"x\":1e309}")),
          Rule.NUMBER_RANGE, "properties.desired.x");
    }

    @Test
    void stringOf4096BytesIsAcceptedAnd4097Refused() {
      // The empty key adds nothing, so the per-property limit (also 4096) does not mask the string limit.
      assertThatCode(() -> TwinRules.checkPatch(Section.DESIRED, single("", text("x".repeat(4096)))))
          .doesNotThrowAnyException();
      assertViolation(patchViolation(Section.DESIRED, single("", text("x".repeat(4097)))),
          Rule.STRING_LENGTH, "properties.desired['']");
    }

    @Test
    void stringLengthCountsUtf8BytesAndSkipsControlCharacters() {
      assertThatCode(() -> TwinRules.checkPatch(Section.DESIRED, single("", text("ü".repeat(2048) + "\n\t\u0085"))))
          .doesNotThrowAnyException();
      assertThat(patchViolation(Section.DESIRED, single("", text("ü".repeat(2048) + "a"))).rule())
          .isEqualTo(Rule.STRING_LENGTH);
    }

    @Test
    void nullDeletesInPatchesAtEveryLevel() {
      assertThatCode(() -> TwinRules.checkPatch(Section.REPORTED, json("{\"a\":null,\"b\":{\"c\":null}}")))
          .doesNotThrowAnyException();
    }

    @Test
    void documentWithNullIsRefused() {
      assertViolation(documentViolation(Section.DESIRED, json("{\"a\":{\"b\":null}}")),
          Rule.NULL_VALUE, "properties.desired.a.b");
    }

    @Test
    void arrayContainingNullIsRefusedInPatchesToo() {
      assertViolation(patchViolation(Section.REPORTED, json("{\"list\":[1,null]}")),
          Rule.NULL_IN_ARRAY, "properties.reported.list[1]");
    }

    @Test
    void arraysOfValuesAndObjectsAreAccepted() {
      assertThatCode(() -> TwinRules.checkPatch(Section.REPORTED,
          json("{\"list\":[1,\"two\",true,{\"x\":[]},[3.5]]}"))).doesNotThrowAnyException();
    }

    @Test
    void patchThatIsNotAnObjectIsRefused() {
      assertViolation(patchViolation(Section.REPORTED, json("[1]")), Rule.NOT_AN_OBJECT, "properties.reported");
    }
  }

  @Nested
  class Sizes {

    @Test
    void sizeCountsKeysAndValuesAsIotHubDoes() {
      // temp 4 + 8, on 2 + 4, name 4 + "kü" 3
      assertThat(TwinRules.sizeOf(json("{\"temp\":21.5,\"on\":true,\"name\":\"kü\"}"))).isEqualTo(25);
      // a 1 + (bb 2 + 8) + (c 1 + (4 + 3 + 0))
      assertThat(TwinRules.sizeOf(json("{\"a\":{\"bb\":1,\"c\":[true,\"xyz\",null]}}"))).isEqualTo(19);
      // every number counts 8, whatever its form
      assertThat(TwinRules.sizeOf(json("{\"n\":[1,1.0,1e300,-4503599627370496,false]}"))).isEqualTo(1 + 4 * 8 + 4);
    }

    @Test
    void sizeLeavesOutBookkeepingAndControlCharacters() {
      // x 1 + "yz" 2; $version and $metadata are not counted
      assertThat(TwinRules.sizeOf(json("{\"x\":\"yz\",\"$version\":4,\"$metadata\":{\"$lastUpdated\":\"t\"}}")))
          .isEqualTo(3);
      // s 1 + "ab" 2: tab (C0) and U+0085 (C1) are not counted
      assertThat(TwinRules.sizeOf(json("{\"s\":\"a\\tb\\u0085\"}"))).isEqualTo(3);
    }

    @Test
    void sizeCountsMultiByteCharactersInUtf8() {
      // 温度 6 + "日本" 6, emoji key 4 + "é" 2
      assertThat(TwinRules.sizeOf(json("{\"温度\":\"日本\",\"😀\":\"é\"}"))).isEqualTo(18);
    }

    @Test
    void sizeOfScalarIsItsValueSize() {
      assertThat(TwinRules.sizeOf(json("\"abc\""))).isEqualTo(3);
      assertThat(TwinRules.sizeOf(json("null"))).isZero();
    }

    @Test
    void topLevelPropertyOf4096BytesIsAcceptedAnd4097Refused() {
      assertThatCode(() -> TwinRules.checkPatch(Section.DESIRED, single("k", text("x".repeat(4095)))))
          .doesNotThrowAnyException();
      TwinValidationException e = patchViolation(Section.DESIRED, single("k", text("x".repeat(4096))));

      assertViolation(e, Rule.PROPERTY_SIZE, "properties.desired.k");
      assertThat(e.getMessage()).contains("4097 bytes");
    }

    @Test
    void propertySizeIncludesNestedContent() {
      ObjectNode property = JsonNodeFactory.instance.objectNode();
      property.put("a", "x".repeat(2000));
      property.put("b", "x".repeat(2092));

      // p 1 + (a 1 + 2000) + (b 1 + 2092) = 4095
      assertThatCode(() -> TwinRules.checkPatch(Section.TAGS, single("p", property))).doesNotThrowAnyException();
      property.put("c", true);
      assertViolation(patchViolation(Section.TAGS, single("p", property)), Rule.PROPERTY_SIZE, "tags.p");
    }

    /** Returns a section of {@code count} properties of exactly 4096 bytes each, plus {@code extra}. */
    private TwinCollection fullProperties(int count, String extraKey) {
      TwinCollection section = TwinCollection.empty();
      for (int i = 0; i < count; i++) {
        section = section.with(String.valueOf((char) ('a' + i)), "x".repeat(4095));
      }
      return extraKey == null ? section : section.with(extraKey, "");
    }

    @Test
    void tagsOf8192BytesAreAcceptedAnd8193Refused() {
      assertThatCode(() -> TwinRules.checkDocument(Section.TAGS, fullProperties(2, null))).doesNotThrowAnyException();
      TwinValidationException e = catchThrowableOfType(TwinValidationException.class,
          () -> TwinRules.checkDocument(Section.TAGS, fullProperties(2, "z")));

      assertViolation(e, Rule.SECTION_SIZE, "tags");
      assertThat(e.getMessage()).contains("8193 bytes").contains("8192");
    }

    @Test
    void desiredAndReportedOf32768BytesAreAcceptedAnd32769Refused() {
      for (Section section : new Section[] {Section.DESIRED, Section.REPORTED}) {
        assertThatCode(() -> TwinRules.checkDocument(section, fullProperties(8, null))).doesNotThrowAnyException();
        TwinValidationException e = catchThrowableOfType(TwinValidationException.class,
            () -> TwinRules.checkDocument(section, fullProperties(8, "z")));
        assertViolation(e, Rule.SECTION_SIZE, section.path());
      }
    }

    @Test
    void documentSizeIgnoresVersionAndMetadata() {
      TwinCollection section = fullProperties(2, null).withVersion(99).withMetadata(
          TwinMetadata.of(Instant.EPOCH, 99));

      assertThatCode(() -> TwinRules.checkDocument(Section.TAGS, section)).doesNotThrowAnyException();
    }

    @Test
    void sectionLimitIsCheckedOnDocumentsNotPatches() {
      JsonNode bigPatch = fullProperties(2, "z").membersToJsonNode();

      assertThatCode(() -> TwinRules.checkPatch(Section.TAGS, bigPatch)).doesNotThrowAnyException();
    }
  }

  @Nested
  class DeviceIds {

    @Test
    void idOf128CharactersIsAcceptedAnd129Refused() {
      assertThatCode(() -> TwinRules.checkDeviceId("d".repeat(128))).doesNotThrowAnyException();
      TwinValidationException e = catchThrowableOfType(TwinValidationException.class,
          () -> TwinRules.checkDeviceId("d".repeat(129)));

      assertViolation(e, Rule.DEVICE_ID_LENGTH, "deviceId");
      assertThat(e.getMessage()).contains("129");
    }

    @Test
    void emptyIdIsRefused() {
      assertThat(catchThrowableOfType(TwinValidationException.class, () -> TwinRules.checkDeviceId("")).rule())
          .isEqualTo(Rule.DEVICE_ID_LENGTH);
    }

    @Test
    void everyAllowedSpecialCharacterIsAccepted() {
      assertThatCode(() -> TwinRules.checkDeviceId("Az09-:.+%_#*?!(),=@;$'")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "a b", "caf\u00e9", "a\"b", "a&b", "a\u0000", "dev😀"})
    void idWithOtherCharacterIsRefused(String id) {
      TwinValidationException e = catchThrowableOfType(TwinValidationException.class,
          () -> TwinRules.checkDeviceId(id));

      assertViolation(e, Rule.DEVICE_ID_CHARACTER, "deviceId");
      assertThat(e.getMessage()).contains("allowed are ASCII letters, digits");
    }
  }
}
