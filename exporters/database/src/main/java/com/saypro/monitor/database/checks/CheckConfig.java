package com.saypro.monitor.database.checks;

import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.database.config.Engine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One custom SQL check: a query per engine whose key columns become labels and whose value columns
 * become samples.
 *
 * @param kind {@link Kind#INTEGRITY} checks count violating rows into {@code
 *     saypro_data_integrity_violations}; {@link Kind#GAUGE} checks give {@code saypro_db_check_value}
 * @param queries the SQL per engine; a check without a query for a target's engine skips that target
 * @param targets the targets it runs on; empty means all
 * @param maxRows more rows than this fail the check (label sets must stay bounded)
 * @param source where it was defined, for messages ({@code checks.yml:12})
 * @param metric a gauge check's own metric (its {@code metric:} key), in place of {@code
 *     saypro_db_check_value}: labels {@code target}, the key columns, and {@code column} when it has
 *     more than one value column
 */
public record CheckConfig(
    String name,
    String help,
    Kind kind,
    Map<Engine, String> queries,
    List<String> labels,
    List<String> values,
    Duration minInterval,
    Duration timeout,
    Set<String> targets,
    int maxRows,
    String source,
    Optional<MetricDef> metric) {
  public CheckConfig {
    queries = Map.copyOf(queries);
    labels = List.copyOf(labels);
    values = List.copyOf(values);
    targets = Set.copyOf(targets);
    metric = metric == null ? Optional.empty() : metric;
  }

  /** Whether samples carry a {@code column} label: always on the shared metrics, on an own metric only with several values. */
  public boolean labelsColumn() {
    return metric.isEmpty() || values.size() > 1;
  }

  /** What a check measures, which decides the metric it feeds. */
  public enum Kind {
    INTEGRITY,
    GAUGE
  }

  public Optional<String> query(Engine engine) {
    return Optional.ofNullable(queries.get(engine));
  }

  public boolean runsOn(String target, Engine engine) {
    return queries.containsKey(engine) && (targets.isEmpty() || targets.contains(target));
  }
}
