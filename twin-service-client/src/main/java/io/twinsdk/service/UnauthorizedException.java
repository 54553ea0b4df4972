package io.twinsdk.service;

/** An unauthorized exception reports that the service refused the request's credentials (HTTP 401, or 403 other than IoT Hub's quota and limit errors), or that a token could not be obtained. */
public class UnauthorizedException extends ServiceException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link ServiceException#ServiceException} for the arguments. */
  public UnauthorizedException(String message, int statusCode, String errorCode, String requestId, Throwable cause) {
    super(message, statusCode, errorCode, requestId, cause);
  }
}
