package io.twinsdk.service.digitaltwins;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A delete job deletes every model, twin and relationship of the instance; its status is {@code notstarted},
 * {@code running}, {@code succeeded} or {@code failed}. Instances are immutable.
 */
public final class DeleteJob extends BulkJob {

  private DeleteJob(JsonNode json) {
    super(json, "A delete job");
  }

  /** Reads a delete job from the service's JSON. */
  public static DeleteJob fromJson(JsonNode json) {
    return new DeleteJob(json);
  }

  /** Returns whether the job has ended: succeeded or failed. */
  @Override
  public boolean isFinished() {
    String status = status();
    return status.equals("succeeded") || status.equals("failed");
  }
}
