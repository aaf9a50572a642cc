package com.saypro.monitor.incidents.store;

import java.time.Instant;

/**
 * A committed change to the store, handed to the in-memory figures after the commit succeeded (never
 * before: a figure must not count what a crash could still lose).
 */
public sealed interface IncidentEvent {
  IncidentKey key();

  /** The raw severity label value. */
  String severity();

  /** The raw team label value. */
  String team();

  /** A new incident; it may arrive already resolved (its firing notification was never received). */
  record Opened(IncidentRecord record) implements IncidentEvent {
    @Override
    public IncidentKey key() {
      return record.key();
    }

    @Override
    public String severity() {
      return record.severity();
    }

    @Override
    public String team() {
      return record.team();
    }
  }

  /** The first acknowledgement of an incident. */
  record Acknowledged(IncidentKey key, String severity, String team, Instant at, AckSource source)
      implements IncidentEvent {}

  /** The resolution of an open incident. */
  record Resolved(IncidentKey key, String severity, String team, Instant at) implements IncidentEvent {}

  /** How an incident was acknowledged. */
  enum AckSource {
    SILENCE,
    API
  }
}
