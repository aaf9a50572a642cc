package com.saypro.monitor.network.dns;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.network.config.DnsQueryConfig;
import com.saypro.monitor.network.config.ZoneConfig;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The latest DNS check results (the checks run in the background, on their own intervals).
 *
 * <pre>
 * saypro_network_dns_lookup_duration_seconds{resolver="local",query="www"} 0.0012
 * saypro_network_dns_lookup_success{resolver="local",query="www"} 1
 * saypro_network_dns_answer_match{resolver="local",query="www"} 1
 * saypro_network_dns_response_code_info{resolver="local",query="www",rcode="NOERROR"} 1
 * saypro_network_dns_answer_ttl_seconds{resolver="local",query="www"} 300
 * saypro_network_dns_authenticated{resolver="local",query="www"} 0
 * saypro_network_dns_soa_serial{zone="saypro.test",nameserver="ns1"} 2026112401
 * saypro_network_dns_soa_serial_match{zone="saypro.test"} 1
 * </pre>
 */
public final class DnsCollector implements SayproCollector {
  public static final MetricDef DURATION = MetricDef.gauge("saypro_network_dns_lookup_duration_seconds",
      "How long the latest lookup took (until the timeout when none came back), TCP retry included.", "resolver", "query");
  public static final MetricDef EXCHANGES = MetricDef.histogram("saypro_network_dns_exchange_seconds",
      "Duration of every answered lookup since start (the RTT buckets).", "resolver", "query");
  public static final MetricDef SUCCESS = MetricDef.gauge("saypro_network_dns_lookup_success",
      "1 if the latest lookup got NOERROR and at least one record of the asked type.", "resolver", "query");
  public static final MetricDef MATCH = MetricDef.gauge("saypro_network_dns_answer_match",
      "1 if the answer equals the expected records (1 on any successful answer when none are expected).", "resolver", "query");
  public static final MetricDef RCODE = MetricDef.gauge("saypro_network_dns_response_code_info",
      "The latest response code (NOERROR, NXDOMAIN, SERVFAIL, ...; TIMEOUT or ERROR without a response); value 1.",
      "resolver", "query", "rcode");
  public static final MetricDef TTL = MetricDef.gauge("saypro_network_dns_answer_ttl_seconds",
      "Smallest TTL among the answer's records of the asked type.", "resolver", "query");
  public static final MetricDef AUTHENTICATED = MetricDef.gauge("saypro_network_dns_authenticated",
      "1 if the resolver set the AD bit (it validated the answer with DNSSEC).", "resolver", "query");
  public static final MetricDef TCP_FALLBACK = MetricDef.gauge("saypro_network_dns_tcp_fallback",
      "1 if the latest UDP answer was truncated and the query was repeated over TCP.", "resolver", "query");
  public static final MetricDef LOOKUPS = MetricDef.counter("saypro_network_dns_lookups_total",
      "Lookups run, by outcome (success or failure).", "resolver", "query", "outcome");
  public static final MetricDef SOA_SERIAL = MetricDef.gauge("saypro_network_dns_soa_serial",
      "The zone's SOA serial as this nameserver serves it (absent when it did not answer).", "zone", "nameserver");
  public static final MetricDef SOA_OK = MetricDef.gauge("saypro_network_dns_soa_check_success",
      "1 if the nameserver answered the zone's SOA query with a serial.", "zone", "nameserver");
  public static final MetricDef SOA_MATCH = MetricDef.gauge("saypro_network_dns_soa_serial_match",
      "1 if every nameserver of the zone answered with the same SOA serial.", "zone");
  public static final List<MetricDef> METRICS =
      List.of(DURATION, EXCHANGES, SUCCESS, MATCH, RCODE, TTL, AUTHENTICATED, TCP_FALLBACK, LOOKUPS, SOA_SERIAL, SOA_OK, SOA_MATCH);

  private final DnsStats stats;
  private final List<DnsQueryConfig> queries;
  private final List<ZoneConfig> zones;

  public DnsCollector(DnsStats stats, List<DnsQueryConfig> queries, List<ZoneConfig> zones) {
    this.stats = stats;
    this.queries = List.copyOf(queries);
    this.zones = List.copyOf(zones);
  }

  @Override
  public List<MetricSnapshot> collect(CollectContext context) {
    MetricDef.Points duration = DURATION.points();
    MetricDef.Points success = SUCCESS.points();
    MetricDef.Points match = MATCH.points();
    MetricDef.Points rcode = RCODE.points();
    MetricDef.Points ttl = TTL.points();
    MetricDef.Points ad = AUTHENTICATED.points();
    MetricDef.Points tcp = TCP_FALLBACK.points();
    MetricDef.Points lookups = LOOKUPS.points();
    Map<String, DnsResult> results = stats.queries();
    Map<String, long[]> counts = stats.lookups();
    Map<String, DnsStats.Histogram> histograms = stats.histograms();
    double[] bounds = stats.bounds();
    double[] withInf = java.util.Arrays.copyOf(bounds, bounds.length + 1);
    withInf[bounds.length] = Double.POSITIVE_INFINITY;
    MetricDef.Points exchanges = EXCHANGES.points();
    for (DnsQueryConfig query : queries) {
      DnsResult result = results.get(query.name());
      if (result == null) {
        continue;
      }
      String resolver = query.resolver().name();
      String name = query.name();
      duration.add(result.seconds(), resolver, name);
      success.add(result.success() ? 1 : 0, resolver, name);
      match.add(result.match() ? 1 : 0, resolver, name);
      rcode.add(1, resolver, name, result.rcode());
      result.ttl().ifPresent(t -> ttl.add(t, resolver, name));
      if (result.responded()) {
        ad.add(result.authenticated() ? 1 : 0, resolver, name);
        tcp.add(result.tcpFallback() ? 1 : 0, resolver, name);
      }
      DnsStats.Histogram histogram = histograms.get(name);
      if (histogram != null) {
        exchanges.histogram(withInf, histogram.counts(), histogram.sum(), resolver, name);
      }
      long[] c = counts.get(name);
      lookups.add(c[0], resolver, name, "success");
      lookups.add(c[1], resolver, name, "failure");
    }
    MetricDef.Points serial = SOA_SERIAL.points();
    MetricDef.Points soaOk = SOA_OK.points();
    MetricDef.Points soaMatch = SOA_MATCH.points();
    Map<String, Map<String, OptionalLong>> zoneResults = stats.zones();
    for (ZoneConfig zone : zones) {
      Map<String, OptionalLong> serials = zoneResults.get(zone.zone());
      if (serials == null) {
        continue;
      }
      List<String> names = new ArrayList<>();
      for (ZoneConfig.Nameserver ns : zone.nameservers()) {
        names.add(ns.name());
        OptionalLong value = serials.getOrDefault(ns.name(), OptionalLong.empty());
        value.ifPresent(v -> serial.add(v, zone.zone(), ns.name()));
        soaOk.add(value.isPresent() ? 1 : 0, zone.zone(), ns.name());
      }
      soaMatch.add(DnsStats.agree(serials, names) ? 1 : 0, zone.zone());
    }
    List<MetricSnapshot> out = new ArrayList<>();
    for (MetricDef.Points points : List.of(duration, exchanges, success, match, rcode, ttl, ad, tcp, lookups, serial, soaOk, soaMatch)) {
      if (!points.isEmpty()) {
        out.add(points.build());
      }
    }
    return out;
  }
}
