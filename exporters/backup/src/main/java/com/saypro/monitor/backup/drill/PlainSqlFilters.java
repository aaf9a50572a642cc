package com.saypro.monitor.backup.drill;

import com.saypro.monitor.backup.process.StdinFilter;
import java.util.Locale;

/**
 * What a drill lets through from a plain SQL dump into {@code psql} or {@code mariadb}: SQL, and
 * only the client commands the dump tools write themselves. A dump that connects elsewhere, creates
 * or drops databases or runs shell commands is refused, so a restore stays in the scratch database.
 */
final class PlainSqlFilters {
  private PlainSqlFilters() {}

  /** For psql: COPY data passes untouched; outside it, only the end-of-data mark and restrict/unrestrict. */
  static StdinFilter postgresql() {
    return new StdinFilter() {
      private boolean inCopy;

      @Override
      public String refuse(String line) {
        if (inCopy) {
          if (line.equals("\\.")) {
            inCopy = false;
          }
          return null;
        }
        String lower = line.stripLeading().toLowerCase(Locale.ROOT);
        if (lower.startsWith("copy ") && lower.endsWith("from stdin;")) {
          inCopy = true;
          return null;
        }
        if (lower.startsWith("\\")) {
          if (lower.startsWith("\\restrict ") || lower.startsWith("\\unrestrict ") || lower.equals("\\.")) {
            return null;
          }
          return lower.startsWith("\\c") ? "the dump switches database (a connect command): dump without -C"
              : "the dump runs a psql command other than pg_dump's own";
        }
        return databaseStatement(lower);
      }
    };
  }

  /** For mariadb/mysql: no USE, no database DDL, no client commands (system, source, connect). */
  static StdinFilter mysql() {
    return line -> {
      String lower = line.stripLeading().toLowerCase(Locale.ROOT);
      if (lower.startsWith("use ") || lower.startsWith("use`")) {
        return "the dump switches database (USE): dump one database without --databases";
      }
      if (lower.startsWith("\\") || lower.startsWith("system ") || lower.startsWith("source ")
          || lower.startsWith("connect ") || lower.startsWith("\\.")) {
        return "the dump runs a client command";
      }
      return databaseStatement(lower);
    };
  }

  private static String databaseStatement(String lower) {
    if (lower.startsWith("create database") || lower.startsWith("drop database") || lower.startsWith("alter database")
        || lower.startsWith("create schema if not exists mysql")) {
      return "the dump creates or drops databases: dump one database without them";
    }
    return null;
  }
}
