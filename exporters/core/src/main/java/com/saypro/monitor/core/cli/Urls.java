package com.saypro.monitor.core.cli;

import com.saypro.monitor.core.exporter.RunningExporter;
import com.saypro.monitor.core.http.ListenAddress;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Tells the user where a started exporter can be reached. */
final class Urls {
  private Urls() {}

  static String displayHost(ListenAddress address) {
    if (address.host() == null || address.host().equals("0.0.0.0") || address.host().equals("::")) {
      return "localhost";
    }
    return address.host().contains(":") ? "[" + address.host() + "]" : address.host();
  }

  static void announce(String name, RunningExporter exporter, ListenAddress address) {
    String base = exporter.uri(displayHost(address)).toString();
    System.out.printf("%-12s %s  (metrics: %smetrics)%n", name, base, base);
    System.out.flush();
  }

  static void stopQuietly(QueuedThreadPool pool) {
    try {
      pool.stop();
    } catch (Exception ignored) {
      // shutting down
    }
  }
}
