package com.saypro.monitor.network.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * One latency target: a host probed in bursts of {@code count} probes every {@code interval}.
 *
 * @param literal the address when {@code host} is an IP literal (then no DNS is involved)
 * @param resolver a configured resolver's name; empty for the system resolver
 * @param allAddresses probe every address the name resolves to, not only the first
 * @param allowLinkLocal accept link-local addresses from DNS (refused by default)
 */
public record TargetConfig(
    String name,
    String host,
    Optional<InetAddress> literal,
    int port,
    ProbeMethod method,
    Optional<ResolverConfig> resolver,
    boolean allAddresses,
    Duration interval,
    int count,
    Duration timeout,
    Duration spacing,
    boolean allowLinkLocal) {

  /** How a target is probed. */
  public enum ProbeMethod {
    TCP,
    ICMP
  }

  public String describe() {
    return "target " + name + ": " + method.name().toLowerCase(java.util.Locale.ROOT) + " " + host
        + (method == ProbeMethod.TCP ? ":" + port : "") + ", " + count + " probes every " + interval.toSeconds() + " s"
        + (literal.isEmpty() ? ", resolver " + resolver.map(ResolverConfig::name).orElse("system")
            + (allAddresses ? ", every address" : ", first address") : "");
  }
}
