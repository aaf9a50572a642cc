package com.saypro.monitor.marketplace;

import com.saypro.monitor.core.collect.ScrapeDeadlinePolicy;
import com.saypro.monitor.core.http.Responses;
import com.saypro.monitor.marketplace.availability.AvailabilityCheck;
import com.saypro.monitor.marketplace.availability.AvailabilityChecker;
import com.saypro.monitor.marketplace.availability.AvailabilityStats;
import com.saypro.monitor.marketplace.availability.CheckResult;
import com.saypro.monitor.marketplace.http.Deadline;
import com.saypro.monitor.marketplace.journey.Journey;
import com.saypro.monitor.marketplace.journey.JourneyResult;
import com.saypro.monitor.marketplace.journey.JourneyRunner;
import com.saypro.monitor.marketplace.journey.JourneyStats;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code /probe?journey=NAME} or {@code /probe?check=NAME}: runs that configured journey or check
 * now, within the scrape's time budget ({@code X-Prometheus-Scrape-Timeout-Seconds}, as for {@code
 * /metrics}) and the journey's own timeout, counts it like a background run, and answers with the
 * metrics of that run. Only configured names are accepted; an unknown one is a 400 that lists the
 * configured names and never repeats what was asked. {@code &debug=true} answers with a readable
 * account of each step instead.
 */
final class ProbeHandler extends Handler.Abstract {
  private final Map<String, Journey> journeys;
  private final Map<String, AvailabilityCheck> checks;
  private final JourneyRunner runner;
  private final JourneyStats journeyStats;
  private final AvailabilityChecker checker;
  private final AvailabilityStats checkStats;

  ProbeHandler(
      Map<String, Journey> journeys,
      Map<String, AvailabilityCheck> checks,
      JourneyRunner runner,
      JourneyStats journeyStats,
      AvailabilityChecker checker,
      AvailabilityStats checkStats) {
    this.journeys = Map.copyOf(journeys);
    this.checks = Map.copyOf(checks);
    this.runner = runner;
    this.journeyStats = journeyStats;
    this.checker = checker;
    this.checkStats = checkStats;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
      return Responses.methodNotAllowed(response, callback, "GET, HEAD");
    }
    Fields query = Request.extractQueryParameters(request);
    String journeyName = query.getValue("journey");
    String checkName = query.getValue("check");
    boolean debug = "true".equals(query.getValue("debug"));
    if ((journeyName == null) == (checkName == null)) {
      return Responses.text(response, callback, 400, "give either journey=NAME (" + names(journeys) + ") or check=NAME ("
          + names(checks) + ")");
    }
    Duration budget = ScrapeDeadlinePolicy.DEFAULT.budget(request.getHeaders().get(ScrapeDeadlinePolicy.HEADER));
    if (journeyName != null) {
      Journey journey = journeys.get(journeyName);
      if (journey == null) {
        return Responses.text(response, callback, 400, "unknown journey: use one of " + names(journeys));
      }
      JourneyResult result = runner.run(journey, Deadline.after(min(budget, journey.timeout())));
      journeyStats.record(result);
      return debug
          ? Responses.text(response, callback, 200, ProbeOutput.journeyDebug(result))
          : metrics(response, callback, ProbeOutput.journey(result));
    }
    AvailabilityCheck check = checks.get(checkName);
    if (check == null) {
      return Responses.text(response, callback, 400, "unknown check: use one of " + names(checks));
    }
    CheckResult result = checker.run(check, Deadline.after(budget));
    checkStats.record(result);
    return debug
        ? Responses.text(response, callback, 200, ProbeOutput.checkDebug(result))
        : metrics(response, callback, ProbeOutput.check(result));
  }

  private static boolean metrics(Response response, Callback callback, String text) {
    return Responses.write(response, callback, 200, PrometheusTextFormatWriter.CONTENT_TYPE, text);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String names(Map<String, ?> configured) {
    return configured.isEmpty() ? "none configured" : String.join(", ", configured.keySet().stream().sorted().toList());
  }
}
