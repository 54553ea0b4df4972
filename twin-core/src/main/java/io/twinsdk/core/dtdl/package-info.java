/**
 * DTDL (Digital Twins Definition Language) v2 and v3: identifiers, a parser into resolved models, and validation of
 * Azure Digital Twins documents against those models.
 *
 * <ul>
 *   <li>{@link io.twinsdk.core.dtdl.Dtmi}: a model identifier, with the DTMI grammar and length limits.
 *   <li>{@link io.twinsdk.core.dtdl.DtdlParser}: reads DTDL documents; invalid documents raise a
 *       {@link io.twinsdk.core.dtdl.DtdlException} listing every {@link io.twinsdk.core.dtdl.ModelError} with a JSON
 *       pointer.
 *   <li>{@link io.twinsdk.core.dtdl.ModelSet}: an immutable, resolved set of
 *       {@link io.twinsdk.core.dtdl.DtdlInterface}s with inheritance, dependency and reference queries; grows with
 *       {@link io.twinsdk.core.dtdl.ModelSet#with(java.util.Collection)}.
 *   <li>{@link io.twinsdk.core.dtdl.TwinValidator}: checks digital twins and relationships against a model set.
 * </ul>
 *
 * <p>Every type is immutable and thread-safe unless its documentation says otherwise; arguments and results are
 * non-null, and absent values are {@link java.util.Optional}.
 */
package io.twinsdk.core.dtdl;
