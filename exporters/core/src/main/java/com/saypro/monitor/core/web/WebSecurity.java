package com.saypro.monitor.core.web;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigLoader;
import com.saypro.monitor.core.http.ListenAddress;
import io.prometheus.metrics.model.registry.MultiCollector;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;

/**
 * The exporter's web security, from a {@code --web.config.file} in the format Prometheus' Go
 * exporters read (exporter-toolkit), so one file serves ours and node_exporter alike. Without a
 * file: plain HTTP, no authentication. See docs/web-config.md.
 *
 * <p>Whether TLS is on is fixed at start (the connector is built once); everything else, including
 * the certificate and key, is re-read by {@link #reload()}.
 */
public final class WebSecurity {
  /** The metrics web security adds to every exporter (for the catalogue). */
  public static final java.util.List<com.saypro.monitor.core.collect.MetricDef> METRICS = AuthFailures.METRICS;

  private final Optional<Path> file;
  private final WebConfigReader reader;
  private final SecureRandom random;
  private final Clock clock;
  private final BcryptCache cache;
  private final AuthFailures failures = new AuthFailures();
  private final WebConfigWarnings warnings = new WebConfigWarnings();
  private final Optional<TlsContextFactory> tls;
  private final AtomicReference<AccessPolicy> policy;

  private WebSecurity(Optional<Path> file, WebConfigReader reader, SecureRandom random, Clock clock)
      throws ConfigException {
    this.file = file;
    this.reader = reader;
    this.random = random;
    this.clock = clock;
    this.cache = new BcryptCache(BcryptCache.DEFAULT_CAPACITY, random);
    WebConfig config = file.isPresent() ? reader.read(file.get()) : WebConfig.NONE;
    this.tls = config.tls().isPresent()
        ? Optional.of(TlsContextFactory.create(config.tls().get(), random, where()))
        : Optional.empty();
    this.policy = new AtomicReference<>(policy(config, Optional.empty()));
    warnings.check(config);
  }

  /** Reads and validates the web config file, if any; fails start-up with a message naming it. */
  public static WebSecurity load(Optional<Path> file) throws ConfigException {
    return load(file, System::getenv, Clock.systemUTC());
  }

  /** As {@link #load(Optional)}, with {@code ${VAR}} expanded from {@code environment}. */
  public static WebSecurity load(Optional<Path> file, Function<String, String> environment, Clock clock)
      throws ConfigException {
    SecureRandom random = new SecureRandom();
    WebConfigReader reader =
        new WebConfigReader(new ConfigLoader(environment), new PemFiles(random), supportedCipherSuites());
    return new WebSecurity(file, reader, random, clock);
  }

  public Optional<Path> file() {
    return file;
  }

  /** The connector for {@code address}: HTTP, or HTTPS (HTTP/1.1) when the file configures TLS. */
  public ServerConnector connector(Server server, ListenAddress address) {
    ServerConnector connector;
    if (tls.isPresent()) {
      HttpConfiguration https = new HttpConfiguration();
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      secure.setSniHostCheck(false); // exporter-toolkit does not tie the Host header to the certificate
      https.addCustomizer(secure);
      connector = new ServerConnector(
          server, new SslConnectionFactory(tls.get(), HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
    } else {
      connector = new ServerConnector(server);
    }
    connector.setHost(address.host());
    connector.setPort(address.port());
    return connector;
  }

  /** Wraps the routes with authentication, the rate limit and the configured response headers. */
  public Handler wrap(Handler routes) {
    return new AuthHandler(routes, policy::get, failures);
  }

  /** Counts of refused credentials, for the exporter's registry. */
  public MultiCollector metrics() {
    return failures;
  }

  /**
   * Re-reads the file, certificate and key included. On any error, or when the new file would
   * switch TLS on or off (that needs a restart), the running config stays in force: a broken file
   * never opens access.
   */
  public synchronized void reload() throws ConfigException {
    if (file.isEmpty()) {
      return;
    }
    WebConfig next = reader.read(file.get());
    if (next.tls().isPresent() != tls.isPresent()) {
      throw new ConfigException(where() + ": switching TLS " + (tls.isPresent() ? "off" : "on")
          + " needs a restart; the running web config stays in force");
    }
    AccessPolicy nextPolicy = policy(next, Optional.of(policy.get()));
    if (tls.isPresent()) {
      tls.get().update(next.tls().get(), random, where());
    }
    policy.set(nextPolicy);
    warnings.check(next);
  }

  public boolean tlsEnabled() {
    return tls.isPresent();
  }

  private AccessPolicy policy(WebConfig config, Optional<AccessPolicy> previous) {
    int cost = config.users().maxCost();
    // a new decoy costs one bcrypt; keep the old one while the configured cost is the same
    BcryptHash decoy = previous.map(p -> p.authenticator().decoyHash()).filter(d -> d.cost() == cost)
        .orElseGet(() -> config.users().enabled() ? BasicAuthenticator.decoy(cost, random) : unusedDecoy());
    return new AccessPolicy(
        config.http().headers(),
        config.rateLimit().map(limit -> new RequestRateLimiter(limit, clock)),
        new BasicAuthenticator(config.users(), decoy, cache));
  }

  /** Without users the decoy is never used: a cheap fixed-cost one avoids a bcrypt at start. */
  private BcryptHash unusedDecoy() {
    return BasicAuthenticator.decoy(4, random);
  }

  private String where() {
    return file.map(f -> f.getFileName().toString()).orElse("web config") + ": tls_server_config";
  }

  private static Set<String> supportedCipherSuites() throws ConfigException {
    try {
      return Set.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
    } catch (NoSuchAlgorithmException e) {
      throw new ConfigException("this Java runtime has no TLS implementation: " + e.getMessage(), e);
    }
  }
}
