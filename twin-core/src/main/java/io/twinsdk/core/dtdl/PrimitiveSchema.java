package io.twinsdk.core.dtdl;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A primitive schema is one of the built-in DTDL value types, such as {@code double} or {@code dateTime}, including the
 * GeoJSON-based geospatial schemas such as {@code point}.
 */
public final class PrimitiveSchema extends DtdlSchema {

  /** {@code true} or {@code false}. */
  public static final PrimitiveSchema BOOLEAN = new PrimitiveSchema("boolean", "a boolean");
  /** A date, RFC 3339 full-date ({@code 2024-02-29}). */
  public static final PrimitiveSchema DATE = new PrimitiveSchema("date", "a date string (YYYY-MM-DD)");
  /** A date and time, RFC 3339 date-time ({@code 2024-02-29T12:00:00Z}). */
  public static final PrimitiveSchema DATE_TIME =
      new PrimitiveSchema("dateTime", "a date-time string (RFC 3339, e.g. 2024-02-29T12:00:00Z)");
  /** A finite IEEE 754 double-precision number. */
  public static final PrimitiveSchema DOUBLE = new PrimitiveSchema("double", "a number (double)");
  /** An ISO 8601 duration ({@code P1DT2H}). */
  public static final PrimitiveSchema DURATION =
      new PrimitiveSchema("duration", "a duration string (ISO 8601, e.g. PT15M)");
  /** A finite IEEE 754 single-precision number. */
  public static final PrimitiveSchema FLOAT = new PrimitiveSchema("float", "a number (float)");
  /** A signed 32-bit integer. */
  public static final PrimitiveSchema INTEGER = new PrimitiveSchema("integer", "an integer (32-bit)");
  /** A signed 64-bit integer. */
  public static final PrimitiveSchema LONG = new PrimitiveSchema("long", "an integer (64-bit)");
  /** A string. */
  public static final PrimitiveSchema STRING = new PrimitiveSchema("string", "a string");
  /** A time of day, RFC 3339 partial-time or full-time ({@code 12:30:00}). */
  public static final PrimitiveSchema TIME = new PrimitiveSchema("time", "a time string (HH:MM:SS)");
  /** A GeoJSON LineString. */
  public static final PrimitiveSchema LINE_STRING = new PrimitiveSchema("lineString", "a GeoJSON LineString");
  /** A GeoJSON MultiLineString. */
  public static final PrimitiveSchema MULTI_LINE_STRING =
      new PrimitiveSchema("multiLineString", "a GeoJSON MultiLineString");
  /** A GeoJSON MultiPoint. */
  public static final PrimitiveSchema MULTI_POINT = new PrimitiveSchema("multiPoint", "a GeoJSON MultiPoint");
  /** A GeoJSON MultiPolygon. */
  public static final PrimitiveSchema MULTI_POLYGON = new PrimitiveSchema("multiPolygon", "a GeoJSON MultiPolygon");
  /** A GeoJSON Point. */
  public static final PrimitiveSchema POINT = new PrimitiveSchema("point", "a GeoJSON Point");
  /** A GeoJSON Polygon. */
  public static final PrimitiveSchema POLYGON = new PrimitiveSchema("polygon", "a GeoJSON Polygon");

  private static final List<PrimitiveSchema> ALL = Collections.unmodifiableList(Arrays.asList(
      BOOLEAN, DATE, DATE_TIME, DOUBLE, DURATION, FLOAT, INTEGER, LONG, STRING, TIME,
      LINE_STRING, MULTI_LINE_STRING, MULTI_POINT, MULTI_POLYGON, POINT, POLYGON));

  private final String term;
  private final String expected;

  private PrimitiveSchema(String term, String expected) {
    super(ElementInfo.NONE);
    this.term = term;
    this.expected = expected;
  }

  /** Returns all primitive schemas, the ten basic ones first and then the six geospatial ones. */
  public static List<PrimitiveSchema> values() {
    return ALL;
  }

  /** Returns the primitive schema with the DTDL term {@code term} (e.g. {@code "dateTime"}), or empty. */
  public static Optional<PrimitiveSchema> forTerm(String term) {
    for (PrimitiveSchema schema : ALL) {
      if (schema.term.equals(term)) {
        return Optional.of(schema);
      }
    }
    return Optional.empty();
  }

  /** Returns the DTDL term, e.g. {@code "dateTime"}. */
  public String term() {
    return term;
  }

  /** Returns whether this is one of the GeoJSON-based geospatial schemas. */
  public boolean isGeospatial() {
    return ALL.indexOf(this) >= ALL.indexOf(LINE_STRING);
  }

  /** Returns whether this is {@code double}, {@code float}, {@code integer} or {@code long}. */
  public boolean isNumeric() {
    return this == DOUBLE || this == FLOAT || this == INTEGER || this == LONG;
  }

  /** Returns how a value of this schema looks, for error messages: {@code "a number (double)"}. */
  String expected() {
    return expected;
  }

  @Override
  int depth() {
    return 0;
  }

  @Override
  boolean containsArray() {
    return isGeospatial();
  }

  @Override
  public String toString() {
    return term;
  }
}
