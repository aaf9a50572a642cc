package com.saypro.monitor.marketplace.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The operating system's resolver ({@code /etc/hosts}, then DNS), through {@link
 * InetAddress#getAllByName}. The JVM caches answers (30 s by default, {@code
 * networkaddress.cache.ttl}), so the resolve phase is near zero on cached names; configure {@code
 * dns_server} to measure every lookup. The lookup itself cannot be interrupted, so it runs on
 * {@code executor} and the probe stops waiting at the deadline.
 */
public final class SystemResolver implements HostResolver {
  private final Executor executor;

  public SystemResolver(Executor executor) {
    this.executor = executor;
  }

  @Override
  public List<InetAddress> resolve(String host, Deadline deadline) throws ProbeFailure {
    CompletableFuture<InetAddress[]> lookup =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return InetAddress.getAllByName(host);
              } catch (UnknownHostException e) {
                throw new java.util.concurrent.CompletionException(e);
              }
            },
            executor);
    try {
      return List.of(lookup.get(Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      throw new ProbeFailure(FailureReason.TIMEOUT, "name resolution did not finish in time");
    } catch (ExecutionException e) {
      throw new ProbeFailure(FailureReason.DNS, "name does not resolve", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProbeFailure(FailureReason.TIMEOUT, "interrupted while resolving");
    }
  }
}
