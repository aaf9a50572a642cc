package com.saypro.monitor.network.pools;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.network.config.PoolConfig;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Redundancy of load-balanced pools, from the latest background check of each pool.
 *
 * <pre>
 * saypro_network_pool_backends{pool="web"} 3
 * saypro_network_pool_backends_healthy{pool="web"} 2
 * saypro_network_pool_backends_required{pool="web"} 2
 * saypro_network_pool_backend_up{pool="web",backend="web2"} 0
 * saypro_network_pool_service_up{pool="web"} 1
 * saypro_network_pool_redundancy_lost{pool="web"} 0
 * </pre>
 */
public final class PoolCollector implements SayproCollector {
  public static final MetricDef BACKENDS = MetricDef.gauge("saypro_network_pool_backends",
      "Backends configured in the pool.", "pool");
  public static final MetricDef HEALTHY = MetricDef.gauge("saypro_network_pool_backends_healthy",
      "Backends that passed their latest check.", "pool");
  public static final MetricDef REQUIRED = MetricDef.gauge("saypro_network_pool_backends_required",
      "Healthy backends the pool needs (capacity + 1 unless configured).", "pool");
  public static final MetricDef BACKEND_UP = MetricDef.gauge("saypro_network_pool_backend_up",
      "1 if the backend passed its latest check.", "pool", "backend");
  public static final MetricDef SERVICE_UP = MetricDef.gauge("saypro_network_pool_service_up",
      "1 if the pool's service address answered its latest check.", "pool");
  public static final MetricDef REDUNDANCY_LOST = MetricDef.gauge("saypro_network_pool_redundancy_lost",
      "1 if one healthy backend or none is left, or fewer than required.", "pool");
  public static final MetricDef LAST_CHECK = MetricDef.gauge("saypro_network_pool_last_check_timestamp_seconds",
      "When the pool's latest check ended.", "pool");
  public static final List<MetricDef> METRICS =
      List.of(BACKENDS, HEALTHY, REQUIRED, BACKEND_UP, SERVICE_UP, REDUNDANCY_LOST, LAST_CHECK);

  private final List<PoolConfig> pools;
  private final Map<String, Checked> latest = new ConcurrentHashMap<>();

  private record Checked(PoolStatus status, double at) {}

  public PoolCollector(List<PoolConfig> pools) {
    this.pools = List.copyOf(pools);
  }

  public void record(String pool, PoolStatus status, double epochSeconds) {
    latest.put(pool, new Checked(status, epochSeconds));
  }

  @Override
  public List<MetricSnapshot> collect(CollectContext context) {
    MetricDef.Points backends = BACKENDS.points();
    MetricDef.Points healthy = HEALTHY.points();
    MetricDef.Points required = REQUIRED.points();
    MetricDef.Points up = BACKEND_UP.points();
    MetricDef.Points service = SERVICE_UP.points();
    MetricDef.Points lost = REDUNDANCY_LOST.points();
    MetricDef.Points last = LAST_CHECK.points();
    for (PoolConfig pool : pools) {
      backends.add(pool.backends().size(), pool.name());
      required.add(pool.required(), pool.name());
      Checked checked = latest.get(pool.name());
      if (checked == null) {
        continue;
      }
      PoolStatus status = checked.status();
      healthy.add(status.healthy(), pool.name());
      status.backends().forEach((name, ok) -> up.add(ok ? 1 : 0, pool.name(), name));
      service.add(status.serviceUp() ? 1 : 0, pool.name());
      lost.add(status.redundancyLost() ? 1 : 0, pool.name());
      last.add(checked.at(), pool.name());
    }
    List<MetricSnapshot> out = new ArrayList<>();
    for (MetricDef.Points points : List.of(backends, healthy, required, up, service, lost, last)) {
      if (!points.isEmpty()) {
        out.add(points.build());
      }
    }
    return out;
  }
}
