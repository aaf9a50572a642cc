package com.saypro.monitor.database.checks;

import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.database.config.Engine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one check, from the exporter's config or from a check file.
 *
 * <pre>
 * - name: payments_failed_5m
 *   help: Payments that failed in the last 5 minutes, by gateway and error code.
 *   kind: gauge                 # or integrity (one value: the number of violating rows)
 *   query:
 *     postgresql: SELECT gateway, error_code, count(*) AS failed FROM payments WHERE ...
 *     mysql: SELECT gateway, error_code, COUNT(*) AS failed FROM payments WHERE ...
 *   labels: [gateway, error_code]
 *   values: [failed]
 *   min_interval: 30s
 *   timeout: 5s
 *   targets: [marketplace]      # default: every target of a matching engine
 *   metric: saypro_marketplace_payments_failed   # optional, gauge checks: an own metric name
 * </pre>
 */
public final class CheckReader {
  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  /** Labels the exporter sets itself; a key column may not take them. */
  static final Set<String> RESERVED = Set.of("target", "check", "column", "job", "instance");

  public CheckConfig read(ConfigNode node) throws ConfigException {
    node = node.asMap();
    ConfigNode nameNode = node.require("name");
    String name = nameNode.asString();
    if (!NAME.matcher(name).matches()) {
      throw nameNode.invalid("is not a valid check name (lower-case letters, digits and _, starting with a letter)");
    }
    try {
      return readNamed(node, name);
    } catch (ConfigException e) {
      throw new ConfigException(e.getMessage() + " (check " + name + ")");
    }
  }

  private CheckConfig readNamed(ConfigNode node, String name) throws ConfigException {
    String help = node.string("help", "Custom check " + name + ".");
    CheckConfig.Kind kind = node.enumValue("kind", CheckConfig.Kind.class, CheckConfig.Kind.GAUGE);
    Map<Engine, String> queries = queries(node.require("query"));
    List<String> labels = columns(node, "labels");
    List<String> values = columns(node, "values");
    if (values.isEmpty()) {
      if (kind == CheckConfig.Kind.INTEGRITY) {
        values = List.of("violations");
      } else {
        throw node.error("missing required key \"values\" (the columns that hold the numbers)");
      }
    }
    if (kind == CheckConfig.Kind.INTEGRITY && values.size() != 1) {
      throw node.require("values").error("an integrity check has exactly one value column (the violating rows)");
    }
    Set<String> all = new LinkedHashSet<>(labels);
    for (String value : values) {
      if (!all.add(value)) {
        throw node.require("values").error("column " + value + " is both a label and a value");
      }
    }
    Duration minInterval = node.duration("min_interval", Duration.ofSeconds(30));
    Duration timeout = node.positiveDuration("timeout", Duration.ofSeconds(5));
    Set<String> targets = new LinkedHashSet<>(node.strings("targets"));
    int maxRows = node.integer("max_rows", 100, 1, 10_000);
    Optional<MetricDef> metric = metric(node, kind, help, labels, values);
    return new CheckConfig(
        name, help, kind, queries, labels, values, minInterval, timeout, targets, maxRows,
        node.file() + ":" + node.line(), metric);
  }

  /** The check's own gauge, named by {@code metric:}; integrity checks always feed the shared metric. */
  private static Optional<MetricDef> metric(
      ConfigNode node, CheckConfig.Kind kind, String help, List<String> labels, List<String> values)
      throws ConfigException {
    Optional<ConfigNode> metricNode = node.get("metric");
    if (metricNode.isEmpty()) {
      return Optional.empty();
    }
    ConfigNode nameNode = metricNode.get();
    if (kind == CheckConfig.Kind.INTEGRITY) {
      throw nameNode.error("an integrity check always feeds saypro_data_integrity_violations (remove metric, or make it kind: gauge)");
    }
    List<String> labelNames = new ArrayList<>();
    labelNames.add("target");
    labelNames.addAll(labels);
    if (values.size() > 1) {
      labelNames.add("column");
    }
    try {
      return Optional.of(MetricDef.gauge(nameNode.asString(), help, labelNames.toArray(String[]::new)));
    } catch (IllegalArgumentException e) {
      throw nameNode.invalid("is not a valid gauge name: " + e.getMessage()
          + " (saypro_ then lower-case letters, digits and _, not ending in _total)");
    }
  }

  private static Map<Engine, String> queries(ConfigNode node) throws ConfigException {
    Map<Engine, String> queries = new EnumMap<>(Engine.class);
    if (node.kind() == ConfigNode.Kind.SCALAR) {
      String sql = nonEmpty(node);
      for (Engine engine : Engine.values()) {
        queries.put(engine, sql);
      }
      return queries;
    }
    ConfigNode map = node.asMap();
    for (Engine engine : Engine.values()) {
      Optional<ConfigNode> sql = map.get(engine.configName());
      if (sql.isPresent()) {
        queries.put(engine, nonEmpty(sql.get()));
      }
    }
    if (queries.isEmpty()) {
      throw node.error("needs a query for postgresql, mysql or both (or one query string for every engine)");
    }
    return queries;
  }

  private static String nonEmpty(ConfigNode node) throws ConfigException {
    String sql = node.asString().trim();
    if (sql.isEmpty()) {
      throw node.error("must not be empty");
    }
    return sql;
  }

  private static List<String> columns(ConfigNode node, String key) throws ConfigException {
    List<String> out = new ArrayList<>();
    Optional<ConfigNode> list = node.get(key);
    if (list.isEmpty()) {
      return out;
    }
    for (ConfigNode item : list.get().items()) {
      String column = item.asString();
      if (!COLUMN.matcher(column).matches()) {
        throw item.invalid("is not a valid column name (lower-case letters, digits and _)");
      }
      if (RESERVED.contains(column) || column.startsWith("__")) {
        throw item.invalid("is a label the exporter sets itself (rename the column with AS)");
      }
      if (out.contains(column)) {
        throw item.invalid("is listed twice");
      }
      out.add(column);
    }
    return out;
  }
}
