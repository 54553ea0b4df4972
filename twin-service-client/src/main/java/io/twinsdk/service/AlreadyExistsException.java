package io.twinsdk.service;

/** An already-exists exception reports that a create conflicted with an existing resource, such as a duplicate device id or model id (HTTP 409). */
public class AlreadyExistsException extends ServiceException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link ServiceException#ServiceException} for the arguments. */
  public AlreadyExistsException(String message, int statusCode, String errorCode, String requestId, Throwable cause) {
    super(message, statusCode, errorCode, requestId, cause);
  }
}
