package com.saypro.monitor.demo.db;

/** The database cannot be reached now; the page answers 503 and the demo keeps trying. */
public final class DatabaseUnavailableException extends Exception {
  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
