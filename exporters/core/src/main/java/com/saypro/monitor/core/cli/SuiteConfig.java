package com.saypro.monitor.core.cli;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.exporter.ExporterDefinition;
import com.saypro.monitor.core.http.ListenAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code all} command's file: which exporters run in this JVM, where each listens, and its config
 * (a file or inline). Without a file, every exporter runs on its embedded defaults and default port.
 *
 * <pre>
 * listen_address: ":9810"          # the suite's own page and JVM metrics
 * exporters:
 *   database:
 *     listen_address: ":9812"
 *     config_file: database.yml    # relative to this file
 *   logs:
 *     config: {...}                # or inline
 *   network: {enabled: false}
 * </pre>
 *
 * When {@code exporters} is given, only the exporters listed there run.
 */
public record SuiteConfig(ListenAddress listenAddress, List<Member> members) {
  public static final int DEFAULT_PORT = 9810;

  /** One exporter of the suite. */
  public record Member(
      ExporterDefinition definition, ListenAddress listenAddress, Optional<Path> configFile, Optional<ConfigNode> inline) {}

  public static SuiteConfig defaults(List<ExporterDefinition> definitions) {
    List<Member> members = new ArrayList<>();
    for (ExporterDefinition definition : definitions) {
      members.add(new Member(definition, ListenAddress.anyInterface(definition.defaultPort()), Optional.empty(), Optional.empty()));
    }
    return new SuiteConfig(ListenAddress.anyInterface(DEFAULT_PORT), List.copyOf(members));
  }

  public static SuiteConfig read(ConfigNode root, Path directory, List<ExporterDefinition> definitions) throws ConfigException {
    Map<String, ExporterDefinition> byName = new LinkedHashMap<>();
    definitions.forEach(d -> byName.put(d.name(), d));
    ListenAddress suiteAddress = address(root, "listen_address", ListenAddress.anyInterface(DEFAULT_PORT));
    Optional<ConfigNode> section = root.get("exporters");
    if (section.isEmpty()) {
      root.rejectUnknownKeys();
      return new SuiteConfig(suiteAddress, defaults(definitions).members());
    }
    List<Member> members = new ArrayList<>();
    Map<Integer, String> ports = new HashMap<>();
    if (suiteAddress.port() != 0) {
      ports.put(suiteAddress.port(), "the suite (listen_address)");
    }
    for (Map.Entry<String, ConfigNode> entry : section.get().asMap().entries().entrySet()) {
      ConfigNode node = entry.getValue().asMap();
      ExporterDefinition definition = byName.get(entry.getKey());
      if (definition == null) {
        throw entry.getValue().error("unknown exporter (known: " + String.join(", ", byName.keySet()) + ")");
      }
      if (!node.bool("enabled", true)) {
        continue;
      }
      ListenAddress address = address(node, "listen_address", ListenAddress.anyInterface(definition.defaultPort()));
      Optional<ConfigNode> fileNode = node.get("config_file");
      Optional<Path> file = fileNode.isPresent()
          ? Optional.of(directory.resolve(fileNode.get().asString()))
          : Optional.empty();
      Optional<ConfigNode> inline = node.get("config");
      if (file.isPresent() && inline.isPresent()) {
        throw node.error("set either config_file or config, not both");
      }
      if (inline.isPresent()) {
        inline = Optional.of(inline.get().asMap().delegate());
      }
      String clash = address.port() == 0 ? null : ports.putIfAbsent(address.port(), entry.getKey());
      if (clash != null) {
        throw node.error("port " + address.port() + " is already used by " + clash);
      }
      members.add(new Member(definition, address, file, inline));
    }
    root.rejectUnknownKeys(); // inline configs are delegated: each exporter checks its own
    return new SuiteConfig(suiteAddress, List.copyOf(members));
  }

  private static ListenAddress address(ConfigNode node, String key, ListenAddress fallback) throws ConfigException {
    Optional<ConfigNode> value = node.get(key);
    if (value.isEmpty()) {
      return fallback;
    }
    return value.get().parse(ListenAddress::parse, "is not host:port (" + ListenAddress.EXAMPLES + ")");
  }
}
