package io.twinsdk.core.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A DTDL parser reads DTDL v2 and v3 documents into a resolved {@link ModelSet}.
 *
 * <p>A document is one Interface object or an array of them; several documents are parsed together, so that they may
 * refer to one another, and against an already-resolved set, whose Interfaces and reusable schemas they may use. Every
 * problem is reported at once in a {@link DtdlException}, each {@link ModelError} with the document, a JSON pointer and
 * the top-level model it is in.
 *
 * <p>What is supported:
 * <ul>
 *   <li>The full DTDL v2 and v3 metamodel, written with terms ({@code "schema"}) or IRIs
 *       ({@code "dtmi:dtdl:property:schema;3"}), JSON-LD value objects and arrays, nested {@code @context}s, inline
 *       elements and references by {@code @id} (to Interfaces anywhere, to other elements within their Interface); DTDL
 *       v3 elements may use DTDL v2 Interfaces, contents, properties and complex schemas.
 *   <li>The DTDL v2 semantic types and units (a co-typed Property or Telemetry needs a matching {@code unit} and a
 *       numeric schema).
 *   <li>Extension contexts: those the specifications list (DTDL v2 {@code dtmi:iotcentral:context;2}; DTDL v3
 *       QuantitativeTypes, Historization, Annotation, Overriding, MQTT, Requirement) are accepted, and so are any
 *       others when {@link Builder#allowUndefinedExtensions(boolean)} is set. Their definitions are not known to this
 *       parser: under such a context, unknown co-types are accepted, and an element with an unknown co-type may carry
 *       further properties, which are not validated.
 *   <li>Undefined co-types and properties follow the specifications: DTDL v2 accepts undefined co-types anywhere (open
 *       world); DTDL v3 only under an extension context.
 * </ul>
 * Top-level elements must be Interfaces, as in Azure Digital Twins. Azure-specific restrictions that the language
 * allows (no Commands, no inline Interfaces) are left to the caller: see {@link DtdlInterface#declaresCommands()}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DtdlParser {

  private static final DtdlParser DEFAULT = new DtdlParser(false);

  private final boolean allowUndefinedExtensions;

  private DtdlParser(boolean allowUndefinedExtensions) {
    this.allowUndefinedExtensions = allowUndefinedExtensions;
  }

  /** Returns a parser with the default options: undefined extension contexts are rejected. */
  public static DtdlParser create() {
    return DEFAULT;
  }

  /** Returns a builder for a parser with non-default options. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns whether {@code @context} may name extensions this parser does not know. */
  public boolean allowsUndefinedExtensions() {
    return allowUndefinedExtensions;
  }

  /**
   * Parses one document given as JSON text.
   *
   * @throws DtdlException if the text is not JSON or the document is invalid
   */
  public ModelSet parse(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode document;
    try {
      document = Json.parse(json);
    } catch (IllegalArgumentException e) {
      throw new DtdlException(Collections.singletonList(
          new ModelError(ModelError.Code.INVALID, 0, "", null, e.getMessage(), null)));
    }
    return parse(Collections.singletonList(document), ModelSet.empty());
  }

  /**
   * Parses one document.
   *
   * @throws DtdlException if the document is invalid or refers to an element it does not define
   */
  public ModelSet parse(JsonNode document) {
    return parse(Collections.singletonList(Objects.requireNonNull(document, "document")), ModelSet.empty());
  }

  /**
   * Parses documents that may refer to one another.
   *
   * @throws DtdlException if a document is invalid or refers to an element no document defines
   */
  public ModelSet parse(Collection<? extends JsonNode> documents) {
    return parse(documents, ModelSet.empty());
  }

  /**
   * Parses documents against an already-resolved set and returns that set extended with the new Interfaces;
   * {@code resolved} itself is unchanged.
   *
   * @throws DtdlException if a document is invalid, refers to an element that is neither in the documents nor in
   *     {@code resolved}, or defines an identifier that {@code resolved} already has
   *     ({@link ModelError.Code#ALREADY_EXISTS})
   */
  public ModelSet parse(Collection<? extends JsonNode> documents, ModelSet resolved) {
    Objects.requireNonNull(documents, "documents");
    Objects.requireNonNull(resolved, "resolved");
    List<ModelError> errors = new ArrayList<>();
    ElementParser parser = new ElementParser(allowUndefinedExtensions, errors);
    int index = 0;
    for (JsonNode document : documents) {
      parser.parseDocument(index++, Objects.requireNonNull(document, "documents must not contain null"));
    }
    if (errors.isEmpty()) {
      ModelSet result = new ModelResolver(resolved, errors).resolve(parser.elements());
      if (errors.isEmpty()) {
        return result;
      }
    }
    throw new DtdlException(errors);
  }

  /** A builder of {@link DtdlParser}s. */
  public static final class Builder {
    private boolean allowUndefinedExtensions;

    private Builder() {}

    /**
     * Sets whether {@code @context} may name language extensions this parser does not know (default {@code false}).
     * Under such a context, unknown co-types are accepted and an element with one may carry unvalidated properties.
     */
    public Builder allowUndefinedExtensions(boolean allow) {
      this.allowUndefinedExtensions = allow;
      return this;
    }

    /** Returns a parser with the options set so far. */
    public DtdlParser build() {
      return allowUndefinedExtensions ? new DtdlParser(true) : DEFAULT;
    }
  }
}
