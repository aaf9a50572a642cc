package com.saypro.monitor.backup.config;

/** How much a job matters: the alert rules page for {@code critical} jobs and ticket the rest. */
public enum Criticality {
  CRITICAL,
  NORMAL;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
