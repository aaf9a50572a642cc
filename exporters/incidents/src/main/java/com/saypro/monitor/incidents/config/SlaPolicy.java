package com.saypro.monitor.incidents.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The response and resolution targets per severity, and how long after a deadline the verdict
 * waits for late news.
 *
 * <pre>
 * sla:
 *   grace: 5m          # a resolved notification may arrive up to one group_interval late
 *   severities:
 *     critical: {acknowledge_within: 15m, resolve_within: 2h}
 *     high:     {acknowledge_within: 2h, resolve_within: 2h}
 *     warning:  {acknowledge_within: 2h}
 *     info:     {acknowledge_within: 2h}
 *     other:    {acknowledge_within: 2h}   # every severity not listed
 * </pre>
 *
 * @param severities by bounded severity name, always including {@code other}
 * @param grace how long after a deadline a breach is decided, so that an acknowledgement or a
 *     resolution dated before the deadline but delivered a little after it still counts as met
 */
public record SlaPolicy(Map<String, Targets> severities, Duration grace) {
  /** The targets of one severity; an empty target is not measured for breaches. */
  public record Targets(Optional<Duration> acknowledgeWithin, Optional<Duration> resolveWithin) {}

  public SlaPolicy {
    severities = Map.copyOf(severities);
    if (!severities.containsKey(Classification.OTHER)) {
      throw new IllegalArgumentException("the SLA table needs an \"other\" entry");
    }
  }

  public static final Duration CRITICAL_ACKNOWLEDGE = Duration.ofMinutes(15);
  public static final Duration NON_CRITICAL_ACKNOWLEDGE = Duration.ofHours(2);
  public static final Duration HIGH_PRIORITY_RESOLVE = Duration.ofHours(2);

  /** The mission's targets: critical acknowledged in 15 minutes, others in 2 hours; critical and high resolved in 2 hours. */
  public static Map<String, Targets> defaultTargets() {
    Map<String, Targets> targets = new LinkedHashMap<>();
    targets.put("critical", new Targets(Optional.of(CRITICAL_ACKNOWLEDGE), Optional.of(HIGH_PRIORITY_RESOLVE)));
    targets.put("high", new Targets(Optional.of(NON_CRITICAL_ACKNOWLEDGE), Optional.of(HIGH_PRIORITY_RESOLVE)));
    targets.put("warning", new Targets(Optional.of(NON_CRITICAL_ACKNOWLEDGE), Optional.empty()));
    targets.put("info", new Targets(Optional.of(NON_CRITICAL_ACKNOWLEDGE), Optional.empty()));
    targets.put(Classification.OTHER, new Targets(Optional.of(NON_CRITICAL_ACKNOWLEDGE), Optional.empty()));
    return targets;
  }

  static SlaPolicy read(ConfigNode root) throws ConfigException {
    Optional<ConfigNode> section = root.get("sla");
    if (section.isEmpty()) {
      return new SlaPolicy(defaultTargets(), Duration.ofMinutes(5));
    }
    ConfigNode sla = section.get().asMap();
    Duration grace = sla.duration("grace", Duration.ofMinutes(5));
    Optional<ConfigNode> table = sla.get("severities");
    if (table.isEmpty()) {
      return new SlaPolicy(defaultTargets(), grace);
    }
    Map<String, Targets> targets = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigNode> entry : table.get().asMap().entries().entrySet()) {
      String name = entry.getKey();
      ConfigNode node = entry.getValue().asMap();
      if (!name.matches("[a-z0-9_-]{1,32}") || name.equals(Classification.NONE)) {
        throw node.error("severity name must be 1 to 32 characters of a-z, 0-9, _ or - (\"none\" is reserved)");
      }
      targets.put(name, new Targets(
          optionalPositive(node, "acknowledge_within"), optionalPositive(node, "resolve_within")));
    }
    if (targets.size() > 20) {
      throw table.get().error("lists " + targets.size() + " severities; at most 20 keep the series count bounded");
    }
    targets.putIfAbsent(Classification.OTHER, new Targets(Optional.of(NON_CRITICAL_ACKNOWLEDGE), Optional.empty()));
    return new SlaPolicy(targets, grace);
  }

  private static Optional<Duration> optionalPositive(ConfigNode node, String key) throws ConfigException {
    return node.has(key) ? Optional.of(node.positiveDuration(key, null)) : Optional.empty();
  }

  public Targets targets(String boundedSeverity) {
    Targets found = severities.get(boundedSeverity);
    return found != null ? found : severities.get(Classification.OTHER);
  }
}
