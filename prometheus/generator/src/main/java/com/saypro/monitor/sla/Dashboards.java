package com.saypro.monitor.sla;

import static com.saypro.monitor.sla.Yaml.map;

import com.saypro.monitor.sla.DashboardSpec.Panel;
import com.saypro.monitor.sla.DashboardSpec.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Grafana dashboard JSON with a fixed uid, a pinned schema version and the job/instance variables. */
final class Dashboards {
  /** Grafana 10.4's schema; Grafana migrates older dashboards on load but never this one. */
  static final int SCHEMA_VERSION = 39;
  static final String DATASOURCE_UID = "saypro-prometheus";
  private static final Map<String, Object> DATASOURCE = map("type", "prometheus", "uid", DATASOURCE_UID);

  private Dashboards() {}

  static Map<String, Object> json(DashboardSpec spec) {
    List<Object> panels = new ArrayList<>();
    int x = 0;
    int y = 0;
    int rowHeight = 0;
    int id = 1;
    for (Panel panel : spec.panels()) {
      boolean small = panel.type().equals("stat") || panel.type().equals("gauge");
      int w = small ? 6 : 12;
      int h = small ? 5 : 8;
      if (x + w > 24) {
        x = 0;
        y += rowHeight;
        rowHeight = 0;
      }
      panels.add(panel(id++, panel, map("h", h, "w", w, "x", x, "y", y)));
      x += w;
      rowHeight = Math.max(rowHeight, h);
    }
    return map(
        "uid", spec.uid(),
        "title", spec.title(),
        "description", spec.description(),
        "tags", List.of("saypro"),
        "schemaVersion", SCHEMA_VERSION,
        "version", 1,
        "editable", true,
        "graphTooltip", 1,
        "timezone", "utc",
        "refresh", "30s",
        "time", map("from", "now-6h", "to", "now"),
        "annotations", map("list", List.of()),
        "templating", map("list", List.of(variable("job", "label_values(up, job)"),
            variable("instance", "label_values(up{job=~\"$job\"}, instance)"))),
        "panels", panels);
  }

  private static Map<String, Object> variable(String name, String query) {
    return map("name", name, "label", name, "type", "query", "datasource", DATASOURCE,
        "definition", query, "query", map("query", query, "refId", "PrometheusVariableQueryEditor-VariableQuery"),
        "refresh", 2, "includeAll", true, "multi", true, "allValue", ".*", "sort", 1,
        "current", map("selected", true, "text", List.of("All"), "value", List.of("$__all")));
  }

  private static Map<String, Object> panel(int id, Panel panel, Map<String, Object> gridPos) {
    List<Object> targets = new ArrayList<>();
    char ref = 'A';
    for (Query query : panel.queries()) {
      targets.add(map("refId", String.valueOf(ref++), "datasource", DATASOURCE, "expr", query.expr(),
          "legendFormat", query.legend().isEmpty() ? "__auto" : query.legend(),
          "instant", !panel.type().equals("timeseries"), "range", panel.type().equals("timeseries")));
    }
    List<Object> steps = new ArrayList<>();
    if (panel.goodAbove() != null) {
      steps.add(step("red", null));
      steps.add(step("green", panel.goodAbove()));
    } else if (panel.badAbove() != null) {
      steps.add(step("green", null));
      steps.add(step("red", panel.badAbove()));
    } else {
      steps.add(step("green", null));
    }
    Map<String, Object> thresholds = new java.util.LinkedHashMap<>();
    thresholds.put("mode", "absolute");
    thresholds.put("steps", steps);
    Map<String, Object> defaults = map("unit", panel.unit(), "thresholds", thresholds,
        "color", map("mode", panel.type().equals("timeseries") ? "palette-classic" : "thresholds"));
    if (panel.type().equals("timeseries") && steps.size() > 1) {
      defaults.put("custom", map("thresholdsStyle", map("mode", "line")));
    }
    return map("id", id, "type", panel.type(), "title", panel.title(), "description", panel.description(),
        "datasource", DATASOURCE, "gridPos", gridPos,
        "fieldConfig", map("defaults", defaults, "overrides", List.of()),
        "options", options(panel.type()), "targets", targets);
  }

  private static Map<String, Object> step(String color, Double value) {
    Map<String, Object> step = new java.util.LinkedHashMap<>();
    step.put("color", color);
    step.put("value", value); // null: the base step
    return step;
  }

  private static Map<String, Object> options(String type) {
    return switch (type) {
      case "timeseries" -> map("legend", map("displayMode", "table", "placement", "bottom", "showLegend", true,
          "calcs", List.of("lastNotNull", "max")), "tooltip", map("mode", "multi", "sort", "desc"));
      case "table" -> map("showHeader", true);
      default -> map("reduceOptions", map("calcs", List.of("lastNotNull"), "fields", "", "values", false),
          "orientation", "auto", "textMode", "auto", "colorMode", "background");
    };
  }
}
