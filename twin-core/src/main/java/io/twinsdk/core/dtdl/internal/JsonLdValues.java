package io.twinsdk.core.dtdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Readers for the JSON-LD value forms DTDL accepts: a plain JSON value, a value object ({@code {"@value": ...}}), or an
 * array of either. Each reader throws {@link BadValue} with a sentence that says what was expected.
 *
 * <p>In strict mode (DTDL v3) a value object may only have the members the specification lists ({@code @value} with
 * {@code @type}, or {@code @value} with {@code @language}); DTDL v2 tolerates other JSON-LD keywords there.
 */
public final class JsonLdValues {

  /** The default language of DTDL display strings. */
  public static final String DEFAULT_LANGUAGE = "en";

  private static final String VALUE = "@value";
  private static final String TYPE = "@type";
  private static final String LANGUAGE = "@language";
  private static final String XSD = "http://www.w3.org/2001/XMLSchema#";

  /** The language codes DTDL accepts: a language, an optional script and an optional region or area code. */
  private static final Pattern LANGUAGE_TAG =
      Pattern.compile("[a-z]{2,4}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?");

  private JsonLdValues() {}

  /** A bad value is a JSON value of the wrong form; its message completes "the value of X ...". */
  public static final class BadValue extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an error whose message is a sentence fragment such as {@code "must be a string"}. */
    public BadValue(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Reads string values: JSON strings or value objects {@code {"@value": "...", "@type": "xsd:string"}}, alone or in an
   * array. The caller checks how many values are allowed.
   */
  public static List<String> strings(JsonNode node, boolean strict) {
    List<String> result = new ArrayList<>();
    for (JsonNode item : literals(node, strict)) {
      if (!item.isTextual()) {
        throw new BadValue("must be a string");
      }
      result.add(item.textValue());
    }
    return result;
  }

  /**
   * Reads literal values (numbers, booleans, strings), each either plain or in a value object {@code {"@value": ...}}
   * whose optional {@code @type} names the matching XML Schema type, alone or in an array. The caller checks the types
   * and counts.
   */
  public static List<JsonNode> literals(JsonNode node, boolean strict) {
    List<JsonNode> result = new ArrayList<>();
    for (JsonNode item : items(node)) {
      JsonNode value = item.isObject() ? typedValue(item, strict) : item;
      if (value.isNull() || value.isContainerNode()) {
        throw new BadValue("must be a literal value (a number, a string or a boolean)");
      }
      result.add(value);
    }
    return result;
  }

  /** Reads IRI or term values: JSON strings, alone or in an array. */
  public static List<String> identifiers(JsonNode node) {
    List<String> result = new ArrayList<>();
    for (JsonNode item : items(node)) {
      if (!item.isTextual()) {
        throw new BadValue("must be a string naming a DTDL term or a DTMI");
      }
      result.add(item.textValue());
    }
    return result;
  }

  /**
   * Reads a localizable string: a string (in the default language), a language map {@code {"en": "...", "it": "..."}},
   * or an array of strings and value objects {@code {"@value": "...", "@language": "de"}}.
   *
   * @return the texts by language code, in document order
   */
  public static Map<String, String> languageMap(JsonNode node, boolean strict) {
    Map<String, String> result = new LinkedHashMap<>();
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> members = node.fields();
      while (members.hasNext()) {
        Map.Entry<String, JsonNode> member = members.next();
        if (!member.getValue().isTextual()) {
          throw new BadValue("must map each language code to a string, but \"" + member.getKey() + "\" does not");
        }
        put(result, member.getKey(), member.getValue().textValue());
      }
      return result;
    }
    if (node.isTextual()) {
      put(result, DEFAULT_LANGUAGE, node.textValue());
      return result;
    }
    if (!node.isArray()) {
      throw new BadValue("must be a string, a language map or an array of strings");
    }
    for (JsonNode item : node) {
      if (item.isTextual()) {
        put(result, DEFAULT_LANGUAGE, item.textValue());
      } else if (item.isObject()) {
        checkMembers(item, LANGUAGE, strict);
        JsonNode value = item.get(VALUE);
        JsonNode language = item.get(LANGUAGE);
        if (value == null || !value.isTextual() || (language != null && !language.isTextual())) {
          throw new BadValue("must hold value objects with a string \"@value\" and an optional \"@language\"");
        }
        put(result, language == null ? DEFAULT_LANGUAGE : language.textValue(), value.textValue());
      } else {
        throw new BadValue("must be a string, a language map or an array of strings");
      }
    }
    return result;
  }

  private static void put(Map<String, String> map, String language, String text) {
    if (!LANGUAGE_TAG.matcher(language).matches()) {
      throw new BadValue("uses \"" + language + "\", which is not a language code such as \"en\", \"en-US\" or"
          + " \"zh-Hant\"");
    }
    if (map.put(language, text) != null) {
      throw new BadValue("has more than one text for language \"" + language + "\"");
    }
  }

  /** Returns the {@code @value} of a value object, checking its members and its {@code @type}. */
  private static JsonNode typedValue(JsonNode object, boolean strict) {
    checkMembers(object, TYPE, strict);
    JsonNode value = object.get(VALUE);
    if (value == null) {
      throw new BadValue("must be a value or a value object with \"@value\"");
    }
    JsonNode type = object.get(TYPE);
    if (type != null) {
      String expected = value.isTextual() ? "string" : value.isBoolean() ? "boolean" : "integer";
      if (!isXsdType(type, expected)) {
        throw new BadValue("has \"@type\" " + type + "; a " + expected + " value object may only be typed \"xsd:"
            + expected + "\"");
      }
    }
    return value;
  }

  private static boolean isXsdType(JsonNode type, String name) {
    JsonNode single = type;
    if (type.isArray()) {
      if (type.size() != 1) {
        return false;
      }
      single = type.get(0);
    }
    return single.isTextual() && (single.textValue().equals("xsd:" + name) || single.textValue().equals(XSD + name));
  }

  /**
   * Requires every member of a value object to be a JSON-LD keyword, and in strict mode to be {@code @value} or
   * {@code companion}.
   */
  private static void checkMembers(JsonNode object, String companion, boolean strict) {
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!name.startsWith("@")) {
        throw new BadValue("must be a value object whose members are JSON-LD keywords, but it has \"" + name + "\"");
      }
      if (strict && !name.equals(VALUE) && !name.equals(companion)) {
        throw new BadValue("must be a value object with only \"@value\" and \"" + companion + "\", but it has \""
            + name + "\"");
      }
    }
  }

  private static List<JsonNode> items(JsonNode node) {
    if (node.isArray()) {
      List<JsonNode> items = new ArrayList<>(node.size());
      for (JsonNode item : node) {
        if (item.isArray()) {
          throw new BadValue("must not contain nested arrays");
        }
        items.add(item);
      }
      return items;
    }
    return Collections.singletonList(node);
  }
}
