package com.saypro.monitor.network.interfaces;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.network.config.InterfaceConfig;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Bandwidth of the host's interfaces from {@code /proc/net/dev}, read at each scrape (a file read,
 * no probing), and utilisation: the byte rate since the previous scrape divided by the link speed.
 *
 * <pre>
 * saypro_network_interface_receive_bytes_total{interface="eth0"} 2.00388517E8
 * saypro_network_interface_speed_bytes{interface="eth0"} 1.25E8
 * saypro_network_interface_utilisation_ratio{interface="eth0",direction="receive"} 0.031
 * </pre>
 */
public final class InterfaceCollector implements SayproCollector {
  public static final MetricDef RX_BYTES = counter("receive_bytes", "Bytes received.");
  public static final MetricDef TX_BYTES = counter("transmit_bytes", "Bytes sent.");
  public static final MetricDef RX_PACKETS = counter("receive_packets", "Packets received.");
  public static final MetricDef TX_PACKETS = counter("transmit_packets", "Packets sent.");
  public static final MetricDef RX_ERRORS = counter("receive_errors", "Receive errors.");
  public static final MetricDef TX_ERRORS = counter("transmit_errors", "Transmit errors.");
  public static final MetricDef RX_DROPS = counter("receive_drops", "Received packets dropped.");
  public static final MetricDef TX_DROPS = counter("transmit_drops", "Packets dropped on sending.");
  public static final MetricDef SPEED = MetricDef.gauge("saypro_network_interface_speed_bytes",
      "Link speed in bytes per second (configured, or the driver's from /sys/class/net).", "interface");
  public static final MetricDef UTILISATION = MetricDef.gauge("saypro_network_interface_utilisation_ratio",
      "Byte rate since the previous scrape divided by the link speed.", "interface", "direction");
  public static final List<MetricDef> METRICS =
      List.of(RX_BYTES, TX_BYTES, RX_PACKETS, TX_PACKETS, RX_ERRORS, TX_ERRORS, RX_DROPS, TX_DROPS, SPEED, UTILISATION);

  private final InterfaceConfig config;
  private final Map<String, Previous> previous = new HashMap<>();

  private record Previous(Instant at, long rx, long tx) {}

  public InterfaceCollector(InterfaceConfig config) {
    this.config = config;
  }

  private static MetricDef counter(String what, String help) {
    return MetricDef.counter("saypro_network_interface_" + what + "_total", help + " (from /proc/net/dev)", "interface");
  }

  @Override
  public synchronized List<MetricSnapshot> collect(CollectContext context) throws IOException {
    Instant now = context.clock().instant();
    List<ProcNetDev.Counters> all = ProcNetDev.parse(Files.readAllLines(config.procNetDev()));
    MetricDef.Points[] counters = new MetricDef.Points[8];
    for (int i = 0; i < 8; i++) {
      counters[i] = METRICS.get(i).points();
    }
    MetricDef.Points speed = SPEED.points();
    MetricDef.Points utilisation = UTILISATION.points();
    for (ProcNetDev.Counters c : all) {
      if (!config.reported(c.name())) {
        continue;
      }
      String name = c.name();
      long[] values = {c.rxBytes(), c.txBytes(), c.rxPackets(), c.txPackets(), c.rxErrors(), c.txErrors(),
          c.rxDrops(), c.txDrops()};
      for (int i = 0; i < 8; i++) {
        counters[i].add(values[i], name);
      }
      OptionalDouble bytesPerSecond = speed(name);
      Previous before = previous.put(name, new Previous(now, c.rxBytes(), c.txBytes()));
      if (bytesPerSecond.isEmpty()) {
        continue;
      }
      speed.add(bytesPerSecond.getAsDouble(), name);
      if (before != null) {
        double seconds = (now.toEpochMilli() - before.at().toEpochMilli()) / 1000.0;
        // a counter that went down (wrap, driver reset) has no rate for this interval
        if (seconds > 0 && c.rxBytes() >= before.rx() && c.txBytes() >= before.tx()) {
          utilisation.add((c.rxBytes() - before.rx()) / seconds / bytesPerSecond.getAsDouble(), name, "receive");
          utilisation.add((c.txBytes() - before.tx()) / seconds / bytesPerSecond.getAsDouble(), name, "transmit");
        }
      }
    }
    List<MetricSnapshot> out = new ArrayList<>();
    for (MetricDef.Points points : counters) {
      if (!points.isEmpty()) {
        out.add(points.build());
      }
    }
    for (MetricDef.Points points : List.of(speed, utilisation)) {
      if (!points.isEmpty()) {
        out.add(points.build());
      }
    }
    return out;
  }

  private OptionalDouble speed(String name) {
    Double configured = config.speeds().get(name);
    if (configured != null) {
      return OptionalDouble.of(configured);
    }
    if (!config.sysfsSpeed() || name.contains("/") || name.startsWith(".")) {
      return OptionalDouble.empty();
    }
    try {
      Path file = config.sysClassNet().resolve(name).resolve("speed");
      long mbit = Long.parseLong(Files.readString(file).trim());
      return mbit > 0 ? OptionalDouble.of(mbit * 1_000_000 / 8.0) : OptionalDouble.empty();
    } catch (IOException | NumberFormatException e) {
      // virtual interfaces have no speed (EINVAL), or report -1
      return OptionalDouble.empty();
    }
  }
}
