package io.twinsdk.service;

/** A precondition-failed exception reports that the resource's ETag did not satisfy the request's {@code If-Match} or {@code If-None-Match} condition (HTTP 412): someone else changed it, or it already exists. */
public class PreconditionFailedException extends ServiceException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link ServiceException#ServiceException} for the arguments. */
  public PreconditionFailedException(String message, int statusCode, String errorCode, String requestId, Throwable cause) {
    super(message, statusCode, errorCode, requestId, cause);
  }
}
