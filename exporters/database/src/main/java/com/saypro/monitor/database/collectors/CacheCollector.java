package com.saypro.monitor.database.collectors;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.database.config.Engine;
import com.saypro.monitor.database.targets.DatabaseTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Buffer cache hits and misses: PostgreSQL shared buffers ({@code blks_hit}, {@code blks_read}),
 * InnoDB buffer pool ({@code Innodb_buffer_pool_read_requests}, {@code Innodb_buffer_pool_reads}).
 * The ratio is since the server started; {@code rate()} of the counters gives a recent one.
 *
 * <pre>
 * saypro_db_cache_hits_total{target="marketplace"} 9.1E7
 * saypro_db_cache_misses_total{target="marketplace"} 120455.0
 * saypro_db_cache_hit_ratio{target="marketplace"} 0.9987
 * </pre>
 */
public final class CacheCollector implements TargetCollector, SharedRead.Reader {
  public static final MetricDef HITS = MetricDef.counter(
      "saypro_db_cache_hits_total", "Reads served from the buffer cache.", "target");
  public static final MetricDef MISSES = MetricDef.counter(
      "saypro_db_cache_misses_total", "Reads that had to go to disk (or the OS cache).", "target");
  public static final MetricDef RATIO = MetricDef.gauge(
      "saypro_db_cache_hit_ratio", "Hits divided by all reads since the server started.", "target");
  public static final CollectorSpec SPEC = new CollectorSpec(
      "cache", "Buffer cache hit ratio (shared buffers, InnoDB buffer pool).", true, Duration.ofSeconds(1),
      List.of(HITS, MISSES, RATIO));

  static final SharedRead.Part POSTGRES = new SharedRead.Part("cache",
      "SELECT sum(blks_hit) AS hits, sum(blks_read) AS misses FROM pg_stat_database", 2);
  private static final Set<String> MYSQL_STATUS = Set.of("Innodb_buffer_pool_read_requests", "Innodb_buffer_pool_reads");

  private final SharedRead shared;

  public CacheCollector(SharedRead shared) {
    this.shared = shared;
  }

  @Override
  public CollectorSpec spec() {
    return SPEC;
  }

  @Override
  public SharedRead.Needs needs(Engine engine) {
    return engine == Engine.POSTGRESQL ? SharedRead.Needs.part(POSTGRES) : new SharedRead.Needs(List.of(), MYSQL_STATUS, false);
  }

  @Override
  public void collect(DatabaseTarget target, CollectContext context, Samples out) throws Exception {
    double[] hitsAndMisses;
    if (target.engine() == Engine.POSTGRESQL) {
      Map<String, Object> row = shared.row(context, "cache");
      hitsAndMisses = new double[] {Query.numberOr(row.get("hits"), 0), Query.numberOr(row.get("misses"), 0)};
    } else {
      Map<String, Double> status = shared.status(context);
      double requests = status.getOrDefault("innodb_buffer_pool_read_requests", 0.0);
      double reads = status.getOrDefault("innodb_buffer_pool_reads", 0.0);
      hitsAndMisses = new double[] {Math.max(0, requests - reads), reads};
    }
    double hits = hitsAndMisses[0];
    double misses = hitsAndMisses[1];
    out.add(HITS, hits, target.name());
    out.add(MISSES, misses, target.name());
    if (hits + misses > 0) {
      out.add(RATIO, hits / (hits + misses), target.name());
    }
  }
}
