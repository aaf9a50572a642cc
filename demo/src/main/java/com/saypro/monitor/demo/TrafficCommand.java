package com.saypro.monitor.demo;

import com.saypro.monitor.core.config.Durations;
import com.saypro.monitor.demo.traffic.TrafficGenerator;
import com.saypro.monitor.demo.traffic.TrafficSummary;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code saypro-monitor demo traffic --rate=5 --duration=10m}: realistic browsing and buying. */
@Command(name = "traffic", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Drives browsing and buying against a running demo at a fixed rate, then prints a summary.")
public final class TrafficCommand implements Callable<Integer> {
  @Option(names = "--target", paramLabel = "URL", defaultValue = "http://127.0.0.1:8480",
      description = "The demo's front (default: ${DEFAULT-VALUE}).")
  String target;

  @Option(names = "--rate", paramLabel = "N", defaultValue = "5", description = "Requests per second, 0.1 to 2000 (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "60s", description = "How long to run, e.g. 30s, 10m (default: ${DEFAULT-VALUE}).")
  String duration;

  @Option(names = "--max-requests", paramLabel = "N", defaultValue = "0", description = "Stop after N requests (0: only the duration bounds it).")
  long maxRequests;

  @Option(names = "--buy-ratio", paramLabel = "R", defaultValue = "0.2", description = "Share of visits that buy, 0 to 1 (default: ${DEFAULT-VALUE}).")
  double buyRatio;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for the visitors' choices (default: random).")
  Long seed;

  @Override
  public Integer call() throws InterruptedException {
    DemoCommand.setUpLogging("info", "logfmt");
    Duration runFor = Durations.parse(duration).filter(d -> !d.isZero()).orElse(null);
    if (runFor == null) {
      System.err.println("saypro-monitor demo traffic: --duration: \"" + duration + "\" is not a positive duration (" + Durations.HINT + ")");
      return 1;
    }
    if (!(rate >= 0.1 && rate <= 2000) || !(buyRatio >= 0 && buyRatio <= 1) || maxRequests < 0) {
      System.err.println("saypro-monitor demo traffic: --rate must be 0.1 to 2000, --buy-ratio 0 to 1, --max-requests 0 or more");
      return 1;
    }
    URI uri;
    try {
      uri = URI.create(target);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("scheme");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("saypro-monitor demo traffic: --target: \"" + target + "\" is not an http:// or https:// URL");
      return 1;
    }
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
    System.err.printf("sending %.1f requests/s to %s for %s%s%n", rate, uri, duration,
        maxRequests > 0 ? " or " + maxRequests + " requests" : "");
    TrafficSummary summary = new TrafficGenerator(uri, http, buyRatio, seed == null ? new Random().nextLong() : seed)
        .run(rate, runFor, maxRequests);
    System.out.println("requests: " + summary.total());
    summary.byRouteAndStatus().forEach((key, count) -> System.out.println("  " + key + ": " + count));
    return 0;
  }
}
