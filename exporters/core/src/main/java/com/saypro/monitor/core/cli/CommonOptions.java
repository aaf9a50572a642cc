package com.saypro.monitor.core.cli;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.http.ListenAddress;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The flags every command shares, named as Prometheus users know them from the Go exporters. */
public final class CommonOptions {
  static final String CONFIG_FILE = "--config.file";
  static final String LOG_LEVEL = "--log.level";
  static final String LOG_FORMAT = "--log.format";
  static final String DEFAULT_LOG_LEVEL = "info";
  static final String DEFAULT_LOG_FORMAT = "logfmt";

  @Option(names = CONFIG_FILE, paramLabel = "FILE", description = "Config file (YAML). Default: the embedded defaults.")
  Path configFile;

  @Option(names = "--web.listen-address", paramLabel = "ADDR", description = "Address to listen on, for example :9810 or 127.0.0.1:9810.")
  String listenAddress;

  @Option(names = "--web.config.file", paramLabel = "FILE",
      description = "Web config (TLS, basic auth, headers) in the exporter-toolkit format. See docs/web-config.md.")
  Path webConfigFile;

  @Option(names = "--config.check", description = "Validate the config and web config, print what is wrong, and exit 0 or 1.")
  boolean check;

  @Option(names = LOG_LEVEL, paramLabel = "LEVEL", defaultValue = DEFAULT_LOG_LEVEL,
      description = "debug, info, warn or error (default: ${DEFAULT-VALUE}). Stack traces only at debug.")
  String logLevel;

  @Option(names = LOG_FORMAT, paramLabel = "FORMAT", defaultValue = DEFAULT_LOG_FORMAT,
      description = "logfmt or json (default: ${DEFAULT-VALUE}).")
  String logFormat;

  public Optional<Path> configFile() {
    return Optional.ofNullable(configFile);
  }

  public Optional<Path> webConfigFile() {
    return Optional.ofNullable(webConfigFile);
  }

  public boolean check() {
    return check;
  }

  /** The listen address, or {@code fallback} when the flag is absent. */
  public ListenAddress listenAddress(ListenAddress fallback) throws ConfigException {
    if (listenAddress == null) {
      return fallback;
    }
    return ListenAddress.parse(listenAddress)
        .orElseThrow(() -> new ConfigException(
            "--web.listen-address: \"" + listenAddress + "\" is not host:port (" + ListenAddress.EXAMPLES + ")"));
  }

  public Logging.LogLevel logLevel() throws ConfigException {
    return parseEnum(Logging.LogLevel.class, LOG_LEVEL, logLevel);
  }

  public LogFormat logFormat() throws ConfigException {
    return parseEnum(LogFormat.class, LOG_FORMAT, logFormat);
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String flag, String value) throws ConfigException {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(java.util.Locale.ROOT));
    }
    throw new ConfigException(flag + ": \"" + value + "\" is not one of " + allowed);
  }
}
