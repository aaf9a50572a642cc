package com.saypro.monitor.backup.drill;

import com.saypro.monitor.backup.config.DatabaseEndpoint;
import com.saypro.monitor.backup.process.Command;
import com.saypro.monitor.backup.process.CommandResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL scratch database, through {@code psql} and {@code pg_restore}. Custom and tar dumps
 * go to {@code pg_restore --no-owner --no-privileges --exit-on-error}; plain SQL (optionally .gz)
 * is streamed to {@code psql} through {@link PlainSqlFilters#postgresql()}. The database carries a
 * comment marking it as a drill's, and an existing database without it is never dropped.
 */
final class PostgresScratch implements ScratchDatabase {
  static final String MARKER = "saypro-backup-drill scratch database";

  private final DatabaseEndpoint scratch;
  private final String psql;
  private final String pgRestore;
  private final Commands commands;

  PostgresScratch(DatabaseEndpoint scratch, String psql, String pgRestore, Commands commands) {
    this.scratch = scratch;
    this.psql = psql;
    this.pgRestore = pgRestore;
    this.commands = commands;
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    scratch.password().ifPresent(p -> env.put("PGPASSWORD", p.reveal()));
    env.put("PGCONNECT_TIMEOUT", "10");
    env.put("PGAPPNAME", "saypro-backup-drill");
    env.put("PSQLRC", "/dev/null");
    return env;
  }

  private List<String> psql(String database) {
    return new ArrayList<>(List.of(psql, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", scratch.host(),
        "-p", String.valueOf(scratch.port()), "-U", scratch.user(), "-d", database));
  }

  private CommandResult maintenance(String sql, Instant deadline, DrillFailure onFailure, String step)
      throws DrillException, InterruptedException {
    List<String> argv = psql(scratch.maintenanceDatabase());
    argv.addAll(List.of("-c", sql));
    return commands.run(Command.of(argv, env(), commands.left(deadline)), onFailure, step);
  }

  private String quoted() {
    return "\"" + scratch.database() + "\""; // a validated identifier: letters, digits, _
  }

  /** SQLSTATE duplicate_database, printed by psql with VERBOSITY=verbose whatever the server's language. */
  private static final String DUPLICATE_DATABASE = "42P04";

  /**
   * Creates and marks the scratch database in one psql; only when it already exists (a drill that
   * could not drop it, or someone else's database) does it look at the marker, drop a marked one
   * and create it again. The common case costs one client start.
   */
  @Override
  public void create(Instant deadline) throws DrillException, InterruptedException {
    List<String> argv = createArgv();
    argv.addAll(2, List.of("-v", "VERBOSITY=verbose"));
    CommandResult first = commands.attempt(Command.of(argv, env(), commands.left(deadline)), "create scratch database");
    if (first.ok()) {
      return;
    }
    if (!first.stderr().contains(DUPLICATE_DATABASE)) {
      throw new DrillException(DrillFailure.SCRATCH_FAILED, "create scratch database: " + first.reason(psql));
    }
    replaceLeftover(deadline);
  }

  private List<String> createArgv() {
    // one psql for both: each -c runs on its own (CREATE DATABASE cannot run in a transaction)
    List<String> argv = psql(scratch.maintenanceDatabase());
    argv.addAll(List.of("-c", "CREATE DATABASE " + quoted(), "-c", "COMMENT ON DATABASE " + quoted() + " IS '" + MARKER + "'"));
    return argv;
  }

  private void replaceLeftover(Instant deadline) throws DrillException, InterruptedException {
    // one row when the database exists: "x" followed by its comment
    String existing = maintenance("SELECT 'x' || coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database"
        + " WHERE datname = '" + scratch.database() + "'", deadline, DrillFailure.SCRATCH_FAILED, "check scratch database")
        .stdout().strip();
    if (!existing.isEmpty()) {
      if (!existing.equals("x" + MARKER)) {
        throw new DrillException(DrillFailure.SCRATCH_FAILED, "database " + scratch.database()
            + " exists and was not created by a drill; the drill will not drop it");
      }
      drop(deadline);
    }
    commands.run(Command.of(createArgv(), env(), commands.left(deadline)), DrillFailure.SCRATCH_FAILED,
        "create scratch database");
  }

  @Override
  public void restore(Path dump, Instant deadline) throws DrillException, InterruptedException {
    if (archive(dump)) {
      List<String> argv = List.of(pgRestore, "--no-owner", "--no-privileges", "--exit-on-error", "-h", scratch.host(),
          "-p", String.valueOf(scratch.port()), "-U", scratch.user(), "-d", scratch.database(), dump.toString());
      commands.run(Command.of(argv, env(), commands.left(deadline)), DrillFailure.RESTORE_FAILED, "restore");
    } else {
      commands.run(Command.of(psql(scratch.database()), env(), commands.left(deadline))
          .withStdin(dump, PlainSqlFilters.postgresql()), DrillFailure.RESTORE_FAILED, "restore");
    }
  }

  /** pg_dump's custom format starts with PGDMP; its tar format is a ustar archive. */
  static boolean archive(Path dump) throws DrillException {
    if (!Files.isRegularFile(dump)) {
      return false; // a pipe or device is streamed as plain SQL (pg_restore needs a seekable archive)
    }
    byte[] head = new byte[512];
    try (InputStream in = Files.newInputStream(dump)) {
      int n = in.readNBytes(head, 0, head.length);
      if (n >= 5 && new String(head, 0, 5, StandardCharsets.US_ASCII).equals("PGDMP")) {
        return true;
      }
      return n >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    } catch (IOException e) {
      throw new DrillException(DrillFailure.NO_BACKUP, "the dump cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  @Override
  public List<Long> count(List<String> tables, Instant deadline) throws DrillException, InterruptedException {
    List<String> argv = psql(scratch.database());
    argv.addAll(List.of("-c", countSql(tables)));
    String out = commands.run(Command.of(argv, env(), commands.left(deadline)), DrillFailure.VERIFY_FAILED, "verify")
        .stdout();
    return DrillRunner.parseCounts(out, tables.size());
  }

  /**
   * One psql: the counts on the scratch database, then {@code \c} to the maintenance database and the
   * drop. ON_ERROR_STOP ends it at a failed count, before the drop: the runner then drops it itself.
   */
  @Override
  public List<Long> countAndDrop(List<String> tables, Instant deadline) throws DrillException, InterruptedException {
    List<String> argv = psql(scratch.database());
    argv.addAll(List.of("-c", countSql(tables), "-c", "\\c " + scratch.maintenanceDatabase(),
        "-c", "DROP DATABASE IF EXISTS " + quoted()));
    String out = commands.run(Command.of(argv, env(), commands.left(deadline)), DrillFailure.VERIFY_FAILED,
        "verify and drop scratch database").stdout();
    return DrillRunner.parseCounts(out, tables.size());
  }

  private static String countSql(List<String> tables) {
    List<String> selects = new ArrayList<>();
    for (String table : tables) {
      String quotedTable = "\"" + table.replace(".", "\".\"") + "\"";
      selects.add("(SELECT count(*) FROM " + quotedTable + ")");
    }
    return "SELECT " + String.join(", ", selects);
  }

  @Override
  public void drop(Instant deadline) throws DrillException, InterruptedException {
    maintenance("DROP DATABASE IF EXISTS " + quoted(), deadline, DrillFailure.SCRATCH_FAILED, "drop scratch database");
  }
}
