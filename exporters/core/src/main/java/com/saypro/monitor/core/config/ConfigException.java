package com.saypro.monitor.core.config;

/**
 * A configuration error with a message that says what and where, for example
 * {@code database.yml:14: targets[2].timeout: "5x" is not a duration (use 500ms, 5s, 1m)}.
 *
 * <p>The message never contains a secret: values read from secrets or from environment
 * variables are quoted as they were written in the file ({@code ${DB_PASSWORD}}), not expanded.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
