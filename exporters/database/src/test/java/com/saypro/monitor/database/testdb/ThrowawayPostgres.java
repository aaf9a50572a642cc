package com.saypro.monitor.database.testdb;

import com.saypro.monitor.core.testkit.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server for one test class, on a free loopback port, with password
 * (scram-sha-256) authentication, that tests may stop and start at will without touching the
 * machine's shared server. Runs as the {@code postgres} system user.
 */
public final class ThrowawayPostgres implements AutoCloseable {
  private final Path directory;
  private final Path bin;
  private final int port;
  private final String superPassword;

  private ThrowawayPostgres(Path directory, Path bin, int port, String superPassword) {
    this.directory = directory;
    this.bin = bin;
    this.port = port;
    this.superPassword = superPassword;
  }

  /** Creates the cluster and starts it. */
  public static ThrowawayPostgres start() {
    Path bin = postgresBin();
    try {
      Path dir = Files.createTempDirectory("saypro-pg-");
      ThrowawayPostgres pg = new ThrowawayPostgres(dir, bin, Ports.free(), "super-" + UUID.randomUUID());
      Files.writeString(dir.resolve("pwfile"), pg.superPassword + "\n");
      Processes.chown(dir, "postgres");
      Processes.run(Processes.as("postgres", bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
          "-U", "postgres", "-A", "scram-sha-256", "--pwfile=" + dir.resolve("pwfile"), "-E", "UTF8", "--no-sync"), 120);
      pg.startServer();
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A streaming replica of {@code primary} ({@code pg_basebackup -R}: a standby with a WAL receiver),
   * started on its own free port. The primary's default {@code pg_hba.conf} allows replication from
   * 127.0.0.1 with the superuser's password, which reaches pg_basebackup through a password file.
   */
  public static ThrowawayPostgres replicaOf(ThrowawayPostgres primary) {
    try {
      Path dir = Files.createTempDirectory("saypro-pg-replica-");
      Path passfile = dir.resolve("pgpass");
      Files.writeString(passfile, "127.0.0.1:" + primary.port + ":*:postgres:" + primary.superPassword + "\n");
      Files.setPosixFilePermissions(passfile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      Processes.chown(dir, "postgres");
      ThrowawayPostgres replica = new ThrowawayPostgres(dir, primary.bin, Ports.free(), primary.superPassword);
      List<String> command = new java.util.ArrayList<>(List.of("env", "PGPASSFILE=" + passfile));
      command.addAll(Processes.as("postgres", primary.bin.resolve("pg_basebackup").toString(),
          "-h", "127.0.0.1", "-p", Integer.toString(primary.port), "-U", "postgres",
          "-D", dir.resolve("data").toString(), "-R", "-X", "stream", "--no-sync"));
      Processes.run(command, 120);
      replica.startServer();
      return replica;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path postgresBin() {
    Path base = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(base)) {
      throw new AssertionError("PostgreSQL server binaries are missing: apt-get install -y postgresql");
    }
    try (Stream<Path> versions = Files.list(base)) {
      Path newest = versions.max(Comparator.comparing(p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D", "0"))))
          .orElseThrow(() -> new AssertionError("no PostgreSQL under /usr/lib/postgresql: apt-get install -y postgresql"));
      Processes.require(newest.resolve("bin/initdb"), "postgresql");
      return newest.resolve("bin");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void startServer() {
    Processes.run(Processes.as("postgres", bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(),
        "-l", directory.resolve("server.log").toString(), "-w", "-t", "60",
        "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), 90);
  }

  /** Stops the server; {@code immediate} kills it the way a crash would, mid-query. */
  public void stopServer(boolean immediate) {
    Processes.run(Processes.as("postgres", bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(),
        "-m", immediate ? "immediate" : "fast", "-w", "-t", "60", "stop"), 90);
  }

  public int port() {
    return port;
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** A superuser session (for set-up and for watching {@code pg_stat_activity}). */
  public Sql admin() {
    return Sql.connect(url("postgres"), "postgres", superPassword);
  }

  /** Creates a {@code pg_monitor} login with the given password. */
  public void createMonitor(String user, String password) {
    try (Sql admin = admin()) {
      admin.run("CREATE ROLE " + user + " LOGIN PASSWORD '" + password.replace("'", "''") + "'",
          "GRANT pg_monitor TO " + user);
    }
  }

  /** Server sessions of {@code user} right now. */
  public int sessionsOf(String user) {
    try (Sql admin = admin()) {
      return (int) admin.number("SELECT count(*) FROM pg_stat_activity WHERE usename = '" + user + "'");
    }
  }

  @Override
  public void close() {
    try {
      stopServer(true);
    } catch (IllegalStateException alreadyStopped) {
      // stopped by the test
    }
    Processes.deleteTree(directory);
  }

  List<String> describe() {
    return List.of("throwaway PostgreSQL on 127.0.0.1:" + port + " in " + directory);
  }
}
