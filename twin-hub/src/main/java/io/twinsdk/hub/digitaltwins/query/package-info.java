/**
 * The Azure Digital Twins query language: {@link io.twinsdk.hub.digitaltwins.query.QueryParser} turns query text
 * into an {@link io.twinsdk.hub.digitaltwins.query.AdtQuery} (free of any SQL dialect), and
 * {@link io.twinsdk.hub.digitaltwins.query.QueryRoute} serves {@code POST /query} with it, a page at a time, over the
 * store's {@link io.twinsdk.hub.store.DigitalTwinQueryRepository}.
 */
package io.twinsdk.hub.digitaltwins.query;
