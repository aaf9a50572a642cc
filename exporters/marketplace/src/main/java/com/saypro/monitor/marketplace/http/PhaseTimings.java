package com.saypro.monitor.marketplace.http;

import java.util.List;

/**
 * Where the time of one request went, in the phases blackbox_exporter reports ({@code
 * probe_http_duration_seconds{phase}}): name resolution, TCP connect, TLS handshake, processing
 * (from the connection being ready until the first response byte: the time to first byte the
 * server is responsible for) and transfer (first to last response byte). Over redirects the phases
 * of every hop are added up, as blackbox_exporter does.
 */
public record PhaseTimings(
    long resolveNanos, long connectNanos, long tlsNanos, long processingNanos, long transferNanos) {
  public static final PhaseTimings ZERO = new PhaseTimings(0, 0, 0, 0, 0);

  /** The phase names, in order, as the {@code phase} label values. */
  public static final List<String> PHASES = List.of("resolve", "connect", "tls", "processing", "transfer");

  public PhaseTimings plus(PhaseTimings other) {
    return new PhaseTimings(
        resolveNanos + other.resolveNanos,
        connectNanos + other.connectNanos,
        tlsNanos + other.tlsNanos,
        processingNanos + other.processingNanos,
        transferNanos + other.transferNanos);
  }

  /** The phases in {@link #PHASES} order, in seconds. */
  public double[] seconds() {
    return new double[] {
      resolveNanos / 1e9, connectNanos / 1e9, tlsNanos / 1e9, processingNanos / 1e9, transferNanos / 1e9
    };
  }
}
