package com.saypro.monitor.core.collect;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/**
 * A named group of related metrics, collected on demand. Implementations return fresh immutable
 * snapshots built from their declared {@link MetricDef}s. They run on a worker thread under a
 * deadline: long work should check {@link CollectContext#remaining()} or respond to interruption.
 * Throwing is fine: the runtime reports the failure as {@code saypro_scrape_collector_success 0}
 * and the rest of the scrape goes on.
 *
 * <p>A collector that holds resources (connection pools, files) also implements {@link
 * AutoCloseable}; it is closed when a reload replaces it and at shutdown.
 */
@FunctionalInterface
public interface SayproCollector {
  List<MetricSnapshot> collect(CollectContext context) throws Exception;
}
