package com.saypro.monitor.incidents;

import com.saypro.monitor.core.testkit.ExporterProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exporter in a JVM of its own, started the way the launcher starts it, so a test can really
 * kill it ({@code kill -9}) and start it again on the same state.
 */
public final class IncidentsProcess implements AutoCloseable {
  private final ExporterProcess exporter;
  private final Process process;

  private IncidentsProcess(ExporterProcess exporter) {
    this.exporter = exporter;
    this.process = exporter.process();
  }

  public static IncidentsProcess start(Path config, int port, Path log) {
    // tests start many short-lived exporters: the quick compiler starts them fastest
    return start(config, port, log, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
  }

  public static IncidentsProcess start(Path config, int port, Path log, List<String> jvmOptions) {
    return new IncidentsProcess(ExporterProcess.start("incidents", config, port, log, jvmOptions));
  }

  /** CPU time the process has used so far (user + system), from /proc; Linux only. */
  public Duration cpuTime() {
    try {
      String stat = java.nio.file.Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
      return Duration.ofMillis(ticks * 10); // USER_HZ is 100 on Linux
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * CPU time (user + system) of the process's live threads, summed by role: {@code jit} (C1/C2
   * compiler threads), {@code gc} (collector and VM threads), {@code http} (Jetty's pool), {@code
   * writer} (the store's writer), {@code other}. Linux only; a thread that ended is not counted.
   */
  public Map<String, Duration> cpuTimeByRole() {
    Map<String, Duration> roles = new TreeMap<>();
    try (java.util.stream.Stream<Path> tasks = java.nio.file.Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
      for (Path task : tasks.toList()) {
        String stat;
        try {
          stat = java.nio.file.Files.readString(task.resolve("stat"));
        } catch (IOException e) {
          continue; // the thread ended meanwhile
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        roles.merge(role(name), Duration.ofMillis(ticks * 10), Duration::plus);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return roles;
  }

  private static String role(String threadName) {
    if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
      return "jit";
    }
    if (threadName.startsWith("GC ") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
      return "gc";
    }
    if (threadName.startsWith("http-")) {
      return "http";
    }
    if (threadName.startsWith("incident-store")) {
      return "writer";
    }
    return "other";
  }

  public URI uri(String path) {
    return exporter.uri(path);
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  public void kill() throws InterruptedException {
    exporter.kill();
  }

  @Override
  public void close() {
    exporter.close();
  }
}
