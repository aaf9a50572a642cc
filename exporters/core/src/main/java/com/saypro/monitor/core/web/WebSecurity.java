package com.saypro.monitor.core.web;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.http.ListenAddress;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The exporter's web security, from a {@code --web.config.file} in the format Prometheus' Go
 * exporters read (exporter-toolkit). Without a file: plain HTTP, no authentication.
 */
public final class WebSecurity {
  /** The metrics web security adds to every exporter (for the catalogue). */
  public static final java.util.List<com.saypro.monitor.core.collect.MetricDef> METRICS = java.util.List.of();

  private final Optional<Path> file;

  private WebSecurity(Optional<Path> file) {
    this.file = file;
  }

  /** Reads and validates the web config file, if any; fails start-up with a message naming it. */
  public static WebSecurity load(Optional<Path> file) throws ConfigException {
    if (file.isPresent()) {
      throw new ConfigException(file.get() + ": web config files are not supported in this build");
    }
    return new WebSecurity(file);
  }

  public Optional<Path> file() {
    return file;
  }

  /** The connector for {@code address}: HTTP, or HTTPS when the file configures TLS. */
  public ServerConnector connector(Server server, ListenAddress address) {
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(address.host());
    connector.setPort(address.port());
    return connector;
  }

  /** Wraps the routes with authentication and the configured response headers. */
  public Handler wrap(Handler routes) {
    return routes;
  }

  /** Re-reads the file; on any error the running config stays in force (access never opens). */
  public void reload() throws ConfigException {
    // nothing to re-read without a file
  }

  public boolean tlsEnabled() {
    return false;
  }
}
