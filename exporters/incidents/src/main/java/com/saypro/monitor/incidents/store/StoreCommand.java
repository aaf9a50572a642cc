package com.saypro.monitor.incidents.store;

import com.saypro.monitor.incidents.store.IncidentEvent.AckSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A unit of work for the store's single writer; each is durable before its future completes. */
public sealed interface StoreCommand {
  /** One webhook notification: its alerts, and whether it carried the heartbeat alert. */
  record RecordAlerts(List<AlertNotice> alerts, Optional<String> heartbeat, Instant receivedAt)
      implements StoreCommand {
    public RecordAlerts {
      alerts = List.copyOf(alerts);
    }
  }

  /** Acknowledgements, each of a known incident (the caller read it first). */
  record Acknowledge(List<AckRequest> requests) implements StoreCommand {
    public Acknowledge {
      requests = List.copyOf(requests);
    }
  }

  /** One acknowledgement; it takes effect only if the incident is not acknowledged yet. */
  record AckRequest(IncidentKey key, String severity, String team, Instant at, String by, AckSource source) {}

  /**
   * One alert of a notification, validated and trimmed to the store's column sizes.
   *
   * @param endsAt for a resolved alert, when it resolved
   * @param labelsJson the labels as the store's JSON column holds them ({@code LabelsJson}), written
   *     where the notice is made (the request's thread, in parallel) rather than by the single writer
   */
  record AlertNotice(
      String fingerprint,
      boolean firing,
      String alertname,
      String severity,
      String team,
      Map<String, String> labels,
      String summary,
      Instant startsAt,
      Instant endsAt,
      String labelsJson) {
    public AlertNotice {
      labels = Labels.copyOf(labels);
    }

    public AlertNotice(String fingerprint, boolean firing, String alertname, String severity, String team,
        Map<String, String> labels, String summary, Instant startsAt, Instant endsAt) {
      this(fingerprint, firing, alertname, severity, team, labels, summary, startsAt, endsAt, LabelsJson.write(labels));
    }

    public IncidentKey key() {
      return IncidentKey.of(fingerprint, startsAt);
    }
  }
}
