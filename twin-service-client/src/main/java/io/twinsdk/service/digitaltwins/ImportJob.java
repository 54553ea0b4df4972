package io.twinsdk.service.digitaltwins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * An import job is a bulk import of models, twins and relationships from an NDJSON file ({@code inputBlobUri}) with
 * a log written to {@code outputBlobUri}: its status ({@code notstarted}, {@code running}, {@code succeeded},
 * {@code failed}, {@code cancelling}, {@code cancelled}), times and error. Instances are immutable.
 */
public final class ImportJob {

  private final ObjectNode json;

  private ImportJob(ObjectNode json) {
    this.json = json;
  }

  /** Reads an import job from the service's JSON. */
  public static ImportJob fromJson(JsonNode json) {
    return new ImportJob(JsonView.requireObject(json, "An import job"));
  }

  /** Returns the job id. */
  public String id() {
    return JsonView.text(json, "id").orElse("");
  }

  /** Returns the status as the service wrote it, such as {@code running}. */
  public String status() {
    return JsonView.text(json, "status").orElse("");
  }

  /** Returns whether the job has ended: succeeded, failed or cancelled. */
  public boolean isFinished() {
    String status = status();
    return status.equals("succeeded") || status.equals("failed") || status.equals("cancelled");
  }

  /** Returns the input file URI. */
  public Optional<URI> inputBlobUri() {
    return JsonView.text(json, "inputBlobUri").map(URI::create);
  }

  /** Returns the output log URI. */
  public Optional<URI> outputBlobUri() {
    return JsonView.text(json, "outputBlobUri").map(URI::create);
  }

  /** Returns when the job was created. */
  public Optional<OffsetDateTime> createdDateTime() {
    return JsonView.time(json, "createdDateTime");
  }

  /** Returns when the job last changed state. */
  public Optional<OffsetDateTime> lastActionDateTime() {
    return JsonView.time(json, "lastActionDateTime");
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
    return other instanceof ImportJob && ((ImportJob) other).json.equals(json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "ImportJob{id=" + id() + ", status=" + status() + "}";
  }
}
