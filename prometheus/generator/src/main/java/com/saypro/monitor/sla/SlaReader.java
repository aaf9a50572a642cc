package com.saypro.monitor.sla;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigLoader;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.sla.SlaSpec.Backups;
import com.saypro.monitor.sla.SlaSpec.BurnRate;
import com.saypro.monitor.sla.SlaSpec.ErrorGrowth;
import com.saypro.monitor.sla.SlaSpec.Incidents;
import com.saypro.monitor.sla.SlaSpec.Kind;
import com.saypro.monitor.sla.SlaSpec.Links;
import com.saypro.monitor.sla.SlaSpec.Slo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code prometheus/sla.yml} with the core's config reader: every error names file, line and
 * YAML path, and unknown keys are refused (a misspelt target must not be silently ignored).
 */
public final class SlaReader {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Set<String> SEVERITIES = Set.of("critical", "warning");

  private SlaReader() {}

  public static SlaSpec read(Path file) throws ConfigException {
    return read(new ConfigLoader(name -> null).load(file));
  }

  public static SlaSpec parse(String name, String text) throws ConfigException {
    return read(new ConfigLoader(key -> null).parse(name, text));
  }

  private static SlaSpec read(ConfigNode root) throws ConfigException {
    Duration window = root.positiveDuration("window", Duration.ofDays(30));
    ConfigNode linksNode = root.require("links");
    Links links = new Links(linksNode.requireString("runbooks"), linksNode.requireString("grafana"));
    if (!links.runbookBase().endsWith("/")) {
      throw linksNode.require("runbooks").invalid("must end with / (the alert name and .md are appended)");
    }
    linksNode.rejectUnknownKeys();
    List<BurnRate> burnRates = root.list("burn_rates", SlaReader::burnRate);
    if (burnRates.isEmpty()) {
      throw root.require("burn_rates").invalid("needs at least one burn rate");
    }
    List<Slo> slos = new ArrayList<>();
    slos.addAll(root.list("availability", SlaReader::availability));
    slos.addAll(root.list("latency", SlaReader::latency));
    Set<String> names = new HashSet<>();
    for (Slo slo : slos) {
      if (!names.add(slo.name())) {
        throw root.error("two SLOs are named " + slo.name() + ": names must be unique");
      }
    }
    ConfigNode growthNode = root.require("error_growth");
    ErrorGrowth growth = new ErrorGrowth(
        growthNode.number("max_factor", 1.5, 1.0, 100),
        growthNode.number("min_ratio", 0.0001, 0, 1),
        growthNode.duration("for", Duration.ofHours(1)),
        growthNode.requireString("team"));
    growthNode.rejectUnknownKeys();
    ConfigNode backupNode = root.require("backups");
    Backups backups = new Backups(backupNode.number("objective", 100, 0, 100), backupNode.requireString("team"));
    backupNode.rejectUnknownKeys();
    Incidents incidents = incidents(root.require("incidents"));
    root.rejectUnknownKeys();
    return new SlaSpec(window, links, burnRates, slos, growth, backups, incidents);
  }

  private static BurnRate burnRate(ConfigNode node) throws ConfigException {
    String severity = node.requireString("severity");
    if (!SEVERITIES.contains(severity)) {
      throw node.require("severity").invalid("must be critical (pages) or warning (a ticket)");
    }
    BurnRate rate = new BurnRate(severity, node.number("factor", 1, 0.01, 1000),
        requireDuration(node, "long"), requireDuration(node, "short"), node.duration("for", Duration.ZERO));
    if (rate.shortWindow().compareTo(rate.longWindow()) >= 0) {
      throw node.require("short").invalid("must be shorter than long (" + Numbers.duration(rate.longWindow()) + ")");
    }
    node.rejectUnknownKeys();
    return rate;
  }

  private static Slo availability(ConfigNode node) throws ConfigException {
    Slo slo = new Slo(name(node), Kind.AVAILABILITY, node.requireString("title"), node.requireString("description"),
        objective(node), node.requireString("team"), node.requireString("dashboard"),
        selector(node, "total"), selector(node, "errors"), null, null, 0);
    node.rejectUnknownKeys();
    return slo;
  }

  private static Slo latency(ConfigNode node) throws ConfigException {
    String histogram = node.requireString("histogram");
    if (!METRIC.matcher(histogram).matches()) {
      throw node.require("histogram").invalid("must be a metric name (without _bucket)");
    }
    String selector = node.string("selector", "");
    if (selector.contains("{") || selector.contains("}") || selector.contains("le=")) {
      throw node.require("selector").invalid("must be label matchers without braces and without le");
    }
    Slo slo = new Slo(name(node), Kind.LATENCY, node.requireString("title"), node.requireString("description"),
        objective(node), node.requireString("team"), node.requireString("dashboard"), null, null,
        histogram, selector, node.number("threshold", 0.1, 0.0001, 3600));
    node.rejectUnknownKeys();
    return slo;
  }

  private static String name(ConfigNode node) throws ConfigException {
    String name = node.requireString("name");
    if (!NAME.matcher(name).matches()) {
      throw node.require("name").invalid("must be snake_case (a-z, 0-9, _), it becomes the slo label and the alert name");
    }
    return name;
  }

  private static double objective(ConfigNode node) throws ConfigException {
    double objective = node.number("objective", 99.9, 50, 100);
    if (objective >= 100) {
      throw node.require("objective").invalid("must be below 100 (a 100 % objective leaves no error budget to burn)");
    }
    return objective;
  }

  private static String selector(ConfigNode node, String key) throws ConfigException {
    String selector = node.requireString(key);
    int brace = selector.indexOf('{');
    String metric = brace < 0 ? selector : selector.substring(0, brace);
    if (!METRIC.matcher(metric).matches() || (brace >= 0 && !selector.endsWith("}"))) {
      throw node.require(key).invalid("must be a counter selector: name{matchers}");
    }
    return selector;
  }

  private static Duration requireDuration(ConfigNode node, String key) throws ConfigException {
    node.require(key);
    return node.positiveDuration(key, Duration.ZERO);
  }

  private static Incidents incidents(ConfigNode node) throws ConfigException {
    String team = node.requireString("team");
    Map<String, Duration> acknowledge = durations(node.require("acknowledge"));
    if (!acknowledge.containsKey("critical") || !acknowledge.containsKey("other")) {
      throw node.require("acknowledge").invalid("needs critical and other");
    }
    Map<String, Duration> resolve = durations(node.require("resolve"));
    node.rejectUnknownKeys();
    return new Incidents(team, acknowledge, resolve);
  }

  private static Map<String, Duration> durations(ConfigNode node) throws ConfigException {
    Map<String, Duration> out = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigNode> entry : node.entries().entrySet()) {
      out.put(entry.getKey(), entry.getValue().asDuration());
    }
    return out;
  }
}
