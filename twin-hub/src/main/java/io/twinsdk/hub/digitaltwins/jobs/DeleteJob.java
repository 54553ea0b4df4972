package io.twinsdk.hub.digitaltwins.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/** A delete job: removes every relationship, twin and model, within its time limit. */
final class DeleteJob extends BulkJob {

  private final Duration timeout;

  DeleteJob(String id, Duration timeout, Instant created) {
    super(id, created);
    this.timeout = timeout;
  }

  /** Restores a job from its stored JSON; it is never run again. */
  DeleteJob(JsonNode json) {
    super(json);
    this.timeout = BulkJobs.DEFAULT_DELETE_TIMEOUT;
  }

  /** The kind under which the store keeps delete jobs. */
  static final String KIND = "delete";

  @Override
  String kind() {
    return KIND;
  }

  Duration timeout() {
    return timeout;
  }

  @Override
  void describe(ObjectNode json) {
    // A delete job has no fields beyond the common ones.
  }

  @Override
  boolean includesLastAction() {
    return false;
  }
}
