package com.saypro.monitor.backup.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.backup.process.StdinFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a plain SQL dump may send to psql or mariadb during a drill. */
class PlainSqlFiltersTest {
  private static String firstRefusal(StdinFilter filter, String... lines) {
    for (String line : lines) {
      String reason = filter.refuse(line);
      if (reason != null) {
        return reason;
      }
    }
    return null;
  }

  @Test
  void pgDumpOutputPassesIncludingCopyDataThatStartsWithBackslashes() {
    assertThat(firstRefusal(PlainSqlFilters.postgresql(),
        "\\restrict abc123", "SET statement_timeout = 0;", "COPY public.users (id, email) FROM stdin;",
        "\\N\tnull@example.org", "\\\\connect\tnot a command inside data", "\\.", "SELECT 1;", "\\unrestrict abc123"))
        .isNull();
  }

  @Test
  void psqlCommandsThatLeaveTheScratchDatabaseAreRefused() {
    for (List<String> dump : List.of(List.of("\\connect saypro"), List.of("\\c saypro"), List.of("\\! rm -rf /"),
        List.of("\\o /tmp/x"), List.of("CREATE DATABASE other;"), List.of("DROP DATABASE saypro;"),
        List.of("COPY t FROM stdin;", "1", "\\.", "\\connect other"))) {
      assertThat(firstRefusal(PlainSqlFilters.postgresql(), dump.toArray(new String[0]))).as(dump.toString()).isNotNull();
    }
  }

  @Test
  void mysqlDumpsThatSwitchDatabaseOrRunClientCommandsAreRefused() {
    assertThat(firstRefusal(PlainSqlFilters.mysql(), "/*!40101 SET NAMES utf8mb4 */;", "DELIMITER ;;",
        "INSERT INTO `users` VALUES (1,'a');", "DELIMITER ;")).isNull();
    for (String line : List.of("USE `saypro`;", "CREATE DATABASE /*!32312 IF NOT EXISTS*/ `saypro`;", "\\! id",
        "system id", "source /etc/passwd")) {
      assertThat(PlainSqlFilters.mysql().refuse(line)).as(line).isNotNull();
    }
  }
}
