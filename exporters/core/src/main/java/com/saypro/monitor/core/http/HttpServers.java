package com.saypro.monitor.core.http;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.web.WebSecurity;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.BindException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

/** Builds and starts the Jetty server of one exporter. */
public final class HttpServers {
  private HttpServers() {}

  /** A small thread pool, shared by every exporter of a JVM in {@code all} mode. */
  public static QueuedThreadPool threadPool() {
    QueuedThreadPool pool = new QueuedThreadPool(64, 2, 60_000);
    pool.setName("http");
    pool.setDaemon(false);
    pool.setReservedThreads(0);
    return pool;
  }

  /**
   * Starts a server on {@code address} serving {@code exporter} and {@code registry}. A port in use
   * or a TLS file that cannot be loaded is a {@link ConfigException} with one clear line.
   */
  public static Server start(
      ListenAddress address,
      WebSecurity security,
      PrometheusRegistry registry,
      ExporterPages exporter,
      ThreadPool pool)
      throws ConfigException {
    Server server = new Server(pool);
    server.setStopTimeout(5_000);
    server.setStopAtShutdown(false); // the launcher stops exporters in order on SIGTERM
    ServerConnector connector = security.connector(server, address);
    for (ConnectionFactory factory : connector.getConnectionFactories()) {
      if (factory instanceof HttpConnectionFactory http) {
        http.getHttpConfiguration().setSendServerVersion(false);
        http.getHttpConfiguration().setSendXPoweredBy(false);
        http.getHttpConfiguration().setRequestHeaderSize(16 * 1024);
      }
    }
    server.addConnector(connector);

    ServletContextHandler metrics = new ServletContextHandler();
    metrics.setContextPath("/");
    metrics.addServlet(new ServletHolder(new PrometheusMetricsServlet(registry)), "/metrics");
    metrics.setErrorHandler(new QuietErrorHandler());
    server.setErrorHandler(new QuietErrorHandler());
    server.setHandler(new GracefulHandler(security.wrap(new Router(metrics, exporter))));
    try {
      server.start();
    } catch (IOException e) {
      stopQuietly(server);
      if (e instanceof BindException || e.getCause() instanceof BindException) {
        throw new ConfigException(
            "cannot listen on " + address + ": address already in use or not available (choose another with --web.listen-address)");
      }
      throw new ConfigException("cannot listen on " + address + ": " + e.getMessage());
    } catch (Exception e) {
      stopQuietly(server);
      throw new ConfigException("cannot start the web server on " + address + ": " + e.getMessage(), e);
    }
    return server;
  }

  /** The port actually bound (useful with port 0). */
  public static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  public static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception ignored) {
      // stopping after a failed start: nothing more to release
    }
  }
}
