package io.twinsdk.core.bulk;

/**
 * Thrown when an import file breaks the format: malformed JSON, a line that is not one JSON object, an unknown or
 * misplaced section, or an item that lacks a required member. The message starts with the line number.
 */
public final class ImportFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long lineNumber;

  /** Creates the exception for line {@code lineNumber} (counting from 1) with a description of what is wrong. */
  public ImportFormatException(long lineNumber, String detail) {
    this(lineNumber, detail, null);
  }

  /** Creates the exception for line {@code lineNumber} with a description and the exception that revealed it. */
  public ImportFormatException(long lineNumber, String detail, Throwable cause) {
    super("Line " + lineNumber + ": " + detail, cause);
    this.lineNumber = lineNumber;
  }

  /** Returns the number of the offending line, counting from 1. */
  public long lineNumber() {
    return lineNumber;
  }
}
