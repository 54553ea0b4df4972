package io.twinsdk.samples;

/** The command line is wrong; the message is one line saying what is expected. */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
