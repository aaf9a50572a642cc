package com.saypro.monitor.backup.drill;

/** A drill step failed; the message is safe to show (no passwords, no dump content). */
public final class DrillException extends Exception {
  private static final long serialVersionUID = 1L;
  private final DrillFailure failure;

  public DrillException(DrillFailure failure, String message) {
    super(message, null, false, false);
    this.failure = failure;
  }

  public DrillFailure failure() {
    return failure;
  }
}
