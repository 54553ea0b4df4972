/**
 * The two patch formats twins are updated with: JSON Patch (RFC 6902, Azure Digital Twins) as the immutable
 * {@link io.twinsdk.core.json.JsonPatch} with an atomic {@code apply}, and JSON Merge Patch (RFC 7386, IoT Hub) as the
 * tri-state {@link io.twinsdk.core.json.MergePatch} builder over the
 * {@link io.twinsdk.core.json.JsonMergePatch} algorithms; plus {@link io.twinsdk.core.json.JsonPointer} (RFC 6901)
 * and JSON-aware equality in {@link io.twinsdk.core.json.JsonValues}.
 *
 * <p>Nothing here modifies a document it is given: results are new trees the caller owns. Arguments and results are
 * non-null unless documented otherwise; absent values are {@link java.util.Optional}.
 */
package io.twinsdk.core.json;
