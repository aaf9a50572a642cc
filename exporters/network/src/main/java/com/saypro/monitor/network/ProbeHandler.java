package com.saypro.monitor.network;

import com.saypro.monitor.core.collect.ScrapeDeadlinePolicy;
import com.saypro.monitor.core.http.Responses;
import com.saypro.monitor.network.latency.BurstResult;
import com.saypro.monitor.network.latency.LatencyCollector;
import com.saypro.monitor.network.latency.LatencyStats;
import com.saypro.monitor.network.latency.TargetProber;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code GET /probe?target=NAME}: one burst against one configured target, now, within the scrape
 * budget, with that burst's metrics in the answer (Prometheus' multi-target pattern). The request
 * carries only a name, compared exactly with the configured names: an address, a URL or any other
 * spelling ({@code 127.0.0.2}, {@code 2130706433}, {@code ::ffff:127.0.0.1}) is refused without
 * being echoed, and the burst goes only to the target's pinned addresses. One probe per target runs
 * at a time; a second concurrent request for the same target gets 429.
 */
final class ProbeHandler extends Handler.Abstract {
  private final Map<String, TargetProber> probers;
  private final Map<String, Semaphore> running;
  private final double[] bounds;
  private final ScrapeDeadlinePolicy policy;
  private final Clock clock;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  ProbeHandler(Map<String, TargetProber> probers, double[] bounds, ScrapeDeadlinePolicy policy, Clock clock) {
    this.probers = Map.copyOf(probers);
    this.running = new java.util.HashMap<>();
    probers.keySet().forEach(name -> running.put(name, new Semaphore(1)));
    this.bounds = bounds.clone();
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
      return Responses.methodNotAllowed(response, callback, "GET, HEAD");
    }
    Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    List<String> values = query.getValues("target");
    String configured = String.join(", ", new TreeSet<>(probers.keySet()));
    if (values == null || values.size() != 1 || values.get(0).isEmpty()) {
      return Responses.text(response, callback, 400, "give exactly one ?target=NAME (configured targets: " + configured + ")");
    }
    TargetProber prober = probers.get(values.get(0));
    if (prober == null) {
      return Responses.text(response, callback, 400,
          "unknown target: use the name of a configured target (" + configured + ")");
    }
    Semaphore slot = running.get(prober.target().name());
    if (!slot.tryAcquire()) {
      return Responses.text(response, callback, 429, "a probe of this target is already running");
    }
    BurstResult burst;
    try {
      Duration budget = policy.budget(request.getHeaders().get(ScrapeDeadlinePolicy.HEADER));
      burst = prober.burst(System.nanoTime() + budget.toNanos());
    } finally {
      slot.release();
    }
    LatencyStats stats = new LatencyStats(bounds, List.of(prober.target().name()));
    stats.record(prober.target().name(), burst, clock.instant());
    MetricSnapshots snapshots = new MetricSnapshots(LatencyCollector.snapshots(stats, List.of(prober.target())));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    writer.write(body, snapshots);
    return Responses.write(response, callback, 200, writer.getContentType(), body.toString(StandardCharsets.UTF_8));
  }
}
