package io.twinsdk.service.digitaltwins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A delete job deletes every model, twin and relationship of the instance: its status ({@code notstarted},
 * {@code running}, {@code succeeded}, {@code failed}), times and error. Instances are immutable.
 */
public final class DeleteJob {

  private final ObjectNode json;

  private DeleteJob(ObjectNode json) {
    this.json = json;
  }

  /** Reads a delete job from the service's JSON. */
  public static DeleteJob fromJson(JsonNode json) {
    return new DeleteJob(JsonView.requireObject(json, "A delete job"));
  }

  /** Returns the job id. */
  public String id() {
    return JsonView.text(json, "id").orElse("");
  }

  /** Returns the status as the service wrote it, such as {@code running}. */
  public String status() {
    return JsonView.text(json, "status").orElse("");
  }

  /** Returns whether the job has ended: succeeded or failed. */
  public boolean isFinished() {
    String status = status();
    return status.equals("succeeded") || status.equals("failed");
  }

  /** Returns when the job was created. */
  public Optional<OffsetDateTime> createdDateTime() {
    return JsonView.time(json, "createdDateTime");
  }

  /** Returns when the job finished. */
  public Optional<OffsetDateTime> finishedDateTime() {
    return JsonView.time(json, "finishedDateTime");
  }

  /** Returns when the service forgets the job. */
  public Optional<OffsetDateTime> purgeDateTime() {
    return JsonView.time(json, "purgeDateTime");
  }

  /** Returns the error code of a failed job. */
  public Optional<String> errorCode() {
    return JsonView.text(json.path("error"), "code");
  }

  /** Returns the error message of a failed job. */
  public Optional<String> errorMessage() {
    return JsonView.text(json.path("error"), "message");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DeleteJob && ((DeleteJob) other).json.equals(json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "DeleteJob{id=" + id() + ", status=" + status() + "}";
  }
}
