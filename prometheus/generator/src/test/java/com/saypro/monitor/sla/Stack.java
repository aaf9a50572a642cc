package com.saypro.monitor.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.saypro.monitor.core.testkit.Await;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The whole stack of the end-to-end test on loopback, every port chosen free at run time: the demo
 * marketplace and the exporters (child JVMs of the launcher; ExporterFixtures feeds backup, network
 * and security), dnsmasq, node_exporter, and Debian's prometheus and prometheus-alertmanager running
 * the repository's own configuration with short intervals.
 */
final class Stack implements AutoCloseable {
  static final String SCRAPE_INTERVAL = "2s";
  static final String EVALUATION_INTERVAL = "2s";
  static final String FOR = "10s";
  static final String GROUP_WAIT = "2s";
  static final String GROUP_INTERVAL = "5s";
  static final String DATABASE = "saypro_sla_e2e";
  /** Every exporter of the stack, each with a config of its own (ExporterFixtures writes backup, network and security's). */
  static final List<String> EXPORTERS = List.of("logs", "marketplace", "incidents", "database", "backup", "network", "security");
  private static final Pattern FOR_LINE = Pattern.compile("(?m)^(\\s+)for: \\S+$");

  final Path dir;
  final Path root;
  final Map<String, Integer> ports = new LinkedHashMap<>();
  final String faultToken = "e2e-fault-token-" + System.nanoTime();
  private final List<Process> processes = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();
  private NodeExporter node;
  ExporterFixtures fixtures;

  Stack(Path root, Path dir) throws IOException {
    this.root = root;
    this.dir = dir;
    for (String name : List.of("front", "backend1", "backend2", "backend3", "gateway", "control", "suite", "logs",
        "marketplace", "incidents", "database", "prometheus", "alertmanager", "backup", "network", "security")) {
      ports.put(name, NodeExporter.freePort());
    }
  }

  int port(String name) {
    return ports.get(name);
  }

  String front() {
    return "http://127.0.0.1:" + port("front");
  }

  /** Starts everything and waits until Prometheus scrapes the exporters. */
  void start(Receiver receiver) throws IOException {
    node = new NodeExporter();
    ports.put("node", node.port);
    writeDemoConfig();
    java("demo", "demo", "--config.file=" + dir.resolve("demo.yml"));
    Await.until("the demo front answers", Duration.ofSeconds(60), () -> Http.get(front() + "/healthz").contains("\"database\":\"up\""));
    fixtures = new ExporterFixtures(this);
    fixtures.writeBackup();
    fixtures.writeNetwork(fixtures.startDnsmasq());
    fixtures.writeSecurity();
    writeExporterConfigs();
    java("exporters", "all", "--config.file=" + dir.resolve("suite.yml"));
    for (String exporter : EXPORTERS) {
      Await.until(exporter + " answers", Duration.ofSeconds(60),
          () -> Http.get("http://127.0.0.1:" + port(exporter) + "/-/ready").length() >= 0);
    }
    writeAlertmanagerConfig(receiver);
    tool("alertmanager", "prometheus-alertmanager", "--config.file=" + dir.resolve("alertmanager/alertmanager.yml"),
        "--storage.path=" + dir.resolve("am-data"), "--web.listen-address=127.0.0.1:" + port("alertmanager"),
        "--cluster.listen-address=");
    writePrometheusConfig();
    tool("prometheus", "prometheus", "--config.file=" + dir.resolve("prometheus/prometheus.yml"),
        "--storage.tsdb.path=" + dir.resolve("prom-data"), "--web.listen-address=127.0.0.1:" + port("prometheus"),
        // the first evaluation's alerts (the Watchdog) are dropped until the notifier has discovered
        // Alertmanager, and resent only after this delay (1m by default): short, like every interval here
        "--rules.alert.resend-delay=" + EVALUATION_INTERVAL);
    Await.until("Alertmanager is ready", Duration.ofSeconds(30),
        () -> Http.get("http://127.0.0.1:" + port("alertmanager") + "/-/ready").contains("OK"));
    Await.until("Prometheus scrapes the exporters", Duration.ofSeconds(60),
        () -> Http.value(port("prometheus"), "count(up{job=~\"" + String.join("|", EXPORTERS) + "|suite|node\"} == 1)")
            == EXPORTERS.size() + 2);
  }

  private void writeDemoConfig() throws IOException {
    Files.writeString(dir.resolve("fault-token"), faultToken, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("demo.yml"), """
        listen_address: "127.0.0.1:%d"
        backends: ["127.0.0.1:%d", "127.0.0.1:%d", "127.0.0.1:%d"]
        gateway: {listen_address: "127.0.0.1:%d", timeout: 2s}
        control: {listen_address: "127.0.0.1:%d", token_file: fault-token}
        database: {url: "jdbc:postgresql://127.0.0.1:5432/%s", user: postgres}
        data_dir: demo-data
        logs: {access_log: demo-data/logs/access.log, app_log: demo-data/logs/app.log}
        """.formatted(port("front"), port("backend1"), port("backend2"), port("backend3"), port("gateway"), port("control"), DATABASE),
        StandardCharsets.UTF_8);
  }

  private void writeExporterConfigs() throws IOException {
    String marketplace = resource("/com/saypro/monitor/marketplace/default-config.yml")
        .replace("http://127.0.0.1:8480", front()).replace("http://127.0.0.1:8482", "http://127.0.0.1:" + port("gateway"))
        .replace("http://127.0.0.1:8491", "http://127.0.0.1:" + port("backend1"))
        .replace("http://127.0.0.1:8492", "http://127.0.0.1:" + port("backend2"))
        .replace("http://127.0.0.1:8493", "http://127.0.0.1:" + port("backend3"))
        .replace("interval: 1m", "interval: 2s").replace("interval: 30s", "interval: 2s")
        .replace("start_delay: 2s", "start_delay: 0s").replace("retry_delay: 1s", "retry_delay: 200ms");
    Files.writeString(dir.resolve("marketplace.yml"), marketplace, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("logs.yml"), """
        state_directory: logs-state
        poll_interval: 100ms
        sources:
          - {name: access, preset: marketplace_access, paths: [demo-data/logs/access.log]}
          - {name: app, preset: marketplace_app, paths: [demo-data/logs/app.log]}
        """, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("incidents.token"), "e2e-incidents-" + System.nanoTime(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("incidents.yml"), """
        storage: {type: sqlite, path: incidents.db}
        webhook: {auth: {bearer_token_file: incidents.token}}
        alertmanager: {urls: ["http://127.0.0.1:%d"], poll_interval: 1s}
        teams: [payments, platform, marketplace, database, security, network]
        """.formatted(port("alertmanager")), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("database.yml"), """
        check_files: [bundled:marketplace]
        targets:
          - {name: e2e-postgresql, engine: postgresql, url: "jdbc:postgresql://127.0.0.1:5432/%s", user: postgres}
        """.formatted(DATABASE), StandardCharsets.UTF_8);
    StringBuilder suite = new StringBuilder("listen_address: \"127.0.0.1:" + port("suite") + "\"\nexporters:\n");
    for (String exporter : EXPORTERS) {
      suite.append("  ").append(exporter).append(":\n    listen_address: \"127.0.0.1:").append(port(exporter))
          .append("\"\n    config_file: ").append(exporter).append(".yml\n");
    }
    Files.writeString(dir.resolve("suite.yml"), suite, StandardCharsets.UTF_8);
  }

  private void writeAlertmanagerConfig(Receiver receiver) throws IOException {
    writeAlertmanagerConfig(root, dir.resolve("alertmanager"), receiver,
        "http://127.0.0.1:" + port("incidents") + "/webhook", dir.resolve("incidents.token"));
  }

  /** The repository's alertmanager.yml with the receivers pointed here and short timings. */
  static void writeAlertmanagerConfig(Path root, Path am, Receiver receiver, String incidentsUrl, Path token) throws IOException {
    String config = alertmanagerConfig(root, receiver, incidentsUrl, token)
        // tickets at any hour, so that "the ticket receiver did not get it" means inhibition
        .replace("      active_time_intervals: [business-hours]\n", "");
    assertThatReplaced(config);
    writeAlertmanagerFiles(root, am, config);
  }

  static void writeAlertmanagerFiles(Path root, Path am, String config) throws IOException {
    Files.createDirectories(am.resolve("templates"));
    Files.copy(root.resolve("alertmanager/templates/saypro.tmpl"), am.resolve("templates/saypro.tmpl"));
    Files.writeString(am.resolve("alertmanager.yml"), config, StandardCharsets.UTF_8);
  }

  /** The repository's alertmanager.yml with the receivers pointed here and short group timings. */
  static String alertmanagerConfig(Path root, Receiver receiver, String incidentsUrl, Path token) throws IOException {
    return Files.readString(root.resolve("alertmanager/alertmanager.yml"), StandardCharsets.UTF_8)
        .replace("http://saypro-exporters:9817/webhook", incidentsUrl)
        .replace("/etc/alertmanager/secrets/incidents.token", token.toString())
        .replace("http://pager-bridge:8080/alertmanager", receiver.url("pager"))
        .replace("http://ticket-bridge:8080/alertmanager", receiver.url("tickets"))
        .replace("http://security-bridge:8080/alertmanager", receiver.url("security"))
        .replaceAll("group_wait: \\S+", "group_wait: " + GROUP_WAIT)
        .replaceAll("group_interval: \\S+", "group_interval: " + GROUP_INTERVAL);
  }

  static void assertThatReplaced(String config) {
    for (String left : List.of("saypro-exporters:9817", "pager-bridge", "ticket-bridge", "security-bridge", "active_time_intervals:")) {
      if (config.contains(left)) {
        throw new AssertionError("the test copy of alertmanager.yml still has " + left + ": update Stack");
      }
    }
  }

  /** The repository's prometheus.yml and rules, targets moved here, intervals and `for` shortened. */
  private void writePrometheusConfig() throws IOException {
    Path prom = Files.createDirectories(dir.resolve("prometheus"));
    for (Path file : PromtoolTest.files(root.resolve("prometheus/rules"), ".yml")) {
      Path copy = prom.resolve(root.resolve("prometheus").relativize(file));
      Files.createDirectories(copy.getParent());
      String rules = Files.readString(file, StandardCharsets.UTF_8);
      Files.writeString(copy, FOR_LINE.matcher(rules).replaceAll("$1for: " + FOR), StandardCharsets.UTF_8);
    }
    ObjectNode config = (ObjectNode) Config.YAML.readTree(root.resolve("prometheus/prometheus.yml").toFile());
    ObjectNode global = (ObjectNode) config.get("global");
    global.put("scrape_interval", SCRAPE_INTERVAL).put("evaluation_interval", EVALUATION_INTERVAL).put("scrape_timeout", "2s");
    ArrayNode amTargets = (ArrayNode) config.at("/alerting/alertmanagers/0/static_configs/0/targets");
    amTargets.removeAll().add("127.0.0.1:" + port("alertmanager"));
    for (JsonNode job : config.get("scrape_configs")) {
      String name = job.get("job_name").asText();
      Integer port = name.equals("node") ? ports.get("node") : ports.get(name);
      if (port == null) {
        throw new AssertionError("no test port for scrape job " + name + ": add it to Stack");
      }
      ((ObjectNode) job).remove("scrape_timeout");
      ((ArrayNode) job.at("/static_configs/0/targets")).removeAll().add("127.0.0.1:" + port);
    }
    // a target nobody serves: its ExporterDown warning is the ticket receiver's positive control
    ObjectNode absent = ((ArrayNode) config.get("scrape_configs")).addObject().put("job_name", "e2e-absent");
    absent.putArray("static_configs").addObject().putArray("targets").add("127.0.0.1:" + NodeExporter.freePort());
    Files.writeString(prom.resolve("prometheus.yml"), Config.YAML.writeValueAsString(config), StandardCharsets.UTF_8);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Stack.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void java(String logName, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-Xmx192m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        "com.saypro.monitor.launcher.Launcher"));
    command.addAll(List.of(args));
    start(logName, command);
  }

  void tool(String logName, String... command) throws IOException {
    command[0] = Tools.require(command[0]).toString();
    start(logName, List.of(command));
  }

  private void start(String logName, List<String> command) throws IOException {
    Path log = dir.resolve(logName + ".log");
    logs.add(log);
    processes.add(new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start());
  }

  /** The last lines of every process' log, for a failure message. */
  String logTails() {
    StringBuilder out = new StringBuilder();
    for (Path log : logs) {
      try {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        out.append("\n== ").append(log.getFileName()).append('\n')
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
      } catch (IOException e) {
        out.append("\n== ").append(log.getFileName()).append(": ").append(e.getMessage());
      }
    }
    return out.toString();
  }

  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process process = processes.get(i);
      process.destroy();
      try {
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (node != null) {
      node.close();
    }
  }
}
