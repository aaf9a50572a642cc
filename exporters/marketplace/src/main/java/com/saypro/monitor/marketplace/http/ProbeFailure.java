package com.saypro.monitor.marketplace.http;

/**
 * A request that failed for a known {@link FailureReason}. The detail is for logs and the probe
 * page only (never a label); it never holds a header value or body.
 */
public final class ProbeFailure extends Exception {
  private final FailureReason reason;

  public ProbeFailure(FailureReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public ProbeFailure(FailureReason reason, String detail, Throwable cause) {
    super(detail + ": " + describe(cause), null, false, false);
    this.reason = reason;
  }

  public FailureReason reason() {
    return reason;
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }
}
