package com.saypro.monitor.sla;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigLoader;
import com.saypro.monitor.core.config.ConfigNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A dashboard as written in {@code grafana/panels/*.yml} (or built from the SLA): what every panel
 * shows, in which unit, and why. {@link Dashboards} turns it into Grafana's JSON, so every
 * dashboard has the same datasource, variables, schema version and layout rules.
 */
public record DashboardSpec(String uid, String title, String description, List<Panel> panels) {
  static final Set<String> TYPES = Set.of("timeseries", "stat", "gauge", "bargauge", "table");

  public DashboardSpec {
    panels = List.copyOf(panels);
  }

  /**
   * One panel. {@code goodAbove}: green at or above it, red below; {@code badAbove}: red at or above.
   */
  public record Panel(String title, String type, String unit, String description, Double goodAbove, Double badAbove,
      List<Query> queries) {
    public Panel {
      queries = List.copyOf(queries);
    }
  }

  public record Query(String expr, String legend) {}

  public static DashboardSpec read(Path file) throws ConfigException {
    ConfigNode root = new ConfigLoader(name -> null).load(file);
    DashboardSpec spec = new DashboardSpec(root.requireString("uid"), root.requireString("title"),
        root.requireString("description"), root.list("panels", DashboardSpec::panel));
    root.rejectUnknownKeys();
    if (spec.panels().isEmpty()) {
      throw root.error("a dashboard needs panels");
    }
    return spec;
  }

  private static Panel panel(ConfigNode node) throws ConfigException {
    String type = node.string("type", "timeseries");
    if (!TYPES.contains(type)) {
      throw node.require("type").invalid("must be one of " + TYPES);
    }
    Double goodAbove = node.has("good_above") ? node.number("good_above", 0, -1e18, 1e18) : null;
    Double badAbove = node.has("bad_above") ? node.number("bad_above", 0, -1e18, 1e18) : null;
    Panel panel = new Panel(node.requireString("title"), type, node.requireString("unit"),
        node.requireString("description"), goodAbove, badAbove, node.list("queries", DashboardSpec::query));
    node.rejectUnknownKeys();
    if (panel.queries().isEmpty()) {
      throw node.error("a panel needs at least one query");
    }
    return panel;
  }

  private static Query query(ConfigNode node) throws ConfigException {
    Query query = new Query(node.requireString("expr"), node.string("legend", ""));
    node.rejectUnknownKeys();
    return query;
  }
}
