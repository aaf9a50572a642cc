package com.saypro.monitor.demo;

import com.saypro.monitor.core.cli.LogFormat;
import com.saypro.monitor.core.cli.Logging;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigLoader;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.http.ListenAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code saypro-monitor demo}: runs the demo marketplace until stopped. {@code demo traffic} drives
 * traffic against a running one. See demo/API.md for everything it serves.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs the demo marketplace: front :8480, fault API 127.0.0.1:8481, payment gateway 127.0.0.1:8482,",
        "backends 127.0.0.1:8491-8493. See demo/README.md."},
    subcommands = TrafficCommand.class)
public final class DemoCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);

  @Option(names = "--config.file", paramLabel = "FILE", description = "Config file (YAML). Default: built-in defaults.")
  Path configFile;

  @Option(names = "--db.url", paramLabel = "JDBC_URL",
      description = "jdbc:postgresql://HOST:PORT/DB (default jdbc:postgresql://127.0.0.1:5432/saypro_demo) or jdbc:mysql://HOST:PORT/DB.")
  String dbUrl;

  @Option(names = "--db.user", paramLabel = "USER", description = "Database user (default postgres, or root for MySQL/MariaDB).")
  String dbUser;

  @Option(names = "--db.password-file", paramLabel = "FILE", description = "File holding the database password.")
  Path dbPasswordFile;

  @Option(names = "--web.listen-address", paramLabel = "ADDR", description = "Address of the front (default :8480).")
  String listenAddress;

  @Option(names = "--data.dir", paramLabel = "DIR", description = "Where logs and the generated fault token go (default ./demo-data).")
  Path dataDir;

  @Option(names = "--control.token-file", paramLabel = "FILE", description = "The fault API's bearer token.")
  Path tokenFile;

  @Option(names = "--config.check", description = "Validate the config, print what is wrong, and exit 0 or 1.")
  boolean check;

  @Option(names = "--log.level", paramLabel = "LEVEL", defaultValue = "info", description = "debug, info, warn or error.")
  String logLevel;

  @Option(names = "--log.format", paramLabel = "FORMAT", defaultValue = "logfmt", description = "logfmt or json.")
  String logFormat;

  @Override
  public Integer call() {
    if (!setUpLogging(logLevel, logFormat)) {
      return 1;
    }
    DemoConfig config;
    try {
      config = config();
    } catch (ConfigException e) {
      if (check) {
        System.out.println("demo config: FAILED: " + e.getMessage());
      } else {
        log.error(e.getMessage());
      }
      return 1;
    }
    if (check) {
      System.out.println("demo config: OK");
      return 0;
    }
    DemoMarketplace demo;
    try {
      demo = DemoMarketplace.start(config, Clock.systemUTC(), new Random(), System::getenv);
    } catch (Exception e) {
      log.error("the demo could not start: {}", e.getMessage());
      log.debug("start-up failed", e);
      return 1;
    }
    announce(demo);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("stopping the demo");
      demo.close();
      stopped.countDown();
    }, "demo-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private DemoConfig config() throws ConfigException {
    Optional<ListenAddress> listen = Optional.empty();
    if (listenAddress != null) {
      listen = Optional.of(ListenAddress.parse(listenAddress).orElseThrow(() -> new ConfigException(
          "--web.listen-address: \"" + listenAddress + "\" is not host:port (" + ListenAddress.EXAMPLES + ")")));
    }
    DemoFlags flags = new DemoFlags(Optional.ofNullable(dbUrl), Optional.ofNullable(dbUser), Optional.ofNullable(dbPasswordFile),
        listen, Optional.ofNullable(dataDir), Optional.ofNullable(tokenFile));
    if (configFile == null) {
      return new DemoConfigReader(Path.of("")).read(ConfigNode.emptyMap("demo defaults"), flags);
    }
    ConfigNode root = ConfigLoader.withSystemEnvironment().load(configFile);
    Path base = configFile.toAbsolutePath().getParent();
    return new DemoConfigReader(base == null ? Path.of("") : base).read(root, flags);
  }

  private static void announce(DemoMarketplace demo) {
    DemoConfig config = demo.config();
    log.info("demo marketplace on {} (backends {})", demo.frontUri(), demo.backendUris());
    log.info("payment gateway on {} (health: {}/health)", demo.gatewayUri(), demo.gatewayUri());
    log.info("fault API on {}/faults; bearer token from {}", demo.controlUri(), demo.token().origin());
    log.info("access log {}; application log {}", config.accessLog().toAbsolutePath(), config.appLog().toAbsolutePath());
  }

  static boolean setUpLogging(String level, String format) {
    try {
      Logging.configure(Logging.LogLevel.valueOf(level.toUpperCase(Locale.ROOT)), LogFormat.valueOf(format.toUpperCase(Locale.ROOT)));
      return true;
    } catch (IllegalArgumentException e) {
      Logging.configure(Logging.LogLevel.INFO, LogFormat.LOGFMT);
      log.error("--log.level must be debug, info, warn or error and --log.format logfmt or json");
      return false;
    }
  }
}
