package io.twinsdk.hub.digitaltwins.jobs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.digitaltwin.DigitalTwinsTimestamps;
import io.twinsdk.core.internal.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.time.Clock;

/**
 * An import job's output log: NDJSON lines {@code {"timestamp","jobId","jobType":"Import","logType","details"}} as the
 * service appends them to its output blob. Owned by the job's runner thread.
 */
final class OutputLog implements AutoCloseable {

  private final BufferedWriter writer;
  private final String jobId;
  private final Clock clock;

  private OutputLog(BufferedWriter writer, String jobId, Clock clock) {
    this.writer = writer;
    this.jobId = jobId;
    this.clock = clock;
  }

  /** Writes the log of job {@code jobId} to {@code writer}, which it then owns. */
  static OutputLog create(BufferedWriter writer, String jobId, Clock clock) {
    return new OutputLog(writer, jobId, clock);
  }

  /** Appends an Info line with the given details. */
  void info(ObjectNode details) throws IOException {
    write("Info", details);
  }

  /** Appends an Error line with the given details. */
  void error(ObjectNode details) throws IOException {
    write("Error", details);
  }

  /** A details object for a job-level status: {@code {"status": status}}. */
  static ObjectNode status(String status) {
    return JsonNodeFactory.instance.objectNode().put("status", status);
  }

  /** A details object for a section's status: {@code {"section": section, "status": status}}. */
  static ObjectNode section(String section, String status) {
    return JsonNodeFactory.instance.objectNode().put("section", section).put("status", status);
  }

  private void write(String logType, ObjectNode details) throws IOException {
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.put("timestamp", DigitalTwinsTimestamps.format(clock.instant()));
    line.put("jobId", jobId);
    line.put("jobType", "Import");
    line.put("logType", logType);
    line.set("details", details);
    writer.write(Json.write(line));
    writer.write('\n');
    // Flushed per line so that a client polling the file sees progress and a crash loses nothing written.
    writer.flush();
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
