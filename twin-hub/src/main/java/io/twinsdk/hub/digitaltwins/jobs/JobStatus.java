package io.twinsdk.hub.digitaltwins.jobs;

import java.util.Locale;

/** The states of an import or delete job; {@link #wireName()} is the JSON spelling. */
enum JobStatus {
  NOTSTARTED, RUNNING, FAILED, SUCCEEDED, CANCELLING, CANCELLED;

  /** The status as the API spells it, e.g. {@code notstarted}. */
  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the job has ended and will not change again. */
  boolean isFinal() {
    return this == FAILED || this == SUCCEEDED || this == CANCELLED;
  }
}
