package io.twinsdk.core.dtdl;

import java.util.Objects;
import java.util.Optional;

/**
 * A model error is one broken DTDL rule, located by the document it occurs in and a JSON pointer into that document.
 *
 * <p>Example: document 0, pointer {@code /contents/2/name}, model {@code dtmi:com:example:Room;1}, message
 * {@code "23skidoo" is not a valid name: ...}.
 */
public final class ModelError {

  /** What kind of problem an error reports, so that a service can map it to a status code. */
  public enum Code {
    /** A DTDL rule is broken: syntax, value, limit, or consistency between elements. */
    INVALID,
    /** A DTMI refers to an element that is neither in the documents nor among the already-resolved models. */
    UNRESOLVED_REFERENCE,
    /** Two elements in the documents have the same {@code @id}. */
    DUPLICATE_ID,
    /** An element in the documents has the {@code @id} of a model that is already resolved. */
    ALREADY_EXISTS
  }

  private final Code code;
  private final int document;
  private final String pointer;
  private final String modelId;
  private final String message;
  private final String reference;

  ModelError(Code code, int document, String pointer, String modelId, String message, String reference) {
    this.code = Objects.requireNonNull(code, "code");
    this.document = document;
    this.pointer = Objects.requireNonNull(pointer, "pointer");
    this.modelId = modelId;
    this.message = Objects.requireNonNull(message, "message");
    this.reference = reference;
  }

  /** Returns the kind of problem. */
  public Code code() {
    return code;
  }

  /** Returns the zero-based index of the input document the error is in. */
  public int document() {
    return document;
  }

  /** Returns the JSON pointer (RFC 6901) of the offending value in its document; {@code ""} is the whole document. */
  public String pointer() {
    return pointer;
  }

  /**
   * Returns the {@code @id} of the top-level model the error is in, as written, or empty when the error is outside a
   * model or the model has no usable {@code @id}.
   */
  public Optional<String> modelId() {
    return Optional.ofNullable(modelId);
  }

  /** Returns a sentence that says what is wrong and what is allowed. */
  public String message() {
    return message;
  }

  /** Returns the identifier that could not be resolved, for {@link Code#UNRESOLVED_REFERENCE}; otherwise empty. */
  public Optional<String> unresolvedReference() {
    return Optional.ofNullable(reference);
  }

  /** Returns {@code model-id pointer: message}, leaving out the parts that are absent. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (modelId != null) {
      text.append(modelId).append(' ');
    }
    text.append(pointer.isEmpty() ? "/" : pointer).append(": ").append(message);
    return text.toString();
  }
}
