package com.saypro.monitor.demo;

import com.saypro.monitor.core.http.ListenAddress;
import com.saypro.monitor.demo.db.Accounts;
import com.saypro.monitor.demo.db.Catalog;
import com.saypro.monitor.demo.db.MarketplaceDatabase;
import com.saypro.monitor.demo.db.OrderNumbers;
import com.saypro.monitor.demo.db.Orders;
import com.saypro.monitor.demo.faults.ControlToken;
import com.saypro.monitor.demo.faults.Fault;
import com.saypro.monitor.demo.faults.FaultBook;
import com.saypro.monitor.demo.faults.FaultControlHandler;
import com.saypro.monitor.demo.faults.FaultRequestParser;
import com.saypro.monitor.demo.gateway.FakeGateway;
import com.saypro.monitor.demo.gateway.GatewayClient;
import com.saypro.monitor.demo.logs.AppLog;
import com.saypro.monitor.demo.logs.FileLineSink;
import com.saypro.monitor.demo.web.BackendHandler;
import com.saypro.monitor.demo.web.FrontProxy;
import com.saypro.monitor.demo.web.RouteClass;
import com.saypro.monitor.demo.web.Sessions;
import com.saypro.monitor.demo.web.Shop;
import com.saypro.monitor.demo.web.ShopEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The running demo: database, backends, front, payment gateway and fault control, wired together.
 * Tests start it on free ports with their own clock and seeded random; {@code DemoCommand} starts
 * it on the configured ports.
 */
public final class DemoMarketplace implements AutoCloseable {
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final List<Server> servers = new ArrayList<>();
  private final MarketplaceDatabase database;
  private final FaultBook faults;
  private final ControlToken token;
  private final DemoConfig config;
  private Server front;
  private Server control;
  private Server gateway;
  private URI frontUri;
  private URI gatewayUri;
  private final List<Server> backends = new ArrayList<>();

  private DemoMarketplace(DemoConfig config, MarketplaceDatabase database, FaultBook faults, ControlToken token) {
    this.config = config;
    this.database = database;
    this.faults = faults;
    this.token = token;
  }

  /**
   * Starts everything. {@code clock} drives fault schedules and log timestamps; {@code faultRandom}
   * decides which requests a rate fault hits.
   */
  public static DemoMarketplace start(DemoConfig config, Clock clock, Random faultRandom, Function<String, String> env)
      throws Exception {
    FileLineSink appSink = new FileLineSink(config.appLog());
    AppLog appLog = new AppLog(appSink, clock);
    MarketplaceDatabase database = new MarketplaceDatabase(config.database(), appLog.source("marketplace", "database"));
    FaultBook faults = new FaultBook(clock, faultRandom, appLog.source("control", "control"));
    ControlToken token = ControlToken.resolve(config.tokenFile(), env, config.generatedTokenFile());
    DemoMarketplace demo = new DemoMarketplace(config, database, faults, token);
    demo.resources.add(appSink);
    try {
      demo.startAll(appLog, clock);
      return demo;
    } catch (Exception | Error e) {
      demo.close();
      throw e;
    }
  }

  private void startAll(AppLog appLog, Clock clock) throws Exception {
    resources.add(database);
    database.start();
    FileLineSink accessSink = new FileLineSink(config.accessLog());
    resources.add(accessSink);
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, r -> {
      Thread thread = new Thread(r, "demo-scheduler");
      thread.setDaemon(true);
      return thread;
    });
    resources.add(scheduler::shutdownNow);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();

    gateway = server("gateway", config.gateway(), new FakeGateway(faults, appLog.source("gateway", "gateway"), scheduler, config.gatewayHang()));
    gatewayUri = uri(gateway);
    URI charges = gatewayUri;
    GatewayClient gatewayClient = new GatewayClient(http, () -> charges, config.gatewayTimeout());
    Sessions sessions = new Sessions(50_000);
    Shop shop = new Shop(new Catalog(database), new Orders(database, new OrderNumbers(new SecureRandom())),
        new Accounts(database), gatewayClient);
    List<URI> backendUris = new ArrayList<>();
    for (int i = 0; i < config.backends().size(); i++) {
      String instance = "backend-" + (i + 1);
      Server backend = server(instance, config.backends().get(i), new BackendHandler(instance, faults, sessions, shop,
          new ShopEvents(appLog.source("marketplace", instance)), database::isUp));
      // longer than the proxy client's keep-alive, so a pooled connection is never closed under it
      ((ServerConnector) backend.getConnectors()[0]).setIdleTimeout(Duration.ofMinutes(30).toMillis());
      backends.add(backend);
      backendUris.add(uri(backend));
    }
    front = server("front", config.front(), new FrontProxy(backendUris, http, faults, accessSink, clock,
        ZoneId.systemDefault(), database::isUp));
    frontUri = uri(front);
    ListenerSwitch siteSwitch = new ListenerSwitch(Fault.SITE, connector(front), faults);
    ListenerSwitch gatewaySwitch = new ListenerSwitch(Fault.GATEWAY, connector(gateway), faults);
    Runnable reconcile = () -> {
      siteSwitch.reconcile();
      gatewaySwitch.reconcile();
    };
    control = server("control", config.control(), new FaultControlHandler(faults, token,
        new FaultRequestParser(RouteClass.faultableLabels()), reconcile));
    scheduler.scheduleWithFixedDelay(reconcile, 100, 100, TimeUnit.MILLISECONDS);
  }

  private Server server(String name, ListenAddress address, Handler handler) throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(200, 4);
    threads.setName("demo-" + name);
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost(address.host() == null || address.host().isEmpty() ? null : address.host());
    connector.setPort(address.port());
    server.addConnector(connector);
    server.setHandler(handler);
    server.setStopTimeout(1000);
    servers.add(server);
    server.start();
    return server;
  }

  private static ServerConnector connector(Server server) {
    return (ServerConnector) server.getConnectors()[0];
  }

  private static URI uri(Server server) {
    return URI.create("http://127.0.0.1:" + connector(server).getLocalPort());
  }

  /** The front's address; stays valid while a "refused" fault has closed its listener. */
  public URI frontUri() {
    return frontUri;
  }

  public URI controlUri() {
    return uri(control);
  }

  public URI gatewayUri() {
    return gatewayUri;
  }

  public List<URI> backendUris() {
    return backends.stream().map(DemoMarketplace::uri).toList();
  }

  public ControlToken token() {
    return token;
  }

  public FaultBook faults() {
    return faults;
  }

  public MarketplaceDatabase database() {
    return database;
  }

  public DemoConfig config() {
    return config;
  }

  @Override
  public void close() {
    for (int i = servers.size() - 1; i >= 0; i--) {
      try {
        servers.get(i).stop();
      } catch (Exception e) {
        // keep stopping the rest
      }
    }
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
  }
}
