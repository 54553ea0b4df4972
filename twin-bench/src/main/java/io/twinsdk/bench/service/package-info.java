/**
 * Load drivers for the service client: {@link io.twinsdk.bench.service.DigitalTwinsClientBenchmark} compares our
 * Digital Twins client with {@code com.azure:azure-digitaltwins-core} against a hub in a child process.
 */
package io.twinsdk.bench.service;
