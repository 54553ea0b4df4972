package io.twinsdk.core.dtdl;

/**
 * An invalid DTMI exception reports a string that does not follow the Digital Twin Model Identifier grammar, together
 * with the rule it breaks.
 */
public final class InvalidDtmiException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;
  private static final int MAX_ECHO = 200;

  private final String input;
  private final String reason;

  InvalidDtmiException(String input, String reason) {
    super(describe(input) + " is not a valid DTMI: " + reason);
    this.input = input;
    this.reason = reason;
  }

  /** Returns the rejected string, or {@code null} when {@code null} was given. */
  public String input() {
    return input;
  }

  /** Returns the rule the input breaks, as a sentence fragment such as {@code "the version must not start with 0"}. */
  public String reason() {
    return reason;
  }

  private static String describe(String input) {
    if (input == null) {
      return "null";
    }
    // Very long inputs are truncated so that an error message stays readable.
    String shown = input.length() > MAX_ECHO ? input.substring(0, MAX_ECHO) + "..." : input;
    return "\"" + shown + "\"";
  }
}
