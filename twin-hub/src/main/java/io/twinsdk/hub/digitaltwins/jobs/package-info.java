/**
 * Import and delete jobs of the Digital Twins data plane: {@link io.twinsdk.hub.digitaltwins.jobs.BulkJobs} runs one
 * job at a time on its own thread and stores each job's state; {@link io.twinsdk.hub.digitaltwins.jobs.BulkJobRoutes}
 * serves {@code /jobs/imports} and {@code /jobs/deletions}; imported entities go through
 * {@link io.twinsdk.hub.digitaltwins.jobs.BulkOperations}, the same writes as the single-entity endpoints.
 */
package io.twinsdk.hub.digitaltwins.jobs;
