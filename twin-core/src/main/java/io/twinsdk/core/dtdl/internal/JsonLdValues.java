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
 */
public final class JsonLdValues {

  /** The default language of DTDL display strings. */
  public static final String DEFAULT_LANGUAGE = "en";

  private static final String VALUE = "@value";
  private static final String TYPE = "@type";
  private static final String LANGUAGE = "@language";
  private static final String XSD_STRING_SHORT = "xsd:string";
  private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";

  /** A BCP 47 language tag in its common form: a 2-3 letter language, then subtags of 1-8 letters or digits. */
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*");

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
  public static List<String> strings(JsonNode node) {
    List<String> result = new ArrayList<>();
    for (JsonNode item : items(node)) {
      result.add(string(item));
    }
    return result;
  }

  private static String string(JsonNode item) {
    if (item.isTextual()) {
      return item.textValue();
    }
    if (item.isObject()) {
      JsonNode value = valueObject(item, "a string");
      JsonNode type = item.get(TYPE);
      if (type != null && !isStringType(type)) {
        throw new BadValue("must be a string; a value object may only be typed \"xsd:string\"");
      }
      if (value.isTextual()) {
        return value.textValue();
      }
    }
    throw new BadValue("must be a string");
  }

  private static boolean isStringType(JsonNode type) {
    JsonNode single = type;
    if (type.isArray()) {
      if (type.size() != 1) {
        return false;
      }
      single = type.get(0);
    }
    return single.isTextual() && (single.textValue().equals(XSD_STRING_SHORT) || single.textValue().equals(XSD_STRING));
  }

  /**
   * Reads literal values (numbers, booleans, strings), each either plain or in a value object {@code {"@value": ...}},
   * alone or in an array. The caller checks the types and counts.
   */
  public static List<JsonNode> literals(JsonNode node) {
    List<JsonNode> result = new ArrayList<>();
    for (JsonNode item : items(node)) {
      JsonNode value = item.isObject() ? valueObject(item, "a literal value") : item;
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
   * @return the texts by language tag, in document order
   */
  public static Map<String, String> languageMap(JsonNode node) {
    Map<String, String> result = new LinkedHashMap<>();
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> members = node.fields();
      while (members.hasNext()) {
        Map.Entry<String, JsonNode> member = members.next();
        if (!member.getValue().isTextual()) {
          throw new BadValue("must map each language tag to a string, but \"" + member.getKey() + "\" does not");
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
        JsonNode value = valueObject(item, "a string");
        JsonNode language = item.get(LANGUAGE);
        if (!value.isTextual() || (language != null && !language.isTextual())) {
          throw new BadValue("must hold value objects with a string \"@value\" and a string \"@language\"");
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
      throw new BadValue("uses \"" + language + "\", which is not a language tag such as \"en\" or \"zh-Hant\"");
    }
    if (map.put(language, text) != null) {
      throw new BadValue("has more than one text for language \"" + language + "\"");
    }
  }

  /** Returns the {@code @value} of a value object, rejecting members that are not JSON-LD keywords. */
  private static JsonNode valueObject(JsonNode object, String expected) {
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!name.startsWith("@")) {
        throw new BadValue("must be " + expected + "; an object here must be a value object whose members are JSON-LD"
            + " keywords, but it has \"" + name + "\"");
      }
    }
    JsonNode value = object.get(VALUE);
    if (value == null) {
      throw new BadValue("must be " + expected + "; a value object needs \"@value\"");
    }
    return value;
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
