package com.saypro.monitor.demo.faults;

/** How a service that is down shows it. */
public enum DownMode {
  /** It answers 503 Service Unavailable. */
  UNAVAILABLE("503"),
  /** Its listener is closed: clients get connection refused. */
  REFUSED("refused");

  private final String label;

  DownMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
