package com.saypro.monitor.incidents.webhook;

/** A webhook body the exporter refuses, with what is wrong and where (answered as 400). */
public final class PayloadException extends Exception {
  private final boolean wrongVersion;

  PayloadException(String message, boolean wrongVersion) {
    super(message, null, false, false);
    this.wrongVersion = wrongVersion;
  }

  PayloadException(String message) {
    this(message, false);
  }

  public boolean wrongVersion() {
    return wrongVersion;
  }
}
