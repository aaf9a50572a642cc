package com.saypro.monitor.database.collectors;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.database.targets.DatabaseTarget;

/**
 * One group of related metrics, collected from one target. Implementations hold no connection:
 * they borrow one from the target for the collection. Every sample carries the {@code target}
 * label first.
 */
public interface TargetCollector {
  CollectorSpec spec();

  /**
   * Adds this target's samples to {@code out}. Throws {@link
   * com.saypro.monitor.database.targets.TargetUnavailableException} when the target is down (the
   * target is then skipped, {@code saypro_db_up} tells why), and anything else when a query fails.
   */
  void collect(DatabaseTarget target, CollectContext context, Samples out) throws Exception;
}
