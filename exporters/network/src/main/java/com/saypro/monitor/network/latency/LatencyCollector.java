package com.saypro.monitor.network.latency;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.network.config.TargetConfig;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The latest results of the background latency bursts (nothing is probed in the scrape).
 *
 * <pre>
 * saypro_network_probe_rtt_seconds_bucket{target="shop",address="10.0.0.5",le="0.1"} 120
 * saypro_network_probe_loss_ratio{target="shop",address="10.0.0.5"} 0.2
 * saypro_network_probe_jitter_seconds{target="shop",address="10.0.0.5"} 0.0031
 * saypro_network_probe_rtt_median_seconds{target="shop",address="10.0.0.5"} 0.0201
 * saypro_network_probe_success{target="shop"} 1
 * saypro_network_probe_failures_total{target="shop",address="10.0.0.5",reason="timeout"} 30
 * </pre>
 */
public final class LatencyCollector implements SayproCollector {
  public static final MetricDef RTT = MetricDef.histogram("saypro_network_probe_rtt_seconds",
      "Round-trip time of answered probes (TCP connect or ICMP echo), every burst since start.", "target", "address");
  public static final MetricDef LOSS = MetricDef.gauge("saypro_network_probe_loss_ratio",
      "Share of the latest burst's probes that got no answer.", "target", "address");
  public static final MetricDef JITTER = MetricDef.gauge("saypro_network_probe_jitter_seconds",
      "Mean absolute difference of consecutive round-trip times in the latest burst.", "target", "address");
  public static final MetricDef MEDIAN = MetricDef.gauge("saypro_network_probe_rtt_median_seconds",
      "Median round-trip time of the latest burst's answered probes.", "target", "address");
  public static final MetricDef SUCCESS = MetricDef.gauge("saypro_network_probe_success",
      "1 if at least one address of the target answered in the latest burst.", "target");
  public static final MetricDef SENT = MetricDef.counter("saypro_network_probe_sent_total",
      "Probes sent.", "target", "address");
  public static final MetricDef FAILURES = MetricDef.counter("saypro_network_probe_failures_total",
      "Probes without an answer, by reason (timeout, refused, unreachable, error).", "target", "address", "reason");
  public static final MetricDef RESOLVE_FAILURES = MetricDef.counter("saypro_network_probe_resolve_failures_total",
      "Bursts that found no address for the target's name.", "target");
  public static final MetricDef REFUSED = MetricDef.gauge("saypro_network_probe_refused_addresses",
      "Addresses in the latest resolution that were not probed: not pinned at the first resolution, link-local, multicast.",
      "target");
  public static final MetricDef LAST_RUN = MetricDef.gauge("saypro_network_probe_last_run_timestamp_seconds",
      "When the latest burst ended.", "target");
  public static final MetricDef METHOD = MetricDef.info("saypro_network_probe_method_info",
      "How the target is probed (tcp or icmp).", "target", "method");
  public static final List<MetricDef> METRICS =
      List.of(RTT, LOSS, JITTER, MEDIAN, SUCCESS, SENT, FAILURES, RESOLVE_FAILURES, REFUSED, LAST_RUN, METHOD);

  private final LatencyStats stats;
  private final List<TargetConfig> targets;

  public LatencyCollector(LatencyStats stats, List<TargetConfig> targets) {
    this.stats = stats;
    this.targets = List.copyOf(targets);
  }

  @Override
  public List<MetricSnapshot> collect(CollectContext context) {
    return snapshots(stats, targets);
  }

  public static List<MetricSnapshot> snapshots(LatencyStats stats, List<TargetConfig> targets) {
    double[] bounds = stats.bounds();
    double[] withInf = Arrays.copyOf(bounds, bounds.length + 1);
    withInf[bounds.length] = Double.POSITIVE_INFINITY;
    MetricDef.Points rtt = RTT.points();
    MetricDef.Points loss = LOSS.points();
    MetricDef.Points jitter = JITTER.points();
    MetricDef.Points median = MEDIAN.points();
    MetricDef.Points success = SUCCESS.points();
    MetricDef.Points sent = SENT.points();
    MetricDef.Points failures = FAILURES.points();
    MetricDef.Points resolve = RESOLVE_FAILURES.points();
    MetricDef.Points refused = REFUSED.points();
    MetricDef.Points lastRun = LAST_RUN.points();
    MetricDef.Points method = METHOD.points();
    for (TargetConfig target : targets) {
      method.add(1, target.name(), target.method().name().toLowerCase(Locale.ROOT));
    }
    for (LatencyStats.TargetView target : stats.view()) {
      if (!target.ran()) {
        continue;
      }
      success.add(target.success() ? 1 : 0, target.name());
      refused.add(target.refused(), target.name());
      resolve.add(target.resolveFailures(), target.name());
      lastRun.add(target.lastRun().toEpochMilli() / 1000.0, target.name());
      for (LatencyStats.AddressView a : target.addresses()) {
        rtt.histogram(withInf, a.counts(), a.sum(), target.name(), a.address());
        loss.add(a.loss(), target.name(), a.address());
        if (!Double.isNaN(a.jitter())) {
          jitter.add(a.jitter(), target.name(), a.address());
        }
        if (!Double.isNaN(a.median())) {
          median.add(a.median(), target.name(), a.address());
        }
        sent.add(a.sent(), target.name(), a.address());
        for (FailureReason reason : FailureReason.values()) {
          if (reason != FailureReason.RESOLVE) {
            failures.add(a.failures().getOrDefault(reason, 0L), target.name(), a.address(), reason.label());
          }
        }
      }
    }
    List<MetricSnapshot> out = new ArrayList<>();
    for (MetricDef.Points points : List.of(rtt, loss, jitter, median, success, sent, failures, resolve, refused, lastRun, method)) {
      if (!points.isEmpty()) {
        out.add(points.build());
      }
    }
    return out;
  }
}
