package com.saypro.monitor.database.collectors;

/**
 * A collection failed for a reason already made safe to show (see {@link
 * com.saypro.monitor.database.targets.SafeErrors}). It carries no cause, so no driver message that
 * nobody cleaned can reach a log through a stack trace.
 */
public final class CollectionFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  public CollectionFailedException(String safeMessage) {
    super(safeMessage, null, false, false);
  }
}
