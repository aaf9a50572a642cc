package com.saypro.monitor.network.config;

import java.util.List;

/** The whole network exporter config, validated and immutable. */
public record NetworkConfig(
    double[] rttBuckets,
    List<TargetConfig> targets,
    List<ResolverConfig> resolvers,
    List<DnsQueryConfig> queries,
    List<ZoneConfig> zones,
    InterfaceConfig interfaces,
    List<PoolConfig> pools) {}
