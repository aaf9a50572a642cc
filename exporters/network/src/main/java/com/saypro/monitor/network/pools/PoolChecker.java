package com.saypro.monitor.network.pools;

import com.saypro.monitor.network.config.PoolConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** Checks a pool's backends and its service address at once, each bounded by the pool's timeout. */
public final class PoolChecker {
  private final ExecutorService executor;

  public PoolChecker(ExecutorService executor) {
    this.executor = executor;
  }

  public PoolStatus check(PoolConfig pool) {
    Map<String, CompletableFuture<Boolean>> backends = new LinkedHashMap<>();
    for (PoolConfig.Backend backend : pool.backends()) {
      backends.put(backend.name(),
          CompletableFuture.supplyAsync(() -> HealthChecker.healthy(backend.check(), pool.timeout()), executor));
    }
    boolean service = HealthChecker.healthy(pool.service(), pool.timeout());
    Map<String, Boolean> results = new LinkedHashMap<>();
    backends.forEach((name, future) -> results.put(name, future.join()));
    return new PoolStatus(java.util.Collections.unmodifiableMap(results), service, pool.required());
  }

  static List<String> names(PoolConfig pool) {
    return pool.backends().stream().map(PoolConfig.Backend::name).toList();
  }
}
