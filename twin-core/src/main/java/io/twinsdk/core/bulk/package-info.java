/**
 * The Azure Digital Twins bulk-import file format: an NDJSON file with a Header section and optional Models, Twins
 * and Relationships sections, read by {@link io.twinsdk.core.bulk.ImportFileReader} one line at a time and written by
 * {@link io.twinsdk.core.bulk.ImportFileWriter}.
 *
 * <p>In the Relationships section {@code $dtId} names the source twin, not {@code $sourceId};
 * {@link io.twinsdk.core.bulk.ImportEntry#toRelationship()} and
 * {@link io.twinsdk.core.bulk.ImportFileWriter#writeRelationship(io.twinsdk.core.digitaltwin.BasicRelationship)}
 * translate between the two forms.
 */
package io.twinsdk.core.bulk;
