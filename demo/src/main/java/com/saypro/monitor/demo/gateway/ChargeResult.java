package com.saypro.monitor.demo.gateway;

/**
 * What the gateway said about one charge, from the backend's side.
 *
 * @param errorCode null on success; else one of declined, insufficient_funds, fraud_suspected,
 *     timeout, gateway_error
 */
public record ChargeResult(boolean succeeded, String errorCode, long durationMs) {
  /** The HTTP status the marketplace answers a failed payment with (demo/API.md). */
  public int failureStatus() {
    return switch (errorCode) {
      case "timeout" -> 504;
      case "gateway_error" -> 502;
      default -> 402;
    };
  }
}
