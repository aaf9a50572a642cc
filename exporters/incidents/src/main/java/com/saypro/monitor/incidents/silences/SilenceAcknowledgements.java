package com.saypro.monitor.incidents.silences;

import com.saypro.monitor.incidents.store.IncidentEvent.AckSource;
import com.saypro.monitor.incidents.store.IncidentRecord;
import com.saypro.monitor.incidents.store.StoreCommand.AckRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which unacknowledged incidents a set of silences acknowledges, and when. A silence acknowledges an
 * incident if it matches its labels and was in force while the incident was open (it started before
 * the incident was resolved, or before {@code checkedAt} for an open one, and ended after the
 * incident started). The acknowledgement time is when the silence took effect, but never before the
 * incident began: a silence made ahead of planned maintenance acknowledges at the start.
 */
public final class SilenceAcknowledgements {
  private SilenceAcknowledgements() {}

  public static List<AckRequest> find(List<IncidentRecord> unacknowledged, List<Silence> silences, Instant checkedAt) {
    List<AckRequest> acks = new ArrayList<>();
    for (IncidentRecord incident : unacknowledged) {
      Instant openUntil = incident.resolvedAt().orElse(checkedAt);
      Instant started = incident.key().startsAt();
      Optional<Silence> earliest = Optional.empty();
      for (Silence silence : silences) {
        if (silence.startsAt().isAfter(openUntil) || !silence.endsAt().isAfter(started)
            || !silence.endsAt().isAfter(silence.startsAt()) || !silence.matches(incident.labels())) {
          continue;
        }
        if (earliest.isEmpty() || silence.startsAt().isBefore(earliest.get().startsAt())) {
          earliest = Optional.of(silence);
        }
      }
      earliest.ifPresent(silence -> {
        Instant at = silence.startsAt().isAfter(started) ? silence.startsAt() : started;
        String by = "silence " + silence.id() + " by " + silence.createdBy();
        acks.add(new AckRequest(incident.key(), incident.severity(), incident.team(), at,
            by.length() > 255 ? by.substring(0, 255) : by, AckSource.SILENCE));
      });
    }
    return acks;
  }
}
