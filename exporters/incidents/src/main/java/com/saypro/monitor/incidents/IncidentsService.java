package com.saypro.monitor.incidents;

import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.exporter.Exporter;
import com.saypro.monitor.core.exporter.ExporterContext;
import com.saypro.monitor.core.exporter.Route;
import com.saypro.monitor.incidents.config.IncidentsConfig;
import com.saypro.monitor.incidents.metrics.HeartbeatCollector;
import com.saypro.monitor.incidents.metrics.IncidentCountCollector;
import com.saypro.monitor.incidents.metrics.ReceiverCollector;
import com.saypro.monitor.incidents.metrics.SilenceCollector;
import com.saypro.monitor.incidents.metrics.SlaCollector;
import com.saypro.monitor.incidents.silences.SilencePoller;
import com.saypro.monitor.incidents.sla.IncidentFigures;
import com.saypro.monitor.incidents.store.IncidentDatabase;
import com.saypro.monitor.incidents.store.SharedStores;
import com.saypro.monitor.incidents.web.IncidentsApiHandler;
import com.saypro.monitor.incidents.web.IncidentsPageHandler;
import com.saypro.monitor.incidents.webhook.AcknowledgeHandler;
import com.saypro.monitor.incidents.webhook.HeartbeatState;
import com.saypro.monitor.incidents.webhook.RequestStats;
import com.saypro.monitor.incidents.webhook.WebhookHandler;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running config of the incident exporter: its figures, poller, routes and collectors. */
final class IncidentsService implements Exporter {
  private static final Logger log = LoggerFactory.getLogger(IncidentsService.class);

  private final IncidentsConfig config;
  private final SharedStores.Lease lease;
  private final IncidentFigures figures;
  private final Optional<SilencePoller> poller;
  private final Map<String, SayproCollector> collectors;
  private final List<Route> routes;

  private IncidentsService(IncidentsConfig config, SharedStores.Lease lease, IncidentFigures figures,
      HeartbeatState heartbeat, Optional<SilencePoller> poller, ExporterContext context) {
    this.config = config;
    this.lease = lease;
    this.figures = figures;
    this.poller = poller;
    Clock clock = context.clock();
    IncidentDatabase database = lease.database();
    RequestStats stats = new RequestStats();

    Map<String, SayproCollector> all = new LinkedHashMap<>();
    all.put(IncidentCountCollector.SPEC.name(), new IncidentCountCollector(figures));
    all.put(SlaCollector.SPEC.name(), new SlaCollector(figures, config.sla()));
    all.put(HeartbeatCollector.SPEC.name(), new HeartbeatCollector(heartbeat, clock.instant()));
    all.put(ReceiverCollector.SPEC.name(), new ReceiverCollector(stats, database));
    all.put(SilenceCollector.SPEC.name(), new SilenceCollector(poller));
    all.keySet().removeIf(name -> !context.enabled(name));
    this.collectors = Map.copyOf(all);

    this.routes = List.of(
        new Route("/webhook", "POST: Alertmanager webhook receiver (version 4)",
            new WebhookHandler(config.webhookAuth(), config.maxBodyBytes(), config.classification(), heartbeat,
                database, config.storage().commitTimeout(), stats, clock)),
        new Route("/api/acknowledge", "POST {\"fingerprint\":...,\"by\":...}: acknowledge an open incident",
            new AcknowledgeHandler(config.acknowledgeAuth(), database, config.storage().commitTimeout(), stats, clock)),
        new Route("/incidents", "open and recent incidents with their timings",
            new IncidentsPageHandler(database, config.classification(), config.sla(), () -> status(heartbeat), clock)),
        new Route("/api/incidents", "incidents as JSON (?state=open, ?since=&until=, ?limit=)",
            new IncidentsApiHandler(database, config.classification(), config.sla(), clock)));
  }

  static IncidentsService start(IncidentsConfig config, SharedStores stores, ExporterContext context) throws ConfigException {
    SharedStores.Lease lease = stores.acquire(config.storage());
    IncidentFigures figures = null;
    try {
      Instant now = context.clock().instant();
      // with a silence poller, response verdicts wait for the first successful poll
      figures = new IncidentFigures(config.classification(), config.sla(), now,
          config.alertmanager().isPresent() ? Instant.MIN : Instant.MAX);
      IncidentDatabase database = lease.database();
      database.subscribe(figures);
      HeartbeatState heartbeat = new HeartbeatState(config.heartbeatAlertname(), database.heartbeat(config.heartbeatAlertname()));
      IncidentFigures subscribed = figures;
      Optional<SilencePoller> poller = config.alertmanager()
          .map(api -> new SilencePoller(api, database, subscribed, context.clock()));
      if (config.webhookAuth().open()) {
        log.warn("the incident webhook accepts unauthenticated posts: set webhook.auth.bearer_token_file or basic_auth");
      }
      IncidentsService service = new IncidentsService(config, lease, figures, heartbeat, poller, context);
      poller.ifPresent(SilencePoller::start);
      return service;
    } catch (SQLException | RuntimeException e) {
      if (figures != null) {
        lease.database().unsubscribe(figures);
      }
      lease.close();
      throw new ConfigException("cannot load incidents from " + config.storage().describe() + ": " + e.getMessage(), e);
    }
  }

  private List<String> status(HeartbeatState heartbeat) {
    List<String> lines = new ArrayList<>();
    lines.add("Heartbeat (" + heartbeat.alertname() + "): "
        + heartbeat.lastSeen().map(at -> "last received " + at).orElse("never received"));
    if (poller.isEmpty()) {
      lines.add("Silences: not polled (no alertmanager configured); acknowledge through POST /api/acknowledge");
    } else {
      SilencePoller p = poller.get();
      lines.add("Silences: " + (p.lastPollSucceeded() ? "last read " + p.lastSuccess().orElseThrow()
          : "last poll failed: " + p.lastError().orElse("not polled yet")));
    }
    return lines;
  }

  @Override
  public Map<String, SayproCollector> collectors() {
    return collectors;
  }

  @Override
  public List<Route> routes() {
    return routes;
  }

  @Override
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add("incident store: " + config.storage().describe());
    lines.add("webhook authentication: " + config.webhookAuth() + ", body cap " + config.maxBodyBytes() + " bytes");
    lines.add("acknowledge endpoint: " + config.acknowledgeAuth().map(Object::toString).orElse("switched off"));
    lines.add("silences polled from: " + config.alertmanager()
        .map(a -> a.urls() + " every " + a.pollInterval()).orElse("nowhere"));
    lines.add("heartbeat alert: " + config.heartbeatAlertname());
    lines.add("teams with their own series: " + (config.classification().teams().isEmpty() ? "none (all \"other\")"
        : String.join(", ", new java.util.TreeSet<>(config.classification().teams()))));
    return lines;
  }

  @Override
  public void close() {
    poller.ifPresent(SilencePoller::close);
    lease.database().unsubscribe(figures);
    lease.close();
  }
}
