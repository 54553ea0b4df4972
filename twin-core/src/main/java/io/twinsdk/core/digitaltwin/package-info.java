/**
 * The Azure Digital Twins document model: {@link io.twinsdk.core.digitaltwin.BasicDigitalTwin} with its
 * {@link io.twinsdk.core.digitaltwin.DigitalTwinMetadata} and
 * {@link io.twinsdk.core.digitaltwin.BasicDigitalTwinComponent}s,
 * {@link io.twinsdk.core.digitaltwin.BasicRelationship} and
 * {@link io.twinsdk.core.digitaltwin.IncomingRelationship}, in the JSON form the service uses.
 *
 * <h2>JSON</h2>
 * Every type binds with Jackson: {@code mapper.readValue(json, BasicDigitalTwin.class)} and
 * {@code mapper.writeValueAsString(twin)}. A document read and written again is identical to what the service sent:
 * same members, same member order, numbers in the form they were written ({@code 75.0} stays {@code 75.0}) and
 * timestamps unchanged ({@code 2023-07-20T06:40:46.6236132Z}). Numbers keep their form whichever mapper you bind
 * with, because these types always read their values through the SDK's own exact-decimal configuration. A document
 * that is malformed (a {@code $dtId} that is not a string, a bad timestamp) fails with a message naming the JSON
 * pointer of the offending member.
 *
 * <h2>Property values are {@code JsonNode}s</h2>
 * A property's value is whatever JSON its DTDL schema allows: a number, a string, an object, a map, an array, an enum.
 * Keeping it as a {@link com.fasterxml.jackson.databind.JsonNode} rather than an {@code Object} of boxed Java values
 * keeps what Java types would lose: the written form of a number ({@code 75.0} versus {@code 75}, {@code 1.10}), the
 * difference between JSON {@code null} and an absent member, and object member order; it is also the type the SDK's
 * JSON Patch and Merge Patch work on. To read a typed value, ask for the type:
 * {@code twin.property("Temperature", Double.class)}, which binds the value with Jackson and returns an
 * {@link java.util.Optional} that is empty when the property is absent. Builders accept any value Jackson can bind
 * ({@code property("Temperature", 70)}) and copy {@code JsonNode}s, and accessors return copies, so instances stay
 * immutable.
 *
 * <h2>Binding your own classes</h2>
 * These types are helpers, not a requirement: any class Jackson can bind can hold a twin or a relationship. Name the
 * service's members with {@link io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames}, and reuse
 * {@code DigitalTwinMetadata} for {@code $metadata} if you like:
 * <pre>{@code
 * public final class Room {
 *   @JsonProperty(DigitalTwinsJsonNames.DIGITAL_TWIN_ID) public String id;
 *   @JsonProperty(DigitalTwinsJsonNames.ETAG) public String etag;
 *   @JsonProperty(DigitalTwinsJsonNames.METADATA) public DigitalTwinMetadata metadata;
 *   @JsonProperty("Temperature") public double temperature;
 * }
 * }</pre>
 * A relationship class names {@code $relationshipId}, {@code $sourceId}, {@code $relationshipName} and
 * {@code $targetId} the same way. Such classes do not keep member order or number forms; use the types here when that
 * matters.
 *
 * <p>Methods never return {@code null}: values a document may lack are {@link java.util.Optional}.
 */
package io.twinsdk.core.digitaltwin;
