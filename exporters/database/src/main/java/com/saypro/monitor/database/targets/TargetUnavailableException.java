package com.saypro.monitor.database.targets;

/** The target gave no connection: it is down, unreachable or refuses the exporter's login. */
public final class TargetUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public TargetUnavailableException(String safeMessage) {
    super(safeMessage, null, false, false);
  }
}
