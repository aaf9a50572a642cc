package com.saypro.monitor.incidents.silences;

import com.saypro.monitor.incidents.config.AlertmanagerApi;
import com.saypro.monitor.incidents.sla.IncidentFigures;
import com.saypro.monitor.incidents.store.IncidentDatabase;
import com.saypro.monitor.incidents.store.IncidentRecord;
import com.saypro.monitor.incidents.store.StoreCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code poll_interval}, reads Alertmanager's silences and acknowledges the incidents they
 * match. A failed poll is counted and shown, never fatal; response-SLA verdicts wait until a poll
 * has succeeded past their deadline (see {@link IncidentFigures}).
 */
public final class SilencePoller implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SilencePoller.class);
  private static final int MAX_CANDIDATES = 10_000;

  private final AlertmanagerApi api;
  private final AlertmanagerClient client;
  private final IncidentDatabase database;
  private final IncidentFigures figures;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private volatile boolean lastPollSucceeded;

  public SilencePoller(AlertmanagerApi api, IncidentDatabase database, IncidentFigures figures, Clock clock) {
    this.api = api;
    this.client = new AlertmanagerClient(api);
    this.database = database;
    this.figures = figures;
    this.clock = clock;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "incident-silence-poller");
      thread.setDaemon(true);
      return thread;
    });
  }

  public void start() {
    scheduler.scheduleWithFixedDelay(this::pollQuietly, 0, api.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void pollQuietly() {
    pollOnce();
  }

  /** One poll, now; false (counted and logged) when it failed. */
  public synchronized boolean pollOnce() {
    try {
      poll();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed(e);
      return false;
    } catch (Exception e) {
      failed(e);
      return false;
    }
  }

  private void poll() throws Exception {
    Instant checkedAt = clock.instant();
    List<Silence> silences = client.silences();
    List<IncidentRecord> candidates = database.unacknowledged(checkedAt.minus(api.lookback()), MAX_CANDIDATES);
    List<StoreCommand.AckRequest> acks = SilenceAcknowledgements.find(candidates, silences, checkedAt);
    if (!acks.isEmpty()) {
      int done = database.submit(new StoreCommand.Acknowledge(acks)).get(api.timeout().toMillis(), TimeUnit.MILLISECONDS).size();
      acknowledged.addAndGet(done);
    }
    figures.silencesCheckedUntil(checkedAt);
    lastSuccess.set(checkedAt);
    lastPollSucceeded = true;
  }

  private void failed(Exception e) {
    failures.incrementAndGet();
    lastPollSucceeded = false;
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (!message.equals(lastError.getAndSet(message))) {
      log.warn("silence poll failed (will retry every {}): {}", api.pollInterval(), message);
    }
  }

  public boolean lastPollSucceeded() {
    return lastPollSucceeded;
  }

  public long failures() {
    return failures.get();
  }

  public long acknowledged() {
    return acknowledged.get();
  }

  public Optional<Instant> lastSuccess() {
    return Optional.ofNullable(lastSuccess.get());
  }

  public Optional<String> lastError() {
    return lastPollSucceeded ? Optional.empty() : Optional.ofNullable(lastError.get());
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
