/**
 * IoT Hub device twins: the {@link io.twinsdk.core.devicetwin.Twin} document, its sections as
 * {@link io.twinsdk.core.devicetwin.TwinCollection}s with {@code $version} and {@code $metadata}, the hub's section
 * bookkeeping, and IoT Hub's content rules in {@link io.twinsdk.core.devicetwin.TwinRules}.
 *
 * <p>Every type here is an immutable value that reads and writes JSON through the shared mapper
 * ({@code Json.mapper().readValue(json, Twin.class)} works), and keeps numbers in the form they were written in.
 * Arguments and results are non-null unless documented otherwise; absent values are {@link java.util.Optional}.
 */
package io.twinsdk.core.devicetwin;
