package com.saypro.monitor.incidents.web;

import com.saypro.monitor.core.http.Html;
import com.saypro.monitor.core.http.Responses;
import com.saypro.monitor.incidents.config.Classification;
import com.saypro.monitor.incidents.config.SlaPolicy;
import com.saypro.monitor.incidents.sla.SlaKind;
import com.saypro.monitor.incidents.sla.SlaVerdict;
import com.saypro.monitor.incidents.store.IncidentDatabase;
import com.saypro.monitor.incidents.store.IncidentRecord;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /incidents}: a read-only page of open incidents and those of the last 7 days, with
 * their timings and SLA verdicts. Every value from an alert is HTML-escaped.
 */
public final class IncidentsPageHandler extends Handler.Abstract {
  private static final int ROWS = 500;

  private final IncidentDatabase database;
  private final Classification classification;
  private final SlaPolicy policy;
  private final Supplier<List<String>> status;
  private final Clock clock;

  /** @param status lines about the pipeline (heartbeat, silence polling) shown above the tables */
  public IncidentsPageHandler(IncidentDatabase database, Classification classification, SlaPolicy policy,
      Supplier<List<String>> status, Clock clock) {
    this.database = database;
    this.classification = classification;
    this.policy = policy;
    this.status = status;
    this.clock = clock;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
      return Responses.methodNotAllowed(response, callback, "GET, HEAD");
    }
    Instant now = clock.instant();
    List<IncidentRecord> open;
    List<IncidentRecord> recent;
    try {
      open = database.open(ROWS);
      recent = database.startedBetween(now.minus(Duration.ofDays(7)), now.plus(Duration.ofDays(1)), ROWS);
    } catch (SQLException e) {
      return Responses.text(response, callback, 503, "the incident store is unavailable");
    }
    return Responses.html(response, callback, 200, render(open, recent, now));
  }

  String render(List<IncidentRecord> open, List<IncidentRecord> recent, Instant now) {
    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>SayPro Monitor: incidents</title>\n")
        .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}"
            + "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}"
            + ".breached{color:#a00;font-weight:bold}.met{color:#060}.pending{color:#a60}</style></head><body>\n")
        .append("<h1>Incidents</h1>\n<p>As of ").append(Html.escape(now)).append(". ")
        .append("<a href=\"api/incidents\">JSON</a> (<code>?state=open</code>, <code>?since=&amp;until=</code> RFC 3339).</p>\n<ul>\n");
    for (String line : status.get()) {
      html.append("<li>").append(Html.escape(line)).append("</li>\n");
    }
    html.append("</ul>\n<h2>Open (").append(open.size()).append(")</h2>\n");
    table(html, open, now);
    html.append("<h2>Started in the last 7 days (").append(recent.size()).append(recent.size() == ROWS ? ", newest shown" : "")
        .append(")</h2>\n");
    table(html, recent, now);
    return html.append("</body></html>\n").toString();
  }

  private void table(StringBuilder html, List<IncidentRecord> incidents, Instant now) {
    if (incidents.isEmpty()) {
      html.append("<p>None.</p>\n");
      return;
    }
    html.append("<table><tr><th>started</th><th>alert</th><th>severity</th><th>team</th><th>summary</th>"
        + "<th>state</th><th>acknowledged</th><th>time to acknowledge</th><th>resolved</th><th>time to resolve</th>"
        + "<th>response SLA</th><th>resolution SLA</th><th>fingerprint</th></tr>\n");
    for (IncidentRecord incident : incidents) {
      html.append("<tr>");
      cell(html, incident.key().startsAt());
      cell(html, incident.alertname());
      cell(html, incident.severity());
      cell(html, incident.team());
      cell(html, incident.summary());
      cell(html, IncidentJson.state(incident));
      cell(html, incident.acknowledgedAt().map(at -> at + " (" + incident.acknowledgedBy().orElse("") + ")").orElse(""));
      cell(html, duration(incident.timeToAcknowledge()));
      cell(html, incident.resolvedAt().map(Object::toString).orElse(""));
      cell(html, duration(incident.timeToResolve()));
      verdict(html, SlaVerdict.of(incident, SlaKind.ACKNOWLEDGE, classification, policy, now));
      verdict(html, SlaVerdict.of(incident, SlaKind.RESOLVE, classification, policy, now));
      html.append("<td><code>").append(Html.escape(incident.key().fingerprint())).append("</code></td>");
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static void cell(StringBuilder html, Object value) {
    html.append("<td>").append(Html.escape(value)).append("</td>");
  }

  private static void verdict(StringBuilder html, SlaVerdict verdict) {
    html.append("<td class=\"").append(verdict.label()).append("\">")
        .append(Html.escape(verdict.label().replace('_', ' '))).append("</td>");
  }

  static String duration(Optional<Duration> duration) {
    if (duration.isEmpty()) {
      return "";
    }
    long seconds = duration.get().toSeconds();
    return seconds >= 3600
        ? String.format("%dh %02dm %02ds", seconds / 3600, seconds % 3600 / 60, seconds % 60)
        : String.format("%dm %02ds", seconds / 60, seconds % 60);
  }
}
