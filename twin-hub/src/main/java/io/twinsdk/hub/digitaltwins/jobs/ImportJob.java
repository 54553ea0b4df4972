package io.twinsdk.hub.digitaltwins.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** An import job: where it reads the NDJSON file from and where it writes its output log. */
final class ImportJob extends BulkJob {

  private final JobUris.Input input;
  private final JobUris.Output output;

  ImportJob(String id, JobUris.Input input, JobUris.Output output, Instant created) {
    super(id, created);
    this.input = input;
    this.output = output;
  }

  JobUris.Input input() {
    return input;
  }

  JobUris.Output output() {
    return output;
  }

  @Override
  void describe(ObjectNode json) {
    json.put("inputBlobUri", input.uri());
    json.put("outputBlobUri", output.uri());
  }

  @Override
  boolean includesLastAction() {
    return true;
  }
}
