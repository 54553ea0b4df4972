package io.twinsdk.core.dtdl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A DTMI (Digital Twin Model Identifier) is the identifier of a DTDL model element, such as
 * {@code dtmi:com:example:Thermostat;1}.
 *
 * <p>The syntax is {@code dtmi:<path>[;<version>][#<fragment>]}. The path is one or more colon-separated segments of
 * ASCII letters, digits and underscores; a segment does not start with a digit and does not end with an underscore. A
 * segment that starts with an underscore is a <em>system</em> segment, and a DTMI with a system segment or a system
 * fragment is a system DTMI; all other DTMIs are user DTMIs. The version is a one-part value ({@code 1} to
 * {@code 999999999}) or a two-part {@code major.minor} value whose minor part has at most six digits; no part starts
 * with {@code 0}.
 *
 * <p>{@link #parse} accepts the full grammar and the length limits that hold everywhere: at most {@value #MAX_LENGTH}
 * characters, and at most {@value #MAX_USER_LENGTH} for a user DTMI. Rules that depend on where a DTMI is used are left
 * to the user of the identifier: DTDL v2 documents require a one-part version; model documents allow only user DTMIs
 * and no fragments; an Interface {@code @id} has at most {@value #MAX_INTERFACE_ID_LENGTH} characters; the prefixes
 * {@code dtmi:dtdl:} and {@code dtmi:standard:} are reserved for the language ({@link #isReserved()}). The DTDL parser
 * in this package applies all of them.
 *
 * <p>Equality is case-sensitive and compares the whole identifier. Instances are immutable.
 */
public final class Dtmi implements Comparable<Dtmi> {

  /** The maximum length of any DTMI. */
  public static final int MAX_LENGTH = 4096;

  /** The maximum length of a user DTMI (one without system segments). */
  public static final int MAX_USER_LENGTH = 2048;

  /** The maximum length of the {@code @id} of a DTDL Interface. */
  public static final int MAX_INTERFACE_ID_LENGTH = 128;

  private static final String SCHEME = "dtmi:";
  private static final int MAX_MAJOR_DIGITS = 9;
  private static final int MAX_MINOR_DIGITS = 6;

  private final String value;
  private final List<String> segments;
  private final int major;
  private final int minor;
  private final String fragment;
  private final boolean system;

  private Dtmi(String value, List<String> segments, int major, int minor, String fragment, boolean system) {
    this.value = value;
    this.segments = segments;
    this.major = major;
    this.minor = minor;
    this.fragment = fragment;
    this.system = system;
  }

  /**
   * Parses a DTMI.
   *
   * @throws InvalidDtmiException if {@code text} is null or not a DTMI; {@link InvalidDtmiException#reason()} says why
   */
  public static Dtmi parse(String text) {
    if (text == null) {
      throw new InvalidDtmiException(null, "it is null");
    }
    Parser parser = new Parser(text);
    return parser.parse();
  }

  /** Returns the DTMI in {@code text}, or empty when {@code text} is null or not a DTMI. */
  public static Optional<Dtmi> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (InvalidDtmiException e) {
      return Optional.empty();
    }
  }

  /** Returns whether {@code text} is a DTMI that {@link #parse} accepts. */
  public static boolean isValid(String text) {
    return tryParse(text).isPresent();
  }

  /** Returns the path: the segments joined by colons, without the scheme, version and fragment. */
  public String path() {
    return String.join(":", segments);
  }

  /** Returns the path segments in order. */
  public List<String> segments() {
    return segments;
  }

  /** Returns whether the DTMI carries a version. */
  public boolean hasVersion() {
    return major > 0;
  }

  /** Returns the version as written ({@code "1"} or {@code "1.2"}), or empty when there is none. */
  public Optional<String> version() {
    if (major == 0) {
      return Optional.empty();
    }
    return Optional.of(minor == 0 ? Integer.toString(major) : major + "." + minor);
  }

  /** Returns the major (or only) part of the version, or empty when there is no version. */
  public OptionalInt majorVersion() {
    return major == 0 ? OptionalInt.empty() : OptionalInt.of(major);
  }

  /** Returns the minor part of a two-part version, or empty when the version has one part or is absent. */
  public OptionalInt minorVersion() {
    return minor == 0 ? OptionalInt.empty() : OptionalInt.of(minor);
  }

  /** Returns the fragment (the part after {@code #}), or empty when there is none. */
  public Optional<String> fragment() {
    return Optional.ofNullable(fragment);
  }

  /** Returns whether a path segment or the fragment is a system segment (starts with an underscore). */
  public boolean isSystem() {
    return system;
  }

  /** Returns whether the DTMI is in a prefix reserved by DTDL: {@code dtmi:dtdl:} or {@code dtmi:standard:}. */
  public boolean isReserved() {
    String first = segments.get(0);
    return first.equals("dtdl") || first.equals("standard");
  }

  /** Returns this DTMI without its version; the fragment is kept. */
  public Dtmi withoutVersion() {
    if (major == 0) {
      return this;
    }
    String text = SCHEME + path() + (fragment == null ? "" : "#" + fragment);
    return new Dtmi(text, segments, 0, 0, fragment, system);
  }

  @Override
  public int compareTo(Dtmi other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Dtmi && ((Dtmi) other).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Returns the identifier exactly as parsed. */
  @Override
  public String toString() {
    return value;
  }

  /** A hand-written scanner, so that each rejection can name the rule that failed and where. */
  private static final class Parser {
    private final String text;
    private int pos;
    private boolean system;

    Parser(String text) {
      this.text = text;
    }

    Dtmi parse() {
      if (text.length() > MAX_LENGTH) {
        throw fail("it is longer than " + MAX_LENGTH + " characters");
      }
      if (!text.startsWith(SCHEME)) {
        throw fail("it must start with \"dtmi:\"");
      }
      pos = SCHEME.length();
      List<String> segments = new ArrayList<>();
      segments.add(segment("path segment"));
      while (pos < text.length() && text.charAt(pos) == ':') {
        pos++;
        segments.add(segment("path segment"));
      }
      int major = 0;
      int minor = 0;
      if (pos < text.length() && text.charAt(pos) == ';') {
        pos++;
        major = versionPart("version", MAX_MAJOR_DIGITS);
        if (pos < text.length() && text.charAt(pos) == '.') {
          pos++;
          minor = versionPart("minor version", MAX_MINOR_DIGITS);
        }
      }
      String fragment = null;
      if (pos < text.length() && text.charAt(pos) == '#') {
        pos++;
        fragment = segment("fragment");
      }
      if (pos < text.length()) {
        throw fail("unexpected character '" + text.charAt(pos) + "' at index " + pos);
      }
      if (!system && text.length() > MAX_USER_LENGTH) {
        throw fail("a user DTMI is limited to " + MAX_USER_LENGTH + " characters");
      }
      return new Dtmi(text, Collections.unmodifiableList(segments), major, minor, fragment, system);
    }

    private String segment(String what) {
      int start = pos;
      while (pos < text.length() && isSegmentChar(text.charAt(pos))) {
        pos++;
      }
      if (pos == start) {
        throw fail("a " + what + " is empty or contains a character other than letters, digits and '_' at index "
            + pos);
      }
      String segment = text.substring(start, pos);
      char first = segment.charAt(0);
      if (first >= '0' && first <= '9') {
        throw fail("the " + what + " \"" + segment + "\" starts with a digit");
      }
      if (segment.charAt(segment.length() - 1) == '_') {
        throw fail("the " + what + " \"" + segment + "\" ends with '_'");
      }
      if (first == '_') {
        system = true;
      }
      return segment;
    }

    private int versionPart(String what, int maxDigits) {
      int start = pos;
      while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
        pos++;
      }
      int digits = pos - start;
      if (digits == 0) {
        throw fail("the " + what + " must be a number at index " + start);
      }
      if (text.charAt(start) == '0') {
        throw fail("the " + what + " must not start with 0");
      }
      if (digits > maxDigits) {
        throw fail("the " + what + " has more than " + maxDigits + " digits");
      }
      return Integer.parseInt(text.substring(start, pos));
    }

    private static boolean isSegmentChar(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private InvalidDtmiException fail(String reason) {
      return new InvalidDtmiException(text, reason);
    }
  }
}
