package dev.asynclint.engine.config;

/**
 * A configuration the run cannot go on with: a bad configuration file, or a bad rule selector on
 * the command line. The message is one line naming the file and the key; the command line prints it
 * as it is and exits with status 2, so the exception carries no stack trace.
 */
public final class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message, null, false, false);
  }
}
