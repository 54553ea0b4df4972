package io.twinsdk.core.dtdl;

import java.util.Objects;

/**
 * A validation error is one way in which a twin or relationship document does not conform to its model, located by a
 * JSON pointer into the document: {@code /Temperature: expected a number (double) but got the string "hot"}.
 */
public final class ValidationError {

  private final String pointer;
  private final String message;

  ValidationError(String pointer, String message) {
    this.pointer = Objects.requireNonNull(pointer, "pointer");
    this.message = Objects.requireNonNull(message, "message");
  }

  /** Returns the JSON pointer (RFC 6901) of the offending value; {@code ""} is the whole document. */
  public String pointer() {
    return pointer;
  }

  /** Returns a sentence that says what is wrong and what the model allows. */
  public String message() {
    return message;
  }

  /** Returns {@code pointer: message}. */
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ValidationError && ((ValidationError) other).pointer.equals(pointer)
        && ((ValidationError) other).message.equals(message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pointer, message);
  }
}
