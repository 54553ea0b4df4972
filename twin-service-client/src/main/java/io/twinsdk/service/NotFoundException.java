package io.twinsdk.service;

/** A not-found exception reports that the twin, device, relationship, model or job named by the request does not exist (HTTP 404). */
public class NotFoundException extends ServiceException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link ServiceException#ServiceException} for the arguments. */
  public NotFoundException(String message, int statusCode, String errorCode, String requestId, Throwable cause) {
    super(message, statusCode, errorCode, requestId, cause);
  }
}
