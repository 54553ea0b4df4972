package io.twinsdk.core.json;

import java.util.Optional;

/**
 * A JSON Patch exception reports a patch document that is malformed or an operation that cannot be applied.
 *
 * <p>It names the operation by its zero-based index in the patch, and for failures during {@link JsonPatch#apply}
 * the pointer that could not be used: the operation's {@code path}, or its {@code from} when that is what failed.
 */
public final class JsonPatchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int operationIndex;
  private final transient JsonPointer pointer;

  JsonPatchException(String message, int operationIndex, JsonPointer pointer, Throwable cause) {
    super(message, cause);
    this.operationIndex = operationIndex;
    this.pointer = pointer;
  }

  /**
   * Returns the zero-based index of the operation that failed, or {@code -1} when the problem is with the patch
   * document as a whole (malformed JSON, not an array).
   */
  public int operationIndex() {
    return operationIndex;
  }

  /**
   * Returns the location in the target document that the failing operation could not use; empty for a malformed
   * patch document, which fails before any location is evaluated.
   */
  public Optional<JsonPointer> pointer() {
    return Optional.ofNullable(pointer);
  }
}
