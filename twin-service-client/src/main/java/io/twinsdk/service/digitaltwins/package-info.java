/**
 * The Azure Digital Twins data-plane client: {@link io.twinsdk.service.digitaltwins.DigitalTwinsClientBuilder} builds
 * the blocking {@link io.twinsdk.service.digitaltwins.DigitalTwinsClient} and the async
 * {@link io.twinsdk.service.digitaltwins.DigitalTwinsAsyncClient} for twins, components, relationships, models,
 * queries, import and delete jobs, and telemetry. Twin and relationship documents are twin-core's
 * {@code BasicDigitalTwin} and {@code BasicRelationship}, a Jackson {@code JsonNode}, or the caller's own class.
 */
package io.twinsdk.service.digitaltwins;
