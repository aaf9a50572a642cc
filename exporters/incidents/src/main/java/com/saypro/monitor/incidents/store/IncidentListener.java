package com.saypro.monitor.incidents.store;

/** Something kept in memory from the store: rebuilt once from every row, then kept current by events. */
public interface IncidentListener {
  /** One stored incident, during the rebuild at subscription. */
  void replay(IncidentRecord record);

  /** A committed change. */
  void apply(IncidentEvent event);
}
