package com.saypro.monitor.database;

import com.saypro.monitor.core.collect.CollectorRuntime;
import com.saypro.monitor.core.collect.ScrapeDeadlinePolicy;
import com.saypro.monitor.core.http.Responses;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code GET /probe?target=NAME}: one configured target's metrics, for Prometheus' multi-target
 * pattern. The request can only name a target from the config: it never carries a URL, a host or
 * credentials, so the exporter cannot be turned into a proxy to other databases. An unknown name is
 * refused without echoing it.
 */
final class ProbeHandler extends Handler.Abstract {
  private final Map<String, CollectorRuntime> runtimes;
  private final ScrapeDeadlinePolicy policy;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  ProbeHandler(Map<String, CollectorRuntime> runtimes, ScrapeDeadlinePolicy policy) {
    this.runtimes = Map.copyOf(runtimes);
    this.policy = policy;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
      return Responses.methodNotAllowed(response, callback, "GET, HEAD");
    }
    Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    String target = query.getValue("target");
    String configured = String.join(", ", new TreeSet<>(runtimes.keySet()));
    if (target == null || target.isEmpty()) {
      return Responses.text(response, callback, 400, "missing ?target=NAME (configured targets: " + configured + ")");
    }
    CollectorRuntime runtime = runtimes.get(target);
    if (runtime == null) {
      return Responses.text(response, callback, 400, "unknown target: use the name of a configured target (" + configured + ")");
    }
    MetricSnapshots snapshots =
        runtime.scrape(name -> true, policy.budget(request.getHeaders().get(ScrapeDeadlinePolicy.HEADER)));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    writer.write(body, snapshots);
    return Responses.write(response, callback, 200, writer.getContentType(), body.toString(StandardCharsets.UTF_8));
  }
}
