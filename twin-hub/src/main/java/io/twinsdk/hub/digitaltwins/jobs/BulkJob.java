package io.twinsdk.hub.digitaltwins.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.digitaltwin.DigitalTwinsTimestamps;
import java.time.Duration;
import java.time.Instant;

/**
 * The state of one import or delete job. The job's runner thread moves it forward; request threads read snapshots
 * and ask for cancellation. Every method is synchronized, so a snapshot is never half-updated.
 */
abstract class BulkJob {

  /** How long the service keeps a finished job before purging it. */
  static final Duration RETENTION = Duration.ofDays(30);

  private final String id;
  private final Instant created;
  private Instant lastAction;
  private Instant finished;
  private JobStatus status = JobStatus.NOTSTARTED;
  private String errorCode;
  private String errorMessage;

  BulkJob(String id, Instant created) {
    this.id = id;
    this.created = created;
    this.lastAction = created;
  }

  /** Restores a job from the JSON {@link #toJson()} made of it. */
  BulkJob(JsonNode json) {
    this.id = json.get("id").textValue();
    this.created = DigitalTwinsTimestamps.parse(json.get("createdDateTime").textValue());
    this.lastAction = json.hasNonNull("lastActionDateTime")
        ? DigitalTwinsTimestamps.parse(json.get("lastActionDateTime").textValue()) : created;
    this.finished = json.hasNonNull("finishedDateTime")
        ? DigitalTwinsTimestamps.parse(json.get("finishedDateTime").textValue()) : null;
    this.status = JobStatus.valueOf(json.get("status").textValue().toUpperCase(java.util.Locale.ROOT));
    if (json.has("error")) {
      this.errorCode = json.at("/error/code").textValue();
      this.errorMessage = json.at("/error/message").textValue();
    }
  }

  final String id() {
    return id;
  }

  final synchronized JobStatus status() {
    return status;
  }

  /** Whether the job still holds the hub's single bulk-job slot. */
  final synchronized boolean isActive() {
    return !status.isFinal();
  }

  /** Moves to {@code next} unless the job has already ended; returns whether it moved. */
  final synchronized boolean moveTo(JobStatus next, Instant now) {
    if (status.isFinal()) {
      return false;
    }
    status = next;
    lastAction = now;
    if (next.isFinal()) {
      finished = now;
    }
    return true;
  }

  /** Ends the job as failed with {@code code} and {@code message}, unless it has already ended. */
  final synchronized void fail(String code, String message, Instant now) {
    if (moveTo(JobStatus.FAILED, now)) {
      errorCode = code;
      errorMessage = message;
    }
  }

  /**
   * Starts the job on the runner thread: returns false, ending it as cancelled, when cancellation was asked for
   * before it started, or when it has already ended.
   */
  final synchronized boolean start(Instant now) {
    if (status == JobStatus.CANCELLING) {
      moveTo(JobStatus.CANCELLED, now);
      return false;
    }
    return status == JobStatus.NOTSTARTED && moveTo(JobStatus.RUNNING, now);
  }

  /** Asks a job that has not ended to stop; the runner stops it between batches. A finished job is left alone. */
  final synchronized void requestCancel(Instant now) {
    if (status == JobStatus.NOTSTARTED || status == JobStatus.RUNNING) {
      moveTo(JobStatus.CANCELLING, now);
    }
  }

  /** Whether cancellation was asked for while the job ran. */
  final synchronized boolean cancelRequested() {
    return status == JobStatus.CANCELLING;
  }

  /** The job as the API returns it. */
  final synchronized ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("id", id);
    describe(json);
    json.put("status", status.wireName());
    json.put("createdDateTime", DigitalTwinsTimestamps.format(created));
    if (includesLastAction()) {
      json.put("lastActionDateTime", DigitalTwinsTimestamps.format(lastAction));
    }
    if (finished != null) {
      json.put("finishedDateTime", DigitalTwinsTimestamps.format(finished));
    }
    json.put("purgeDateTime", DigitalTwinsTimestamps.format((finished != null ? finished : created).plus(RETENTION)));
    if (errorCode != null) {
      json.putObject("error").put("code", errorCode).put("message", errorMessage);
    }
    return json;
  }

  /** The kind under which the store keeps this job: {@code import} or {@code delete}. */
  abstract String kind();

  /** Adds the fields particular to this kind of job, after {@code id}. */
  abstract void describe(ObjectNode json);

  /** Whether the JSON carries {@code lastActionDateTime} (import jobs do, delete jobs do not). */
  abstract boolean includesLastAction();
}
