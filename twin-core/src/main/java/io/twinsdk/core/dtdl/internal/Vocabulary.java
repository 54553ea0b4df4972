package io.twinsdk.core.dtdl.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Contexts, instance terms and IRIs of the DTDL language versions this SDK supports (2 and 3). */
public final class Vocabulary {

  /** The DTDL versions this SDK parses. */
  public static final List<Integer> VERSIONS = Collections.unmodifiableList(Arrays.asList(2, 3));

  private static final String DTDL_CONTEXT_PREFIX = "dtmi:dtdl:context;";
  private static final String SCHEMA_IRI_PREFIX = "dtmi:dtdl:instance:Schema:";
  private static final String GEOSPATIAL_IRI_PREFIX = "dtmi:standard:schema:geospatial:";
  private static final String COMMAND_TYPE_IRI_PREFIX = "dtmi:dtdl:instance:CommandType:";

  private static final Set<String> BASIC_SCHEMAS = new HashSet<>(Arrays.asList(
      "boolean", "date", "dateTime", "double", "duration", "float", "integer", "long", "string", "time"));
  private static final Set<String> GEOSPATIAL_SCHEMAS = new HashSet<>(Arrays.asList(
      "lineString", "multiLineString", "multiPoint", "multiPolygon", "point", "polygon"));
  private static final Set<String> COMMAND_TYPES = new HashSet<>(Arrays.asList("synchronous", "asynchronous"));
  private static final String CLASS_IRI_PREFIX = "dtmi:dtdl:class:";

  /** Abstract and auxiliary classes of the DTDL metamodel: reserved, but never the class of an element in a model. */
  private static final Set<String> RESERVED_CLASSES = new HashSet<>(Arrays.asList(
      "AdjunctType", "Alias", "Boolean", "CommandType", "ComplexSchema", "Content", "Date", "DateTime", "Double",
      "Duration", "Entity", "Float", "Integer", "LatentType", "Long", "NamedEntity", "NamedLatentType",
      "NumericSchema", "PrimitiveSchema", "Schema", "SchemaField", "SemanticType", "SemanticUnit", "String",
      "TemporalSchema", "Time", "Unit", "UnitAttribute"));

  /** Extension contexts listed by the DTDL v2 specification. */
  private static final Set<String> V2_EXTENSIONS = new HashSet<>(Arrays.asList("dtmi:iotcentral:context;2"));

  /** Extension contexts listed by the DTDL v3 specification as available for DTDL v3. */
  private static final Set<String> V3_EXTENSIONS = new HashSet<>(Arrays.asList(
      "dtmi:dtdl:extension:quantitativeTypes;1",
      "dtmi:dtdl:extension:historization;1", "dtmi:dtdl:extension:historization;2",
      "dtmi:dtdl:extension:annotation;1", "dtmi:dtdl:extension:annotation;2",
      "dtmi:dtdl:extension:overriding;1", "dtmi:dtdl:extension:overriding;2",
      "dtmi:dtdl:extension:mqtt;1", "dtmi:dtdl:extension:mqtt;2", "dtmi:dtdl:extension:mqtt;3",
      "dtmi:dtdl:extension:requirement;1"));

  private Vocabulary() {}

  /** Returns the DTDL context IRI of {@code version}, e.g. {@code dtmi:dtdl:context;3}. */
  public static String context(int version) {
    return DTDL_CONTEXT_PREFIX + version;
  }

  /**
   * Returns the DTDL version a context string declares: 2 or 3 for a supported DTDL context, -1 for a DTDL context of
   * an unsupported version, 0 when {@code context} is not a DTDL context.
   */
  public static int dtdlVersionOf(String context) {
    if (!context.startsWith(DTDL_CONTEXT_PREFIX)) {
      return 0;
    }
    String version = context.substring(DTDL_CONTEXT_PREFIX.length());
    for (int supported : VERSIONS) {
      if (version.equals(Integer.toString(supported))) {
        return supported;
      }
    }
    return -1;
  }

  /** Returns whether {@code context} is a language extension the DTDL specification of {@code version} lists. */
  public static boolean isKnownExtension(String context, int version) {
    return (version == 2 ? V2_EXTENSIONS : V3_EXTENSIONS).contains(context);
  }

  /**
   * Returns the primitive schema term named by a term ({@code "double"}) or an IRI of DTDL {@code version}
   * ({@code dtmi:dtdl:instance:Schema:double;2}, {@code dtmi:standard:schema:geospatial:point;2}), or {@code null}.
   */
  public static String primitiveSchema(String termOrIri, int version) {
    String suffix = ";" + version;
    if (BASIC_SCHEMAS.contains(termOrIri) || GEOSPATIAL_SCHEMAS.contains(termOrIri)) {
      return termOrIri;
    }
    if (termOrIri.endsWith(suffix)) {
      String body = termOrIri.substring(0, termOrIri.length() - suffix.length());
      if (body.startsWith(SCHEMA_IRI_PREFIX) && BASIC_SCHEMAS.contains(body.substring(SCHEMA_IRI_PREFIX.length()))) {
        return body.substring(SCHEMA_IRI_PREFIX.length());
      }
      if (body.startsWith(GEOSPATIAL_IRI_PREFIX)
          && GEOSPATIAL_SCHEMAS.contains(body.substring(GEOSPATIAL_IRI_PREFIX.length()))) {
        return body.substring(GEOSPATIAL_IRI_PREFIX.length());
      }
    }
    return null;
  }

  /** Returns the command type ({@code synchronous}, {@code asynchronous}) named by a term or IRI, or {@code null}. */
  public static String commandType(String termOrIri, int version) {
    if (COMMAND_TYPES.contains(termOrIri)) {
      return termOrIri;
    }
    String suffix = ";" + version;
    if (termOrIri.startsWith(COMMAND_TYPE_IRI_PREFIX) && termOrIri.endsWith(suffix)) {
      String term = termOrIri.substring(COMMAND_TYPE_IRI_PREFIX.length(), termOrIri.length() - suffix.length());
      return COMMAND_TYPES.contains(term) ? term : null;
    }
    return null;
  }

  /**
   * Returns whether a string is a term or IRI the DTDL context of {@code version} reserves: a class (including the
   * abstract ones), a property, a schema or command type instance, or (in v2) a semantic type, unit type or unit.
   */
  public static boolean isDefined(String termOrIri, int version) {
    String suffix = ";" + version;
    boolean reservedClass = RESERVED_CLASSES.contains(termOrIri)
        || (termOrIri.startsWith(CLASS_IRI_PREFIX) && termOrIri.endsWith(suffix) && RESERVED_CLASSES.contains(
            termOrIri.substring(CLASS_IRI_PREFIX.length(), termOrIri.length() - suffix.length())));
    return reservedClass
        || ElementClass.named(termOrIri, version) != null
        || Prop.named(termOrIri, version) != null
        || primitiveSchema(termOrIri, version) != null
        || commandType(termOrIri, version) != null
        || (version == 2 && (SemanticTypes.semanticType(termOrIri).isPresent()
            || SemanticTypes.isUnitOrUnitType(termOrIri)));
  }
}
