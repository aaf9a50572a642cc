package com.saypro.monitor.network.config;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the exporter's keys into a {@link NetworkConfig}: {@code latency}, {@code dns}, {@code
 * interfaces} and {@code pools}. Every error names the file, line, path and the item.
 */
public final class NetworkConfigReader {
  /** Default RTT buckets (seconds); 0.1 is the SLA's latency bound and must stay a bucket. */
  public static final double[] DEFAULT_BUCKETS = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5
  };

  private final boolean icmpAllowed;

  public NetworkConfigReader(boolean icmpAllowed) {
    this.icmpAllowed = icmpAllowed;
  }

  public NetworkConfig read(ConfigNode root) throws ConfigException {
    List<ResolverConfig> resolvers = new ArrayList<>();
    List<DnsQueryConfig> queries = List.of();
    List<ZoneConfig> zones = List.of();
    Optional<ConfigNode> dns = root.get("dns");
    DnsConfigReader dnsReader = new DnsConfigReader();
    if (dns.isPresent()) {
      ConfigNode node = dns.get().asMap();
      resolvers = dnsReader.resolvers(node);
      queries = dnsReader.queries(node, resolvers);
      zones = dnsReader.zones(node);
    }
    double[] buckets = DEFAULT_BUCKETS;
    List<TargetConfig> targets = List.of();
    Optional<ConfigNode> latency = root.get("latency");
    if (latency.isPresent()) {
      ConfigNode node = latency.get().asMap();
      buckets = buckets(node);
      Set<String> names = new HashSet<>();
      List<ResolverConfig> known = resolvers;
      targets = node.list("targets", item -> target(item.asMap(), names, known));
    }
    InterfaceConfig interfaces = interfaces(root.get("interfaces"));
    List<PoolConfig> pools = new PoolConfigReader().pools(root);
    return new NetworkConfig(buckets, targets, List.copyOf(resolvers), queries, zones, interfaces, pools);
  }

  private static double[] buckets(ConfigNode latency) throws ConfigException {
    Optional<ConfigNode> node = latency.get("rtt_buckets");
    if (node.isEmpty()) {
      return DEFAULT_BUCKETS;
    }
    List<ConfigNode> items = node.get().items();
    double[] out = new double[items.size()];
    boolean hasSlaBound = false;
    for (int i = 0; i < out.length; i++) {
      out[i] = items.get(i).asDouble(0.000001, 3600);
      if (i > 0 && out[i] <= out[i - 1]) {
        throw items.get(i).invalid("must be larger than the bound before it (list bounds in increasing order)");
      }
      hasSlaBound |= out[i] == 0.1;
    }
    if (!hasSlaBound) {
      throw node.get().error("must include 0.1 (the 100 ms latency objective the alerts use)");
    }
    return out;
  }

  private TargetConfig target(ConfigNode item, Set<String> names, List<ResolverConfig> resolvers)
      throws ConfigException {
    String name = Names.read(item, "name", names, "target");
    String where = " (target \"" + name + "\")";
    ConfigNode hostNode = item.require("host");
    String host = hostNode.asString();
    Optional<InetAddress> literal = Addresses.literal(host);
    if (literal.isEmpty() && !Addresses.isHostName(host)) {
      throw hostNode.invalid("is not an IP address or host name" + where
          + " (use 192.0.2.10, [2001:db8::1] or shop.example.com)");
    }
    if (literal.isPresent() && (literal.get().isAnyLocalAddress() || literal.get().isMulticastAddress())) {
      throw hostNode.invalid("is not a unicast address" + where);
    }
    TargetConfig.ProbeMethod method = item.enumValue("method", TargetConfig.ProbeMethod.class, TargetConfig.ProbeMethod.TCP);
    if (method == TargetConfig.ProbeMethod.ICMP && !icmpAllowed) {
      throw item.require("method").invalid("needs raw sockets, which this process may not open" + where
          + " (run with CAP_NET_RAW, or use method: tcp)");
    }
    int port = 0;
    if (method == TargetConfig.ProbeMethod.TCP) {
      port = item.require("port").asInt(1, 65535);
    } else if (item.has("port")) {
      throw item.require("port").error("is only used with method: tcp" + where);
    }
    Optional<ResolverConfig> resolver = Optional.empty();
    Optional<ConfigNode> resolverNode = item.get("resolver");
    if (resolverNode.isPresent()) {
      String wanted = resolverNode.get().asString();
      resolver = resolvers.stream().filter(r -> r.name().equals(wanted)).findFirst();
      if (resolver.isEmpty()) {
        throw resolverNode.get().invalid("is not a configured resolver" + where + Names.known(resolvers.stream().map(ResolverConfig::name).toList(), "dns.resolvers"));
      }
    }
    String addresses = item.string("addresses", "all");
    if (!addresses.equals("all") && !addresses.equals("first")) {
      throw item.require("addresses").invalid("is not one of all, first" + where);
    }
    Duration interval = item.positiveDuration("interval", Duration.ofSeconds(15));
    int count = item.integer("count", 5, 1, 1000);
    Duration timeout = item.positiveDuration("timeout", Duration.ofSeconds(1));
    Duration spacing = item.duration("spacing", Duration.ofMillis(50));
    boolean linkLocal = item.bool("allow_link_local", false);
    return new TargetConfig(name, host, literal, port, method, resolver, addresses.equals("all"), interval, count,
        timeout, spacing, linkLocal);
  }

  private static InterfaceConfig interfaces(Optional<ConfigNode> given) throws ConfigException {
    ConfigNode node = given.isPresent() ? given.get().asMap() : ConfigNode.emptyMap("interfaces");
    Pattern include = regex(node, "include", ".*");
    Pattern exclude = regex(node, "exclude", "");
    Map<String, Double> speeds = new LinkedHashMap<>();
    Optional<ConfigNode> speedNode = node.get("speeds");
    if (speedNode.isPresent()) {
      for (Map.Entry<String, ConfigNode> entry : speedNode.get().asMap().entries().entrySet()) {
        speeds.put(entry.getKey(), entry.getValue().parse(LinkSpeed::parse,
            "is not a link speed (use 100Mbit, 1Gbit, 10Gbit or bytes per second)"));
      }
    }
    boolean sysfs = node.bool("speed_from_sysfs", true);
    Path proc = Path.of(node.string("proc_net_dev", "/proc/net/dev"));
    Path sys = Path.of(node.string("sys_class_net", "/sys/class/net"));
    return new InterfaceConfig(include, exclude, Map.copyOf(speeds), sysfs, proc, sys);
  }

  static Pattern regex(ConfigNode node, String key, String defaultValue) throws ConfigException {
    Optional<ConfigNode> child = node.get(key);
    String text = child.isPresent() ? child.get().asRegex() : defaultValue;
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      throw child.orElseThrow().invalid("is not a valid RE2 regex: " + e.getDescription());
    }
  }
}
