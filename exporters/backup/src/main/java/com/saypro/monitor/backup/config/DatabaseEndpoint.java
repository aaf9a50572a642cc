package com.saypro.monitor.backup.config;

import com.saypro.monitor.core.config.Secret;
import java.util.Locale;
import java.util.Optional;

/**
 * A database on a server: a drill's scratch target (with the login used to create, restore into
 * and drop it) or the database its backups come from (which a drill never connects to).
 */
public record DatabaseEndpoint(
    String host, int port, String database, String user, Optional<Secret> password, String maintenanceDatabase) {

  /** Same server and same database name; host names compare case-insensitively, localhost = 127.0.0.1. */
  public boolean sameDatabase(DatabaseEndpoint other) {
    return port == other.port && normalHost(host).equals(normalHost(other.host)) && database.equals(other.database);
  }

  private static String normalHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("::1") || h.equals("[::1]") ? "127.0.0.1" : h;
  }

  /** For pages and messages: never the password. */
  public String describe() {
    return database + " on " + host + ":" + port;
  }
}
