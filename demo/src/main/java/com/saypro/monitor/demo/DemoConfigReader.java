package com.saypro.monitor.demo;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.config.Secret;
import com.saypro.monitor.core.config.SecretFiles;
import com.saypro.monitor.core.http.ListenAddress;
import com.saypro.monitor.demo.db.DatabaseSettings;
import com.saypro.monitor.demo.db.Dialect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the demo's YAML config (all keys optional; see demo/README.md) into a {@link DemoConfig}.
 * Unknown keys are refused and every error names file, line and path, as for the exporters.
 */
public final class DemoConfigReader {
  private static final String URL_HINT = "a JDBC URL starting with jdbc:postgresql:, jdbc:mysql: or jdbc:mariadb:";
  private final SecretFiles secretFiles;
  private final Path baseDirectory;

  public DemoConfigReader(Path baseDirectory) {
    this.baseDirectory = baseDirectory;
    this.secretFiles = new SecretFiles(baseDirectory);
  }

  public DemoConfig read(ConfigNode root) throws ConfigException {
    return read(root, DemoFlags.none());
  }

  public DemoConfig read(ConfigNode root, DemoFlags flags) throws ConfigException {
    ListenAddress front = flags.listenAddress().isPresent() ? flags.listenAddress().get()
        : address(root, "listen_address", ListenAddress.anyInterface(DemoConfig.FRONT_PORT));
    root.get("listen_address");
    List<ListenAddress> backends = new ArrayList<>();
    if (root.has("backends")) {
      ConfigNode list = root.require("backends");
      List<ConfigNode> items = list.items();
      if (items.isEmpty() || items.size() > 16) {
        throw list.error("must list 1 to 16 backend addresses");
      }
      for (ConfigNode item : items) {
        backends.add(item.parse(ListenAddress::parse, "host:port (" + ListenAddress.EXAMPLES + ")"));
      }
    } else {
      DemoConfig.BACKEND_PORTS.forEach(port -> backends.add(new ListenAddress("127.0.0.1", port)));
    }
    ConfigNode gateway = section(root, "gateway");
    ListenAddress gatewayAddress = address(gateway, "listen_address", new ListenAddress("127.0.0.1", DemoConfig.GATEWAY_PORT));
    Duration gatewayTimeout = gateway.positiveDuration("timeout", Duration.ofSeconds(2));
    Duration gatewayHang = gateway.positiveDuration("hang", Duration.ofSeconds(30));
    ConfigNode control = section(root, "control");
    ListenAddress controlAddress = address(control, "listen_address", new ListenAddress("127.0.0.1", DemoConfig.CONTROL_PORT));
    Optional<Path> tokenFile = control.get("token_file").isPresent()
        ? Optional.of(secretFiles.resolve(control.require("token_file"))) : Optional.empty();
    if (flags.tokenFile().isPresent()) {
      tokenFile = flags.tokenFile();
    }
    DatabaseSettings database = database(section(root, "database"), flags);
    Path dataDir = flags.dataDir().isPresent() ? flags.dataDir().get()
        : baseDirectory.resolve(root.string("data_dir", "demo-data"));
    root.get("data_dir");
    ConfigNode logs = section(root, "logs");
    Path accessLog = logs.get("access_log").isPresent()
        ? baseDirectory.resolve(logs.requireString("access_log")) : dataDir.resolve("logs/access.log");
    Path appLog = logs.get("app_log").isPresent()
        ? baseDirectory.resolve(logs.requireString("app_log")) : dataDir.resolve("logs/app.log");
    root.rejectUnknownKeys();
    return new DemoConfig(front, List.copyOf(backends), gatewayAddress, gatewayTimeout, gatewayHang, controlAddress,
        tokenFile, database, dataDir, accessLog, appLog);
  }

  private DatabaseSettings database(ConfigNode node, DemoFlags flags) throws ConfigException {
    String url = node.string("url", DatabaseSettings.DEFAULT_URL);
    Dialect dialect = node.get("url").isPresent()
        ? node.require("url").parse(Dialect::of, URL_HINT)
        : Dialect.POSTGRESQL;
    if (flags.dbUrl().isPresent()) {
      url = flags.dbUrl().get();
      String flagUrl = url;
      dialect = Dialect.of(url).orElseThrow(() -> new ConfigException("--db.url: \"" + flagUrl.replaceAll("\\?.*", "?...")
          + "\" is not " + URL_HINT));
    }
    if (url.contains("password=")) {
      throw new ConfigException((flags.dbUrl().isPresent() ? "--db.url" : node.where() + ".url")
          + ": put the password in database.password_file or --db.password-file, not in the URL");
    }
    String user = flags.dbUser().orElse(node.string("user", dialect == Dialect.POSTGRESQL ? "postgres" : "root"));
    Optional<Secret> password = node.secret("password", secretFiles);
    if (flags.dbPasswordFile().isPresent()) {
      try {
        password = Optional.of(Secret.of(java.nio.file.Files.readString(flags.dbPasswordFile().get()).strip()));
      } catch (java.io.IOException e) {
        throw new ConfigException("--db.password-file: " + flags.dbPasswordFile().get() + ": cannot be read (" + e.getClass().getSimpleName() + ")");
      }
    }
    int poolSize = node.integer("pool_size", 8, 1, 100);
    Duration connectTimeout = node.positiveDuration("connect_timeout", Duration.ofSeconds(3));
    Duration retryInterval = node.positiveDuration("retry_interval", Duration.ofSeconds(2));
    node.rejectUnknownKeys();
    return new DatabaseSettings(url, dialect, user, password, poolSize, connectTimeout, retryInterval);
  }

  private static ConfigNode section(ConfigNode root, String key) throws ConfigException {
    Optional<ConfigNode> node = root.get(key);
    return node.isPresent() ? node.get().asMap() : ConfigNode.emptyMap(root.file());
  }

  private static ListenAddress address(ConfigNode node, String key, ListenAddress fallback) throws ConfigException {
    Optional<ConfigNode> child = node.get(key);
    return child.isPresent() ? child.get().parse(ListenAddress::parse, "host:port (" + ListenAddress.EXAMPLES + ")") : fallback;
  }
}
