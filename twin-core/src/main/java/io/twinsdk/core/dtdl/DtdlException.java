package io.twinsdk.core.dtdl;

import java.util.Collections;
import java.util.List;

/**
 * A DTDL exception reports that a set of model documents is invalid; it carries every error found, each with its
 * location.
 */
public final class DtdlException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final int ERRORS_IN_MESSAGE = 5;

  private final transient List<ModelError> errors;

  DtdlException(List<ModelError> errors) {
    super(summarize(errors));
    this.errors = Collections.unmodifiableList(errors);
  }

  /** Returns the errors in the order they were found; never empty. */
  public List<ModelError> errors() {
    return errors;
  }

  private static String summarize(List<ModelError> errors) {
    StringBuilder text = new StringBuilder();
    text.append(errors.size() == 1 ? "Invalid DTDL: " : "Invalid DTDL (" + errors.size() + " errors): ");
    for (int i = 0; i < errors.size() && i < ERRORS_IN_MESSAGE; i++) {
      if (i > 0) {
        text.append("; ");
      }
      text.append(errors.get(i));
    }
    if (errors.size() > ERRORS_IN_MESSAGE) {
      text.append("; ...");
    }
    return text.toString();
  }
}
