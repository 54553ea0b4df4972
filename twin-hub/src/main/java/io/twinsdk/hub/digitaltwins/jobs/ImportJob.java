package io.twinsdk.hub.digitaltwins.jobs;

import com.fasterxml.jackson.databind.JsonNode;
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

  /** Restores a job from its stored JSON; it is never run again, so its input is only remembered by URI. */
  ImportJob(JsonNode json) {
    super(json);
    this.input = JobUris.remembered(json.get("inputBlobUri").textValue());
    this.output = new JobUris.Output(json.get("outputBlobUri").textValue(), null);
  }

  /** The kind under which the store keeps import jobs. */
  static final String KIND = "import";

  @Override
  String kind() {
    return KIND;
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
