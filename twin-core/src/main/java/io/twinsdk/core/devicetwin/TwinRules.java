package io.twinsdk.core.devicetwin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * IoT Hub's rules for the content of device twins: property names, nesting depth, value ranges and section sizes, and
 * the form of device ids.
 *
 * <p>A hub checks every patch before applying it ({@link #checkPatch}) and every resulting section before storing it
 * ({@link #checkDocument}); clients may check early to fail before a round trip. Each violation is a
 * {@link TwinValidationException} naming the path, the {@link Rule} and what to change.
 *
 * <p>The rules, from IoT Hub's documentation, with the choices made where it is silent:
 *
 * <ul>
 *   <li><b>Keys</b> are at most 1 KB (1024 bytes) of UTF-8 and contain no control characters (C0 and C1,
 *       U+0000–U+001F and U+007F–U+009F), no {@code .}, no {@code $} and no space (U+0020). The empty key is allowed;
 *       IoT Hub accepts it.
 *   <li><b>Depth</b>: every object or array below the section root is one level; at most 10 levels. Arrays count,
 *       although the documentation speaks only of objects, so that nested arrays cannot be used to build unbounded
 *       documents.
 *   <li><b>Values</b> are strings, numbers, booleans, objects and arrays. Integers lie within −4503599627370496 …
 *       4503599627370495 (±2<sup>52</sup>); other numbers must fit a double. Strings are at most 4 KB (4096 bytes) as
 *       IoT Hub counts them (below).
 *   <li><b>{@code null}</b> appears only in patches, where it deletes; a document has no {@code null} members. Arrays
 *       never contain {@code null}, in patches either: an element cannot be deleted, and arrays containing
 *       {@code null} have broken IoT Edge's hub.
 *   <li><b>Sizes</b>: tags at most 8 KB, desired and reported properties at most 32 KB each, and every top-level
 *       property (key plus value) at most 4 KB, all as computed by {@link #sizeOf}. Section sizes are checked on
 *       documents, the result of an update; the per-property size on patches and documents.
 * </ul>
 */
public final class TwinRules {

  /** The most levels of nested objects and arrays below a section root. */
  public static final int MAX_DEPTH = 10;
  /** The largest integer a twin may hold, 2<sup>52</sup> − 1. */
  public static final long MAX_INTEGER = 4503599627370495L;
  /** The smallest integer a twin may hold, −2<sup>52</sup>. */
  public static final long MIN_INTEGER = -4503599627370496L;
  /** The longest key, in UTF-8 bytes. */
  public static final int MAX_KEY_BYTES = 1024;
  /** The longest string value, in bytes as {@link #sizeOf} counts them. */
  public static final int MAX_STRING_BYTES = 4096;
  /** The largest top-level property, key plus value, in bytes as {@link #sizeOf} counts them. */
  public static final int MAX_PROPERTY_BYTES = 4096;
  /** The longest device id, in characters. */
  public static final int MAX_DEVICE_ID_LENGTH = 128;

  private static final BigInteger MAX_INTEGER_BIG = BigInteger.valueOf(MAX_INTEGER);
  private static final BigInteger MIN_INTEGER_BIG = BigInteger.valueOf(MIN_INTEGER);
  private static final BigDecimal MAX_DOUBLE = new BigDecimal(Double.MAX_VALUE);
  private static final String DEVICE_ID_SPECIALS = "-:.+%_#*?!(),=@;$'";

  private TwinRules() {}

  /** A section of a twin, with its path from the twin root and its size limit. */
  public enum Section {
    /** The tags, at most 8 KB. */
    TAGS("tags", 8 * 1024),
    /** The desired properties, at most 32 KB. */
    DESIRED("properties.desired", 32 * 1024),
    /** The reported properties, at most 32 KB. */
    REPORTED("properties.reported", 32 * 1024);

    private final String path;
    private final int maxBytes;

    Section(String path, int maxBytes) {
      this.path = path;
      this.maxBytes = maxBytes;
    }

    /** Returns the section's path from the twin root, such as {@code properties.desired}. */
    public String path() {
      return path;
    }

    /** Returns the section's size limit in bytes as {@link #sizeOf} counts them. */
    public int maxBytes() {
      return maxBytes;
    }
  }

  /** A rule of IoT Hub's that twin content can break. */
  public enum Rule {
    /** A patch or document must be a JSON object. */
    NOT_AN_OBJECT,
    /** A key contains a control character, {@code .}, {@code $} or a space. */
    KEY_CHARACTER,
    /** A key is longer than 1024 UTF-8 bytes. */
    KEY_LENGTH,
    /** Objects and arrays nest more than 10 levels below the section root. */
    DEPTH,
    /** An integer lies outside ±2<sup>52</sup>, or another number does not fit a double. */
    NUMBER_RANGE,
    /** A string value is longer than 4096 bytes. */
    STRING_LENGTH,
    /** A document has a {@code null} member; only patches may, to delete. */
    NULL_VALUE,
    /** An array contains {@code null}. */
    NULL_IN_ARRAY,
    /** A top-level property, key plus value, is larger than 4096 bytes. */
    PROPERTY_SIZE,
    /** A section is larger than its limit: tags 8 KB, desired and reported properties 32 KB each. */
    SECTION_SIZE,
    /** A device id is empty or longer than 128 characters. */
    DEVICE_ID_LENGTH,
    /** A device id contains a character IoT Hub does not allow. */
    DEVICE_ID_CHARACTER
  }

  /**
   * Checks a merge patch for {@code section}: keys, depth, values and the size of each top-level property. A
   * {@code null} member is allowed and means "delete".
   *
   * @throws TwinValidationException at the first violation
   */
  public static void checkPatch(Section section, JsonNode patch) {
    check(section, patch, true);
  }

  /**
   * Checks the properties of {@code document}, a whole section as it would be stored, against every rule for
   * {@code section}, its size limit included. {@code $version} and {@code $metadata} are not checked.
   *
   * @throws TwinValidationException at the first violation
   */
  public static void checkDocument(Section section, TwinCollection document) {
    Objects.requireNonNull(document, "document");
    check(section, document.membersToJsonNode(), false);
  }

  private static void check(Section section, JsonNode root, boolean patch) {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(root, patch ? "patch" : "document");
    if (!root.isObject()) {
      throw new TwinValidationException(Rule.NOT_AN_OBJECT, section.path(),
          "must be a JSON object, but was " + TwinJson.describe(root));
    }
    long total = 0;
    Iterator<Map.Entry<String, JsonNode>> members = root.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      String path = section.path() + segment(member.getKey());
      checkKey(member.getKey(), path);
      checkValue(member.getValue(), path, 0, patch);
      long size = stringSize(member.getKey()) + valueSize(member.getValue());
      if (size > MAX_PROPERTY_BYTES) {
        throw new TwinValidationException(Rule.PROPERTY_SIZE, path, "property is " + size
            + " bytes (key plus value, as IoT Hub counts them); each top-level property may be at most "
            + MAX_PROPERTY_BYTES + ". Split it into several properties");
      }
      total += size;
    }
    if (!patch && total > section.maxBytes()) {
      throw new TwinValidationException(Rule.SECTION_SIZE, section.path(), "section is " + total
          + " bytes as IoT Hub counts them; the limit is " + section.maxBytes() + ". Remove or shorten properties");
    }
  }

  private static void checkKey(String key, String path) {
    for (int i = 0; i < key.length(); ) {
      int cp = key.codePointAt(i);
      if (Character.isISOControl(cp) || cp == '.' || cp == '$' || cp == ' ') {
        throw new TwinValidationException(Rule.KEY_CHARACTER, path, "key contains " + describeChar(cp)
            + "; IoT Hub does not allow '.', '$', space or control characters in property names");
      }
      i += Character.charCount(cp);
    }
    long bytes = utf8Length(key, false);
    if (bytes > MAX_KEY_BYTES) {
      throw new TwinValidationException(Rule.KEY_LENGTH, path,
          "key is " + bytes + " bytes in UTF-8; IoT Hub allows at most " + MAX_KEY_BYTES);
    }
  }

  private static void checkValue(JsonNode value, String path, int depth, boolean patch) {
    if (value.isNull()) {
      if (!patch) {
        throw new TwinValidationException(Rule.NULL_VALUE, path,
            "a document has no null values; null only deletes a key in a patch");
      }
    } else if (value.isObject() || value.isArray()) {
      if (depth + 1 > MAX_DEPTH) {
        throw new TwinValidationException(Rule.DEPTH, path, "nesting reaches level " + (depth + 1)
            + " here; IoT Hub allows at most " + MAX_DEPTH + " levels of objects and arrays below the section root");
      }
      if (value.isObject()) {
        checkMembers((ObjectNode) value, path, depth + 1, patch);
      } else {
        checkElements(value, path, depth + 1, patch);
      }
    } else if (value.isIntegralNumber()) {
      BigInteger integer = value.bigIntegerValue();
      if (integer.compareTo(MIN_INTEGER_BIG) < 0 || integer.compareTo(MAX_INTEGER_BIG) > 0) {
        throw new TwinValidationException(Rule.NUMBER_RANGE, path, "integer " + integer
            + " is outside IoT Hub's range " + MIN_INTEGER + " to " + MAX_INTEGER + " (±2^52); send it as a string");
      }
    } else if (value.isNumber()) {
      if (value.decimalValue().abs().compareTo(MAX_DOUBLE) > 0) {
        throw new TwinValidationException(Rule.NUMBER_RANGE, path,
            "number " + value.asText() + " does not fit a double; send it as a string");
      }
    } else if (value.isTextual()) {
      long bytes = stringSize(value.textValue());
      if (bytes > MAX_STRING_BYTES) {
        throw new TwinValidationException(Rule.STRING_LENGTH, path, "string is " + bytes
            + " bytes as IoT Hub counts them; IoT Hub allows at most " + MAX_STRING_BYTES);
      }
    }
  }

  private static void checkMembers(ObjectNode object, String path, int depth, boolean patch) {
    Iterator<Map.Entry<String, JsonNode>> members = object.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      String memberPath = path + segment(member.getKey());
      checkKey(member.getKey(), memberPath);
      checkValue(member.getValue(), memberPath, depth, patch);
    }
  }

  private static void checkElements(JsonNode array, String path, int depth, boolean patch) {
    for (int i = 0; i < array.size(); i++) {
      String elementPath = path + "[" + i + "]";
      JsonNode element = array.get(i);
      if (element.isNull()) {
        throw new TwinValidationException(Rule.NULL_IN_ARRAY, elementPath,
            "arrays must not contain null; leave the element out or use a value");
      }
      checkValue(element, elementPath, depth, patch);
    }
  }

  /**
   * Returns the size of a section, patch or value as IoT Hub counts it toward its limits.
   *
   * <ul>
   *   <li>An object counts the sum, over its members, of the key's size plus the value's size. At the root of
   *       {@code json}, {@code $version} and {@code $metadata} are bookkeeping and are not counted.
   *   <li>A key or string counts its UTF-8 bytes, leaving out control characters (C0 and C1).
   *   <li>A number counts 8, a boolean 4.
   *   <li>{@code null} counts 0 (the documentation is silent; in a patch it deletes rather than stores).
   *   <li>An array counts the sum of its elements' sizes (the documentation is silent; this counts the content the way
   *       an object's is counted, without keys).
   * </ul>
   *
   * <p>For example {@code {"temp":21.5,"on":true,"name":"kü"}} counts 4 + 8, 2 + 4, 4 + 3 = 25.
   */
  public static long sizeOf(JsonNode json) {
    Objects.requireNonNull(json, "json");
    if (!json.isObject()) {
      return valueSize(json);
    }
    long total = 0;
    Iterator<Map.Entry<String, JsonNode>> members = json.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      String key = member.getKey();
      if (!key.equals(TwinCollection.VERSION) && !key.equals(TwinCollection.METADATA)) {
        total += stringSize(key) + valueSize(member.getValue());
      }
    }
    return total;
  }

  private static long valueSize(JsonNode value) {
    if (value.isObject()) {
      long total = 0;
      Iterator<Map.Entry<String, JsonNode>> members = value.fields();
      while (members.hasNext()) {
        Map.Entry<String, JsonNode> member = members.next();
        total += stringSize(member.getKey()) + valueSize(member.getValue());
      }
      return total;
    }
    if (value.isArray()) {
      long total = 0;
      for (JsonNode element : value) {
        total += valueSize(element);
      }
      return total;
    }
    if (value.isNumber()) {
      return 8;
    }
    if (value.isBoolean()) {
      return 4;
    }
    if (value.isTextual()) {
      return stringSize(value.textValue());
    }
    return 0;
  }

  private static long stringSize(String text) {
    return utf8Length(text, true);
  }

  private static long utf8Length(String text, boolean skipControls) {
    long bytes = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (skipControls && Character.isISOControl(cp)) {
        continue;
      }
      if (cp < 0x80) {
        bytes += 1;
      } else if (cp < 0x800) {
        bytes += 2;
      } else if (cp < 0x10000) {
        bytes += 3;
      } else {
        bytes += 4;
      }
    }
    return bytes;
  }

  /**
   * Checks a device id: 1 to 128 characters, each an ASCII letter or digit or one of
   * {@code - : . + % _ # * ? ! ( ) , = @ ; $ '}. Module ids follow the same rule.
   *
   * @throws TwinValidationException with path {@code deviceId} if the id breaks the rule
   */
  public static void checkDeviceId(String deviceId) {
    Objects.requireNonNull(deviceId, "deviceId");
    if (deviceId.isEmpty() || deviceId.length() > MAX_DEVICE_ID_LENGTH) {
      throw new TwinValidationException(Rule.DEVICE_ID_LENGTH, "deviceId", "a device id has 1 to "
          + MAX_DEVICE_ID_LENGTH + " characters, but this one has " + deviceId.length());
    }
    for (int i = 0; i < deviceId.length(); ) {
      int cp = deviceId.codePointAt(i);
      boolean asciiAlphanumeric = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
      if (!asciiAlphanumeric && DEVICE_ID_SPECIALS.indexOf(cp) < 0) {
        throw new TwinValidationException(Rule.DEVICE_ID_CHARACTER, "deviceId", "device id contains "
            + describeChar(cp) + " at index " + i + "; allowed are ASCII letters, digits and "
            + String.join(" ", DEVICE_ID_SPECIALS.split("")));
      }
      i += Character.charCount(cp);
    }
  }

  /** Returns the path segment for {@code key}: {@code .key}, or {@code ['key']} when a plain segment would mislead. */
  private static String segment(String key) {
    boolean plain = !key.isEmpty();
    for (int i = 0; i < key.length() && plain; i++) {
      char c = key.charAt(i);
      plain = c != '.' && c != '[' && c != ']' && c != '\'' && c != '\\' && !Character.isWhitespace(c)
          && !Character.isISOControl(c);
    }
    if (plain) {
      return "." + key;
    }
    StringBuilder out = new StringBuilder("['");
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '\'' || c == '\\') {
        out.append('\\').append(c);
      } else if (Character.isISOControl(c)) {
        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append("']").toString();
  }

  private static String describeChar(int cp) {
    String code = String.format(Locale.ROOT, "U+%04X", cp);
    if (Character.isISOControl(cp)) {
      return "control character " + code;
    }
    return "'" + new String(Character.toChars(cp)) + "' (" + code + ")";
  }
}
