package com.saypro.monitor.network.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** Reads {@code dns.resolvers}, {@code dns.queries} and {@code dns.zones}. */
final class DnsConfigReader {
  private static final String ADDRESS_HINT = "is not an IP address with an optional port (use 127.0.0.1:53 or [::1]:53)";

  List<ResolverConfig> resolvers(ConfigNode dns) throws ConfigException {
    Set<String> names = new HashSet<>();
    return dns.list("resolvers", item -> {
      ConfigNode map = item.asMap();
      String name = Names.read(map, "name", names, "resolver");
      return new ResolverConfig(name, address(map.require("address"), " (resolver \"" + name + "\")"));
    });
  }

  List<DnsQueryConfig> queries(ConfigNode dns, List<ResolverConfig> resolvers) throws ConfigException {
    Set<String> names = new HashSet<>();
    List<DnsQueryConfig> out = new ArrayList<>();
    Optional<ConfigNode> list = dns.get("queries");
    for (ConfigNode item : list.isPresent() ? list.get().items() : List.<ConfigNode>of()) {
      ConfigNode map = item.asMap();
      String name = Names.read(map, "name", names, "query");
      String where = " (query \"" + name + "\")";
      ConfigNode resolverNode = map.require("resolver");
      String resolverName = resolverNode.asString();
      ResolverConfig resolver = resolvers.stream().filter(r -> r.name().equals(resolverName)).findFirst()
          .orElseThrow(() -> resolverNode.invalid("is not a configured resolver" + where + Names.known(resolvers.stream().map(ResolverConfig::name).toList(), "dns.resolvers")));
      Name query = dnsName(map.require("query"), where);
      ConfigNode typeNode = map.get("type").orElse(null);
      String typeText = typeNode == null ? "A" : typeNode.asString().toUpperCase(Locale.ROOT);
      int type = Type.value(typeText);
      if (type < 0 || !Type.isRR(type) || type == Type.OPT) {
        throw typeNode.invalid("is not a DNS record type" + where + " (use A, AAAA, CNAME, MX, NS, TXT, SOA, SRV, ...)");
      }
      Set<String> expected = new LinkedHashSet<>();
      for (String record : map.strings("expect")) {
        expected.add(normalize(record));
      }
      Duration interval = map.positiveDuration("interval", Duration.ofSeconds(30));
      Duration timeout = map.positiveDuration("timeout", Duration.ofSeconds(2));
      out.add(new DnsQueryConfig(name, resolver, query, type, Set.copyOf(expected), interval, timeout));
    }
    return List.copyOf(out);
  }

  List<ZoneConfig> zones(ConfigNode dns) throws ConfigException {
    Set<String> zoneNames = new HashSet<>();
    return dns.list("zones", item -> {
      ConfigNode map = item.asMap();
      ConfigNode zoneNode = map.require("zone");
      String zone = zoneNode.asString().toLowerCase(Locale.ROOT);
      String where = " (zone \"" + zone + "\")";
      Name name = dnsName(zoneNode, where);
      if (!zoneNames.add(name.toString())) {
        throw zoneNode.invalid("is listed twice (zones must be unique)");
      }
      Set<String> nsNames = new HashSet<>();
      List<ZoneConfig.Nameserver> servers = map.list("nameservers", ns -> {
        ConfigNode nsMap = ns.asMap();
        String nsName = Names.read(nsMap, "name", nsNames, "nameserver");
        return new ZoneConfig.Nameserver(nsName, address(nsMap.require("address"), where));
      });
      if (servers.isEmpty()) {
        throw map.error("zone \"" + zone + "\" has no nameservers");
      }
      Duration interval = map.positiveDuration("interval", Duration.ofMinutes(5));
      Duration timeout = map.positiveDuration("timeout", Duration.ofSeconds(2));
      return new ZoneConfig(zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone, name, servers,
          interval, timeout);
    });
  }

  /** The presentation form answers are compared in: lower case, names absolute. */
  static String normalize(String record) {
    String text = record.trim().toLowerCase(Locale.ROOT);
    return text;
  }

  private static Name dnsName(ConfigNode node, String where) throws ConfigException {
    String text = node.asString();
    if (!Addresses.isHostName(text) && !text.startsWith("_")) {
      throw node.invalid("is not a DNS name" + where);
    }
    try {
      return Name.fromString(text.endsWith(".") ? text : text + ".");
    } catch (TextParseException e) {
      throw node.invalid("is not a DNS name" + where);
    }
  }

  private static InetSocketAddress address(ConfigNode node, String where) throws ConfigException {
    Optional<InetSocketAddress> address = Addresses.ipAndPort(node.asString(), 53);
    if (address.isEmpty()) {
      throw node.invalid(ADDRESS_HINT.replace(" (use", where + " (use"));
    }
    return address.get();
  }
}
