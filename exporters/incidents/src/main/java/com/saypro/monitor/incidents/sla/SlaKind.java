package com.saypro.monitor.incidents.sla;

import java.util.Locale;

/** The two promises measured: a response (acknowledgement) and a resolution in time. */
public enum SlaKind {
  ACKNOWLEDGE,
  RESOLVE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
