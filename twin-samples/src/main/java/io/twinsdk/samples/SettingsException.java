package io.twinsdk.samples;

/**
 * A sample's connection setting is missing or malformed.
 *
 * <p>The message is one line that names the environment variable and the form it takes; it never contains a key.
 */
public final class SettingsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  SettingsException(String message) {
    super(message);
  }
}
