package com.saypro.monitor.backup.drill;

import com.saypro.monitor.backup.config.DatabaseEndpoint;
import com.saypro.monitor.backup.process.Command;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A MySQL/MariaDB scratch database, through the {@code mariadb} (or {@code mysql}) client with
 * {@code --one-database}: plain SQL dumps (optionally .gz) are streamed through {@link
 * PlainSqlFilters#mysql()}. A marker table shows the database is a drill's; an existing database
 * without it is never dropped.
 */
final class MysqlScratch implements ScratchDatabase {
  static final String MARKER_TABLE = "saypro_drill_scratch_marker";

  private final DatabaseEndpoint scratch;
  private final String client;
  private final Commands commands;

  MysqlScratch(DatabaseEndpoint scratch, String client, Commands commands) {
    this.scratch = scratch;
    this.client = client;
    this.commands = commands;
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    scratch.password().ifPresent(p -> env.put("MYSQL_PWD", p.reveal()));
    return env;
  }

  private List<String> client(String... extra) {
    List<String> argv = new ArrayList<>(List.of(client, "--no-defaults", "--protocol=TCP", "--connect-timeout=10",
        "-h", scratch.host(), "-P", String.valueOf(scratch.port()), "-u", scratch.user(), "--batch",
        "--skip-column-names"));
    argv.addAll(List.of(extra));
    return argv;
  }

  private String run(String sql, Instant deadline, DrillFailure onFailure, String step)
      throws DrillException, InterruptedException {
    return commands.run(Command.of(client("-e", sql), env(), commands.left(deadline)), onFailure, step).stdout();
  }

  private String quoted() {
    return "`" + scratch.database() + "`";
  }

  @Override
  public void create(Instant deadline) throws DrillException, InterruptedException {
    String db = scratch.database();
    String[] found = run("SELECT (SELECT count(*) FROM information_schema.schemata WHERE schema_name = '" + db + "'),"
        + " (SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + db + "' AND table_name = '"
        + MARKER_TABLE + "')", deadline, DrillFailure.SCRATCH_FAILED, "check scratch database").strip().split("\\s+");
    if (found.length == 2 && found[0].equals("1")) {
      if (!found[1].equals("1")) {
        throw new DrillException(DrillFailure.SCRATCH_FAILED, "database " + db
            + " exists and was not created by a drill; the drill will not drop it");
      }
      drop(deadline);
    }
    run("CREATE DATABASE " + quoted() + "; CREATE TABLE " + quoted() + ".`" + MARKER_TABLE + "` (created TIMESTAMP)",
        deadline, DrillFailure.SCRATCH_FAILED, "create scratch database");
  }

  @Override
  public void restore(Path dump, Instant deadline) throws DrillException, InterruptedException {
    commands.run(Command.of(client("--one-database", scratch.database()), env(), commands.left(deadline))
        .withStdin(dump, PlainSqlFilters.mysql()), DrillFailure.RESTORE_FAILED, "restore");
  }

  @Override
  public List<Long> count(List<String> tables, Instant deadline) throws DrillException, InterruptedException {
    List<String> selects = new ArrayList<>();
    for (String table : tables) {
      selects.add("(SELECT count(*) FROM " + quoted() + ".`" + table.replace(".", "`.`") + "`)");
    }
    String out = run("SELECT " + String.join(", ", selects), deadline, DrillFailure.VERIFY_FAILED, "verify");
    return DrillRunner.parseCounts(out, tables.size());
  }

  @Override
  public void drop(Instant deadline) throws DrillException, InterruptedException {
    run("DROP DATABASE IF EXISTS " + quoted(), deadline, DrillFailure.SCRATCH_FAILED, "drop scratch database");
  }
}
