package com.saypro.monitor.security.certs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private MariaDB server on a free loopback port, as the {@code mysql} system user, for the TLS tests (the
 * machine's server has {@code have_ssl=DISABLED}). Adapted from the database module's test kit (no dependency on
 * it): mariadb-install-db once, then {@link #start(List)} / {@link #stop()} with different TLS options on the same
 * data folder. Files the server must read go in {@link #directory()}, which is handed to {@code mysql}.
 */
final class ThrowawayMariadb implements AutoCloseable {
    static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");

    private final Path directory;
    private final int port;
    private Process server;

    private ThrowawayMariadb(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    static boolean available() {
        return Files.isExecutable(SERVER) && Files.isExecutable(INSTALL) && root();
    }

    /** Installs the system tables in a new temp folder; the server is not started yet. */
    static ThrowawayMariadb install() throws IOException {
        Path dir = Files.createTempDirectory("saypro-sec-maria-");
        chown(dir);
        run(as(INSTALL.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"), "--skip-test-db",
                "--auth-root-authentication-method=normal"), 180);
        return new ThrowawayMariadb(dir, freePort());
    }

    Path directory() {
        return directory;
    }

    int port() {
        return port;
    }

    /** Gives the folder (certificates and keys written by the test included) to {@code mysql}. */
    void handOver() {
        chown(directory);
    }

    /**
     * Starts mariadbd with these extra options and waits until it says "ready for connections" (once more than
     * before in its error log) and listens: the port alone can accept before the server answers.
     */
    synchronized void start(List<String> options) throws IOException {
        int readyBefore = readyCount();
        List<String> command = new ArrayList<>(as(SERVER.toString(), "--no-defaults",
                "--datadir=" + directory.resolve("data"), "--port=" + port,
                "--socket=" + directory.resolve("mysqld.sock"), "--bind-address=127.0.0.1",
                "--pid-file=" + directory.resolve("mysqld.pid"), "--skip-log-bin", "--innodb-buffer-pool-size=16M",
                "--innodb-log-file-size=8M", "--log-error=" + directory.resolve("error.log")));
        command.addAll(options);
        server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("stdout.log").toFile())).start();
        com.saypro.monitor.core.testkit.Await.until("mariadbd ready on its port (error log: "
                + directory.resolve("error.log") + ")", java.time.Duration.ofSeconds(60), () -> {
            if (!server.isAlive()) {
                throw new AssertionError("mariadbd exited:\n" + errorLog());
            }
            return readyCount() > readyBefore && accepts();
        });
    }

    private int readyCount() {
        String log = errorLog();
        int count = 0;
        for (int i = log.indexOf("ready for connections"); i >= 0; i = log.indexOf("ready for connections", i + 1)) {
            count++;
        }
        return count;
    }

    String errorLog() {
        try {
            Path log = directory.resolve("error.log");
            return Files.exists(log) ? Files.readString(log) : "(no error log)";
        } catch (IOException e) {
            return "(error log unreadable: " + e.getMessage() + ")";
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL to runuser and mariadbd, then waits until both have exited and the port is free. */
    synchronized void stop() {
        if (server == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(server.descendants().toList());
        all.add(server.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        try {
            for (ProcessHandle process : all) {
                process.onExit().get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("mariadbd did not exit: " + e);
        }
        server = null;
        // the port is released with the process; this only covers the kernel's lag
        com.saypro.monitor.core.testkit.Await.until("mariadbd's port to be free", java.time.Duration.ofSeconds(30),
                () -> !accepts());
    }

    @Override
    public void close() {
        stop();
        try {
            run(List.of("rm", "-rf", directory.toString()), 60);
        } catch (IllegalStateException ignored) {
            // best effort: a temp folder left behind is not a test failure
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> as(String... command) {
        List<String> out = new ArrayList<>(List.of("runuser", "-u", "mysql", "--"));
        out.addAll(List.of(command));
        return out;
    }

    private static void chown(Path path) {
        run(List.of("chown", "-R", "mysql:", path.toString()), 30);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String run(List<String> command, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds
                        + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ":\n"
                        + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
