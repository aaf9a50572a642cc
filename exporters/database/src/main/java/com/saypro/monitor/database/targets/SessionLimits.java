package com.saypro.monitor.database.targets;

import com.saypro.monitor.database.config.TargetConfig;
import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;

/**
 * The server-side limits every exporter session runs under, so no exporter query can hold the
 * database, whatever happens to the exporter: PostgreSQL {@code statement_timeout} and {@code
 * lock_timeout} (as startup options, so they apply before the first query); MySQL {@code
 * max_execution_time}, MariaDB {@code max_statement_time}, and both engines' {@code
 * lock_wait_timeout} and {@code innodb_lock_wait_timeout} (set once per new connection, with
 * version comments so each server reads only its own variable). Sessions are read-only, and
 * socket timeouts make a frozen server look like a failure instead of a hang.
 */
final class SessionLimits {
  private SessionLimits() {}

  static void apply(TargetConfig target, HikariConfig pool) {
    long statementMillis = target.statementTimeout().toMillis();
    long lockMillis = target.lockTimeout().toMillis();
    Duration socket = target.statementTimeout().plusSeconds(5);
    switch (target.engine()) {
      case POSTGRESQL -> {
        pool.addDataSourceProperty(
            "options",
            "-c statement_timeout=" + statementMillis + " -c lock_timeout=" + lockMillis
                + " -c idle_in_transaction_session_timeout=" + Math.max(statementMillis, 10_000));
        pool.addDataSourceProperty("ApplicationName", "saypro-monitor");
        pool.addDataSourceProperty("readOnlyMode", "always");
        pool.addDataSourceProperty("connectTimeout", String.valueOf(ceilSeconds(target.connectTimeout())));
        pool.addDataSourceProperty("socketTimeout", String.valueOf(ceilSeconds(socket)));
        pool.addDataSourceProperty("tcpKeepAlive", "true");
      }
      case MYSQL -> {
        long lockSeconds = Math.max(1, ceilSeconds(target.lockTimeout()));
        pool.setConnectionInitSql(
            "SET SESSION lock_wait_timeout = " + lockSeconds + ", innodb_lock_wait_timeout = " + lockSeconds
                + " /*M!100108 , max_statement_time = " + statementMillis / 1000.0 + " */"
                + " /*!80000 , max_execution_time = " + statementMillis + " */");
        pool.addDataSourceProperty("connectTimeout", String.valueOf(target.connectTimeout().toMillis()));
        pool.addDataSourceProperty("socketTimeout", String.valueOf(socket.toMillis()));
        pool.addDataSourceProperty("connectionAttributes", "program_name:saypro-monitor");
        pool.addDataSourceProperty("tcpKeepAlive", "true");
      }
    }
  }

  static long ceilSeconds(Duration d) {
    return Math.max(1, (d.toMillis() + 999) / 1000);
  }
}
