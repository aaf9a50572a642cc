package com.saypro.monitor.database.testdb;

import com.saypro.monitor.core.testkit.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private MariaDB server for one test class, on a free loopback port, that tests may stop and
 * start without touching the machine's shared server. Runs as the {@code mysql} system user; root
 * logs in over TCP without a password.
 */
public final class ThrowawayMariadb implements AutoCloseable {
  private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
  private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");

  private final Path directory;
  private final int port;
  private final List<String> serverOptions;
  private Process server;

  private ThrowawayMariadb(Path directory, int port, List<String> serverOptions) {
    this.directory = directory;
    this.port = port;
    this.serverOptions = List.copyOf(serverOptions);
  }

  public static ThrowawayMariadb start() {
    return start(List.of("--skip-log-bin"));
  }

  /** With these server options in place of {@code --skip-log-bin} (e.g. a binary log and a server id). */
  public static ThrowawayMariadb start(List<String> serverOptions) {
    Processes.require(SERVER, "mariadb-server");
    Processes.require(INSTALL, "mariadb-server");
    try {
      Path dir = Files.createTempDirectory("saypro-maria-");
      Processes.chown(dir, "mysql");
      Processes.run(Processes.as("mysql", INSTALL.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
          "--auth-root-authentication-method=normal", "--skip-test-db"), 180);
      ThrowawayMariadb maria = new ThrowawayMariadb(dir, Ports.free(), serverOptions);
      maria.startServer();
      return maria;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized void startServer() {
    try {
      List<String> command = new ArrayList<>(Processes.as("mysql", SERVER.toString(), "--no-defaults",
          "--datadir=" + directory.resolve("data"), "--port=" + port, "--socket=" + directory.resolve("mysqld.sock"),
          "--bind-address=127.0.0.1", "--pid-file=" + directory.resolve("mysqld.pid"),
          "--innodb-buffer-pool-size=16M", "--innodb-log-file-size=8M",
          "--log-error=" + directory.resolve("error.log")));
      command.addAll(serverOptions);
      server = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(directory.resolve("stdout.log").toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Process started = server;
    com.saypro.monitor.core.testkit.Await.until("mariadbd to listen (see " + directory.resolve("error.log") + ")",
        java.time.Duration.ofSeconds(60), () -> {
          if (!started.isAlive()) {
            throw new AssertionError("mariadbd exited: see " + directory.resolve("error.log"));
          }
          return accepts();
        });
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops the server: SIGTERM, or SIGKILL for {@code immediate} (a crash). */
  public synchronized void stopServer(boolean immediate) {
    if (server == null) {
      return;
    }
    // runuser forwards signals to the server it started
    if (immediate) {
      server.children().forEach(ProcessHandle::destroyForcibly);
      server.destroyForcibly();
    } else {
      server.destroy();
    }
    try {
      server.waitFor(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server = null;
  }

  public int port() {
    return port;
  }

  public String url(String database) {
    return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
  }

  public Sql admin() {
    return Sql.connect(url(""), "root", null);
  }

  /** A login with the least privileges the README documents. */
  public void createMonitor(String user, String password) {
    try (Sql admin = admin()) {
      admin.run("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password.replace("'", "''") + "'",
          "GRANT PROCESS, REPLICATION CLIENT, SLAVE MONITOR, SELECT ON *.* TO '" + user + "'@'%'");
    }
  }

  /** Server sessions of {@code user} right now ({@code SHOW PROCESSLIST}). */
  public int sessionsOf(String user) {
    try (Sql admin = admin()) {
      return (int) admin.number("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = '" + user + "'");
    }
  }

  @Override
  public void close() {
    stopServer(true);
    Processes.deleteTree(directory);
  }
}
