package io.twinsdk.service;

/** A throttled exception reports that the service refused the request for its rate limits (HTTP 429) and retries did not get through. */
public class ThrottledException extends ServiceException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link ServiceException#ServiceException} for the arguments. */
  public ThrottledException(String message, int statusCode, String errorCode, String requestId, Throwable cause) {
    super(message, statusCode, errorCode, requestId, cause);
  }
}
