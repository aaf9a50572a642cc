package com.saypro.monitor.demo.faults;

import com.saypro.monitor.demo.logs.AppLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The faults in force, scheduled or active, and the decisions they imply per request. Time comes
 * from the injected clock and chance from the injected random, so a test can schedule a fault,
 * move the clock, and count declines deterministically.
 */
public final class FaultBook {
  private final Clock clock;
  private final Random random;
  private final AppLog.Source log;
  /** By numeric id, so "the first matching fault" is the oldest. */
  private final Map<Long, Fault> faults = new TreeMap<>();
  private final Set<String> announcedActive = new HashSet<>();
  private long nextId = 1;

  public FaultBook(Clock clock, Random random, AppLog.Source log) {
    this.clock = clock;
    this.random = random;
    this.log = log;
  }

  public Instant now() {
    return clock.instant();
  }

  /** Stores a fault built from {@code spec}, with a new id. */
  public synchronized Fault add(FaultSpec spec) {
    long number = nextId++;
    Fault fault = spec.toFault("f-" + number, clock.instant());
    faults.put(number, fault);
    refresh();
    return fault;
  }

  /** Scheduled and active faults, oldest first; expired ones are dropped. */
  public synchronized List<Fault> list() {
    refresh();
    return List.copyOf(faults.values());
  }

  public synchronized Optional<Fault> get(String id) {
    refresh();
    return faults.values().stream().filter(f -> f.id().equals(id)).findFirst();
  }

  public synchronized boolean remove(String id) {
    for (Map.Entry<Long, Fault> entry : faults.entrySet()) {
      if (entry.getValue().id().equals(id)) {
        faults.remove(entry.getKey());
        cleared(entry.getValue());
        return true;
      }
    }
    return false;
  }

  public synchronized void clear() {
    for (Fault fault : faults.values()) {
      cleared(fault);
    }
    faults.clear();
  }

  /** The delay and failure for one request to {@code target} ({@code gatewayName} may be null). */
  public synchronized Decision decide(String target, String gatewayName) {
    Instant now = clock.instant();
    refresh();
    int latency = 0;
    Fault failure = null;
    for (Fault fault : faults.values()) {
      if (!fault.activeAt(now) || !fault.matches(target, gatewayName)) {
        continue;
      }
      if (fault.type() == FaultType.LATENCY) {
        if (hits(fault.rate())) {
          latency += fault.latencyMs();
        }
      } else if (failure == null && (fault.type() == FaultType.DOWN || hits(fault.rate()))) {
        failure = fault;
      }
    }
    return latency == 0 && failure == null ? Decision.NONE : new Decision(latency, failure);
  }

  /** Whether an active fault closes the listener of {@code target} ({@code site} or {@code gateway}). */
  public synchronized boolean refused(String target) {
    Instant now = clock.instant();
    refresh();
    return faults.values().stream().anyMatch(f -> f.activeAt(now) && f.target().equals(target)
        && f.type() == FaultType.DOWN && f.mode() == DownMode.REFUSED);
  }

  private boolean hits(double rate) {
    return rate >= 1.0 || random.nextDouble() < rate;
  }

  /** Drops expired faults and logs the transitions since the last look. */
  private void refresh() {
    Instant now = clock.instant();
    List<Long> expired = new ArrayList<>();
    for (Map.Entry<Long, Fault> entry : faults.entrySet()) {
      Fault fault = entry.getValue();
      if (fault.expiredAt(now)) {
        expired.add(entry.getKey());
      } else if (fault.activeAt(now) && announcedActive.add(fault.id())) {
        event(log.info("fault_activated"), fault).log("fault " + fault.id() + " active: "
            + fault.type().label() + " on " + fault.target());
      }
    }
    for (Long key : expired) {
      Fault fault = faults.remove(key);
      announcedActive.remove(fault.id());
      event(log.info("fault_expired"), fault).log("fault " + fault.id() + " expired");
    }
  }

  private void cleared(Fault fault) {
    announcedActive.remove(fault.id());
    event(log.info("fault_cleared"), fault).log("fault " + fault.id() + " cleared");
  }

  private static AppLog.Event event(AppLog.Event event, Fault fault) {
    return event.with("fault_id", fault.id()).with("target", fault.target()).with("type", fault.type().label());
  }
}
