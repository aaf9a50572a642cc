package com.saypro.monitor.incidents.sla;

/** The bounded labels of every incident series: classified severity and team. */
public record LabelKey(String severity, String team) implements Comparable<LabelKey> {
  @Override
  public int compareTo(LabelKey other) {
    int bySeverity = severity.compareTo(other.severity);
    return bySeverity != 0 ? bySeverity : team.compareTo(other.team);
  }
}
