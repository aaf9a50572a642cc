package com.saypro.monitor.incidents.bench;

import com.saypro.monitor.core.testkit.Ports;
import com.saypro.monitor.incidents.Alertmanager;
import com.saypro.monitor.incidents.IncidentsKit;
import com.saypro.monitor.incidents.IncidentsProcess;
import com.saypro.monitor.incidents.Payloads;
import com.saypro.monitor.incidents.Payloads.Alert;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark of {@code bench/incidents/run.sh} (not a test): the exporter in its own JVM on a
 * durable store, fed by concurrent senders posting notifications of 100 alerts each, every one
 * answered only after its commit. Reports notifications per second (new incidents, and repeats of
 * known ones) and the scrape latency with 2,000 and with 202,000 stored incidents.
 *
 * <p>Arguments: {@code sqlite} or a {@code storage:} YAML section for a server database.
 */
public final class IncidentsBench {
  private static final int ALERTS_PER_NOTIFICATION = 100;
  private static final int SENDERS = 8;
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  /** This JVM (the senders): its CPU time while a round runs is what the senders cost the machine. */
  private static final com.sun.management.OperatingSystemMXBean SELF =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;
  private final IncidentsProcess exporter;

  private IncidentsBench(int port, IncidentsProcess exporter) {
    this.port = port;
    this.exporter = exporter;
  }

  public static void main(String[] args) throws Exception {
    String label = args.length > 0 ? args[0] : "sqlite";
    String storage = args.length > 1 ? args[1] : "storage: {type: sqlite, path: incidents.db}\n";
    Path folder = IncidentsKit.folder();
    Path config = Files.writeString(folder.resolve("incidents.yml"), IncidentsKit.config(storage));
    int port = Ports.free();
    try (IncidentsProcess exporter = IncidentsProcess.start(config, port, folder.resolve("exporter.log"), jvmOptions())) {
      IncidentsBench bench = new IncidentsBench(port, exporter);
      bench.run(label, jvmOptions());
    }
  }

  /**
   * {@code -Xmx1g} (G1), or with {@code -Dbench.exporter.flags=launcher} the shipped launcher's flags
   * ({@code exporters/launcher/jvm.options}: SerialGC, 256 MiB), what users run; then {@code
   * -Dbench.exporter.jvm="-XX:StartFlightRecording=filename=x.jfr"} to profile the exporter.
   */
  private static List<String> jvmOptions() throws java.io.IOException {
    List<String> options = new ArrayList<>(List.of("-Xmx1g"));
    if (System.getProperty("bench.exporter.flags", "").equals("launcher")) {
      options.clear();
      for (String line : Files.readAllLines(Path.of("exporters/launcher/jvm.options"))) {
        if (!line.isBlank() && !line.strip().startsWith("#")) {
          options.add(line.strip());
        }
      }
    }
    String extra = System.getProperty("bench.exporter.jvm", "").trim();
    if (!extra.isEmpty()) {
      options.addAll(Arrays.asList(extra.split("\\s+")));
    }
    return options;
  }

  private void run(String store, List<String> flags) throws Exception {
    if (LIFECYCLE) {
      runLifecycle(store, flags);
      return;
    }
    // warm up the exporter's JIT on a scratch range of fingerprints
    send(0, 20, 4);
    double[] small = scrapeLatencies(200);
    // the first 1,000 new notifications run while the JIT compiles the webhook path (a freshly started
    // exporter); the next 1,000 show the steady state of one that has been running
    Rate cold = send(20, 1000, SENDERS);
    // -Dbench.warm.rounds=N: N warm rounds of 1,000, each reported, to see whether the JIT has settled
    int rounds = Integer.getInteger("bench.warm.rounds", 1);
    List<Rate> warm = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      warm.add(send(1020 + 1000 * round, 1000, SENDERS));
    }
    Rate repeats = send(1020, 500, SENDERS); // the same alerts again: what repeat_interval produces
    double[] large = scrapeLatencies(200);
    double ratio = median(large) / median(small);
    System.out.printf(Locale.ROOT, "store=%s senders=%d (%s) alerts_per_notification=%d fingerprints=%s%n", store, SENDERS,
        JDK_SENDER ? "JDK HttpClient" : "keep-alive sockets", ALERTS_PER_NOTIFICATION, HASHED ? "hashed" : "sequential");
    System.out.printf(Locale.ROOT, "exporter JVM flags: %s%n", String.join(" ", flags));
    System.out.printf(Locale.ROOT, "load average before: %s", Files.readString(Path.of("/proc/loadavg")));
    report("new incidents, JIT cold", cold);
    for (int round = 0; round < rounds; round++) {
      report(round == 0 ? "new incidents, warm    " : String.format(Locale.ROOT, "new incidents, warm #%-2d", round + 1), warm.get(round));
    }
    report("repeats, warm          ", repeats);
    System.out.printf(Locale.ROOT, "scrape with   2,000 incidents: median %.2f ms, p99 %.2f ms%n", median(small), p99(small));
    System.out.printf(Locale.ROOT, "scrape with 202,000 incidents: median %.2f ms, p99 %.2f ms (%.2fx the small store)%n",
        median(large), p99(large), ratio);
  }

  /**
   * {@code -Dbench.scenario=lifecycle}: every incident is opened and later resolved, as on a real
   * Alertmanager, so the open set stays bounded (about {@value #LAG} notifications' worth) instead of
   * growing by 100 per notification. Each round of 1,000 notifications is half new firing alerts, half
   * the resolution of the alerts sent {@value #LAG} firing notifications earlier; round 1 starts with
   * the JIT cold. {@code -Dbench.warm.rounds=N} sets the rounds after the first.
   */
  private void runLifecycle(String store, List<String> flags) throws Exception {
    int base = 100_000; // its own range of fingerprints, far from the warm-up's
    send(0, 20, 4); // as the other scenario: the store and the first connections
    send(base, LAG, SENDERS); // the first LAG notifications' alerts are open when round 1 starts
    int rounds = 1 + Integer.getInteger("bench.warm.rounds", 1);
    List<Rate> rates = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      String[] bodies = new String[1000];
      for (int i = 0; i < 500; i++) {
        int batch = base + 500 * round + i;
        bodies[2 * i] = notification(batch + LAG);
        bodies[2 * i + 1] = resolution(batch);
      }
      rates.add(send(bodies, SENDERS));
    }
    System.out.printf(Locale.ROOT, "store=%s senders=%d (%s) alerts_per_notification=%d fingerprints=%s scenario=lifecycle%n",
        store, SENDERS, JDK_SENDER ? "JDK HttpClient" : "keep-alive sockets", ALERTS_PER_NOTIFICATION,
        HASHED ? "hashed" : "sequential");
    System.out.printf(Locale.ROOT, "exporter JVM flags: %s%n", String.join(" ", flags));
    System.out.printf(Locale.ROOT, "load average after: %s", Files.readString(Path.of("/proc/loadavg")));
    System.out.printf(Locale.ROOT, "incidents open at the end: %.0f (the warm-up's 2,000 and the last %d notifications' alerts)%n",
        openIncidents(), LAG);
    for (int round = 0; round < rounds; round++) {
      report(String.format(Locale.ROOT, "open+resolve, %-10s", round == 0 ? "JIT cold" : "warm #" + round), rates.get(round));
    }
  }

  private static final int LAG = 50;
  private static final boolean LIFECYCLE = System.getProperty("bench.scenario", "").equals("lifecycle");

  /** The sum of {@code saypro_incidents_open} on a scrape. */
  private double openIncidents() throws Exception {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    double sum = 0;
    for (String line : response.body().split("\n")) {
      if (line.startsWith("saypro_incidents_open{")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /** Notifications sent, the wall-clock time they took, and the exporter's CPU time meanwhile. */
  private record Rate(int notifications, Duration took, Duration cpu, Map<String, Duration> cpuByRole, Duration senderCpu) {
    double perSecond() {
      return notifications / (took.toNanos() / 1e9);
    }

    /** Robust to other load on a shared machine: notifications per second of the exporter's CPU. */
    double perCpuSecond() {
      return notifications / (cpu.toNanos() / 1e9);
    }
  }

  private static void report(String what, Rate rate) {
    System.out.printf(Locale.ROOT, "%s: %.0f notifications/s wall clock (%.2fx the 500/s goal); "
            + "%.0f notifications per exporter CPU-second (%.2fx the goal per core)%n",
        what, rate.perSecond(), rate.perSecond() / 500, rate.perCpuSecond(), rate.perCpuSecond() / 500);
    StringBuilder roles = new StringBuilder();
    rate.cpuByRole().forEach((role, cpu) -> roles.append(String.format(Locale.ROOT, " %s %.0f%%", role,
        100.0 * cpu.toNanos() / Math.max(1, rate.cpu().toNanos()))));
    System.out.printf(Locale.ROOT, "    exporter CPU %.2f s, %.2f ms per notification, by thread:%s; senders' CPU %.2f ms per notification%n",
        rate.cpu().toNanos() / 1e9, rate.cpu().toNanos() / 1e6 / rate.notifications(), roles,
        rate.senderCpu().toNanos() / 1e6 / rate.notifications());
  }

  /** Notifications {@code first}..{@code first+count-1}, 100 new alerts each, from {@code senders} threads. */
  private Rate send(int first, int count, int senders) throws Exception {
    String[] bodies = new String[count];
    for (int i = 0; i < count; i++) {
      bodies[i] = notification(first + i);
    }
    return send(bodies, senders);
  }

  /** The given notification bodies, in order, from {@code senders} threads. */
  private Rate send(String[] bodies, int senders) throws Exception {
    // requests are made before the clock starts: the senders share the machine with the exporter
    int count = bodies.length;
    byte[][] requests = new byte[count][];
    for (int i = 0; i < count; i++) {
      requests[i] = KeepAliveSender.request(port, "/webhook", "Bearer " + IncidentsKit.TOKEN, bodies[i]);
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    Duration cpuBefore = exporter.cpuTime();
    Map<String, Duration> rolesBefore = exporter.cpuTimeByRole();
    long senderCpuBefore = SELF.getProcessCpuTime();
    long start = System.nanoTime();
    for (int s = 0; s < senders; s++) {
      Thread thread = new Thread(() -> {
        try (KeepAliveSender sender = new KeepAliveSender(port)) {
          int n;
          while ((n = next.getAndIncrement()) < count) {
            int status = JDK_SENDER ? post(bodies[n]) : sender.send(requests[n]);
            if (status != 200) {
              failures.incrementAndGet();
            }
          }
        } catch (java.io.IOException e) {
          failures.incrementAndGet();
          System.err.println("sender failed: " + e);
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    Duration senderCpu = Duration.ofNanos(SELF.getProcessCpuTime() - senderCpuBefore);
    Duration cpu = exporter.cpuTime().minus(cpuBefore);
    Map<String, Duration> roles = new java.util.TreeMap<>(exporter.cpuTimeByRole());
    roles.replaceAll((role, total) -> total.minus(rolesBefore.getOrDefault(role, Duration.ZERO)));
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " notifications were refused");
    }
    return new Rate(count, took, cpu, roles, senderCpu);
  }

  /**
   * {@code -Dbench.fingerprints=hashed}: fingerprints spread like Alertmanager's (a 64-bit hash of
   * the labels) instead of counting up, so new rows land all over the store's primary key index
   * rather than at its end.
   */
  /**
   * {@code -Dbench.sender=jdk}: post with the JDK's {@code HttpClient} (as before 2026-11-24) instead of
   * {@link KeepAliveSender}; the senders' CPU per notification is reported either way.
   */
  private static final boolean JDK_SENDER = System.getProperty("bench.sender", "").equals("jdk");

  private static final boolean HASHED = System.getProperty("bench.fingerprints", "").equals("hashed");

  private static String fingerprint(long id) {
    if (!HASHED) {
      return String.format("%016x", id);
    }
    long z = id + 0x9E3779B97F4A7C15L; // SplitMix64's finaliser: distinct ids give distinct values
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return String.format("%016x", z ^ (z >>> 31));
  }

  private static String notification(int n) {
    return Payloads.notification(alerts(n));
  }

  /** The alerts of notification {@code n}, resolved ten minutes after they started. */
  private static String resolution(int n) {
    Alert[] alerts = alerts(n);
    for (int i = 0; i < alerts.length; i++) {
      alerts[i] = alerts[i].resolvedAt(alerts[i].startsAt().plusSeconds(600));
    }
    return Payloads.notification(alerts);
  }

  private static Alert[] alerts(int n) {
    Alert[] alerts = new Alert[ALERTS_PER_NOTIFICATION];
    for (int i = 0; i < ALERTS_PER_NOTIFICATION; i++) {
      long id = (long) n * ALERTS_PER_NOTIFICATION + i;
      alerts[i] = Alert.firing(fingerprint(id), T0.plusSeconds(id), Map.of(
          "alertname", "Bench" + (id % 50), "severity", id % 3 == 0 ? "critical" : "warning",
          "team", id % 2 == 0 ? "payments" : "platform", "instance", "host-" + id));
    }
    return alerts;
  }

  private int post(String body) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhook"))
              .header("Authorization", "Bearer " + IncidentsKit.TOKEN)
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private double[] scrapeLatencies(int count) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
    for (int i = 0; i < 20; i++) {
      http.send(request, HttpResponse.BodyHandlers.discarding());
    }
    double[] millis = new double[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      millis[i] = (System.nanoTime() - start) / 1e6;
      if (response.statusCode() != 200) {
        throw new IllegalStateException("scrape answered " + response.statusCode());
      }
    }
    Arrays.sort(millis);
    return millis;
  }

  private static double median(double[] sorted) {
    return sorted[sorted.length / 2];
  }

  private static double p99(double[] sorted) {
    return sorted[(int) Math.floor(sorted.length * 0.99)];
  }
}
