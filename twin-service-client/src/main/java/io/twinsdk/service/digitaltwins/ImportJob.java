package io.twinsdk.service.digitaltwins;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * An import job is a bulk import of models, twins and relationships from an NDJSON file ({@code inputBlobUri}) with
 * a log written to {@code outputBlobUri}; its status is {@code notstarted}, {@code running}, {@code succeeded},
 * {@code failed}, {@code cancelling} or {@code cancelled}. Instances are immutable.
 */
public final class ImportJob extends BulkJob {

  private ImportJob(JsonNode json) {
    super(json, "An import job");
  }

  /** Reads an import job from the service's JSON. */
  public static ImportJob fromJson(JsonNode json) {
    return new ImportJob(json);
  }

  /** Returns whether the job has ended: succeeded, failed or cancelled. */
  @Override
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

  /** Returns when the job last changed state. */
  public Optional<OffsetDateTime> lastActionDateTime() {
    return JsonView.time(json, "lastActionDateTime");
  }
}
