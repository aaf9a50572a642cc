package com.saypro.monitor.incidents.store;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.incidents.config.StorageConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * The stores open in this process, counted by use. A reload builds the new exporter while the old
 * one still answers; both must write through the same single writer, or the new figures could miss
 * a notification the old exporter committed during the swap. So an exporter borrows its store here
 * and gives it back on close; the store closes with its last user.
 *
 * <p>One instance per exporter definition (not static): tests and {@code all} stay independent.
 */
public final class SharedStores {
  private final Map<StorageConfig, Entry> open = new HashMap<>();

  private static final class Entry {
    final IncidentDatabase database;
    int users;

    Entry(IncidentDatabase database) {
      this.database = database;
    }
  }

  /** A borrowed store; closing it gives it back. */
  public final class Lease implements AutoCloseable {
    private final StorageConfig config;
    private final IncidentDatabase database;
    private boolean released;

    private Lease(StorageConfig config, IncidentDatabase database) {
      this.config = config;
      this.database = database;
    }

    public IncidentDatabase database() {
      return database;
    }

    @Override
    public void close() {
      synchronized (SharedStores.this) {
        if (released) {
          return;
        }
        released = true;
        Entry entry = open.get(config);
        if (entry != null && --entry.users == 0) {
          open.remove(config);
          entry.database.close();
        }
      }
    }
  }

  public synchronized Lease acquire(StorageConfig config) throws ConfigException {
    Entry entry = open.get(config);
    if (entry == null) {
      entry = new Entry(IncidentDatabase.open(config));
      open.put(config, entry);
    }
    entry.users++;
    return new Lease(config, entry.database);
  }
}
