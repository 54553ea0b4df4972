package io.twinsdk.service.digitaltwins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A bulk job is a long-running operation of the Digital Twins service, an {@link ImportJob} or a {@link DeleteJob}:
 * its id, status, times and error as the service last reported them. Instances are immutable.
 */
public abstract class BulkJob {

  final ObjectNode json;

  BulkJob(JsonNode json, String what) {
    this.json = JsonView.requireObject(json, what);
  }

  /** Returns the job id. */
  public String id() {
    return JsonView.text(json, "id").orElse("");
  }

  /** Returns the status as the service wrote it, such as {@code running} or {@code succeeded}. */
  public String status() {
    return JsonView.text(json, "status").orElse("");
  }

  /** Returns whether the job has ended and its status will not change again. */
  public abstract boolean isFinished();

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
    return other != null && other.getClass() == getClass() && ((BulkJob) other).json.equals(json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{id=" + id() + ", status=" + status() + "}";
  }
}
