package io.twinsdk.service;

import java.util.Optional;

/**
 * A service exception is the failure of a call to IoT Hub or Azure Digital Twins: an error response (with its HTTP
 * status, the service's error code and the request id) or no usable response at all (status {@code 0}).
 *
 * <p>Subclasses name the cases callers usually handle: {@link NotFoundException}, {@link AlreadyExistsException},
 * {@link PreconditionFailedException}, {@link UnauthorizedException}, {@link ThrottledException} and
 * {@link ServiceTimeoutException}. All are unchecked.
 */
public class ServiceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String errorCode;
  private final String requestId;

  /**
   * Creates an exception.
   *
   * @param message what failed, as the service said it when it said something
   * @param statusCode the HTTP status, or {@code 0} when there was no response
   * @param errorCode the service's error code ({@code DigitalTwinNotFound}, {@code 412001}, …), or null
   * @param requestId the request id the service or the client assigned, or null
   * @param cause the underlying failure, or null
   */
  public ServiceException(String message, int statusCode, String errorCode, String requestId, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.errorCode = errorCode;
    this.requestId = requestId;
  }

  /** Returns the HTTP status of the error response, or {@code 0} when no response arrived. */
  public int statusCode() {
    return statusCode;
  }

  /** Returns the service's error code, such as {@code DigitalTwinNotFound} or {@code 412001}, if it sent one. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** Returns the request id (the service's tracking id, else the client request id), if known. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}
