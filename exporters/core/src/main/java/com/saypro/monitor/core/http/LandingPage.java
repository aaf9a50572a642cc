package com.saypro.monitor.core.http;

import com.saypro.monitor.core.collect.CollectionResult;
import com.saypro.monitor.core.collect.CollectorRuntime.CollectorStatus;
import com.saypro.monitor.core.collect.CollectorSet;
import com.saypro.monitor.core.exporter.Route;
import java.util.Locale;

/** The page at {@code /}: endpoints and collectors with their state. Every value is escaped. */
final class LandingPage {
  private LandingPage() {}

  static String render(ExporterPages exporter) {
    StringBuilder html = new StringBuilder(4096);
    String title = "SayPro Monitor: " + exporter.name() + " exporter";
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(Html.escape(title))
        .append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:70em}"
            + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
            + ".ok{color:#060}.fail{color:#a00}</style></head><body>\n");
    html.append("<h1>").append(Html.escape(title)).append("</h1>\n<p>")
        .append(Html.escape(exporter.description())).append(" (version ")
        .append(Html.escape(exporter.version())).append(")</p>\n");
    html.append("<h2>Endpoints</h2>\n<ul>\n");
    endpoint(html, "/metrics", "metrics in the Prometheus text, OpenMetrics or protobuf format (?name[]=... filters)");
    for (Route route : exporter.routes()) {
      endpoint(html, route.path(), route.description());
    }
    endpoint(html, "/-/healthy", "200 while the process runs");
    endpoint(html, "/-/ready", "200 once the exporter serves metrics");
    html.append("<li><code>POST /-/reload</code>: re-read the config file and the web config</li>\n</ul>\n");
    html.append("<h2>Collectors</h2>\n<table><tr><th>collector</th><th>what it collects</th><th>runs</th>"
        + "<th>last result</th><th>last duration</th><th>collections</th><th>failed scrapes</th></tr>\n");
    for (CollectorStatus status : exporter.runtime().statuses()) {
      CollectionResult last = status.last();
      html.append("<tr><td>").append(Html.escape(status.spec().name())).append("</td><td>")
          .append(Html.escape(status.spec().help())).append("</td><td>")
          .append(Html.escape(CollectorSet.describe(status.settings()))).append("</td><td>");
      if (status.runningSince() != null) {
        html.append("running since ").append(Html.escape(status.runningSince())).append("; ");
      }
      if (last == null) {
        html.append("no result yet");
      } else if (last.success()) {
        html.append("<span class=\"ok\">ok</span>");
      } else {
        html.append("<span class=\"fail\">failed: ").append(Html.escape(last.error())).append("</span>");
      }
      html.append("</td><td>")
          .append(last == null ? "" : Html.escape(String.format(Locale.ROOT, "%.3f s", last.duration().toNanos() / 1e9)))
          .append("</td><td>").append(status.collections()).append("</td><td>").append(status.failures())
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
    if (!exporter.configSummary().isEmpty()) {
      html.append("<h2>Configuration</h2>\n<ul>\n");
      for (String line : exporter.configSummary()) {
        html.append("<li>").append(Html.escape(line)).append("</li>\n");
      }
      html.append("</ul>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  private static void endpoint(StringBuilder html, String path, String what) {
    html.append("<li><a href=\"").append(Html.escape(path.substring(1).isEmpty() ? "." : "." + path))
        .append("\"><code>").append(Html.escape(path)).append("</code></a>: ")
        .append(Html.escape(what)).append("</li>\n");
  }
}
