package io.twinsdk.service;

/**
 * A service-timeout exception reports that no response arrived in time: an attempt exceeded its timeout and retries
 * did not help, or a blocking call waited longer than the client's operation timeout. The request may or may not
 * have been applied by the service.
 */
public class ServiceTimeoutException extends ServiceException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with status {@code 0} (no response). */
  public ServiceTimeoutException(String message, String requestId, Throwable cause) {
    super(message, 0, null, requestId, cause);
  }
}
