package com.saypro.monitor.core.testkit;

import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.exporter.Exporter;
import com.saypro.monitor.core.exporter.ExporterContext;
import com.saypro.monitor.core.exporter.ExporterDefinition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small exporter for testing the core: collectors that work, throw, hang or count their
 * collections, configured through a few keys.
 *
 * <pre>
 * greeting: hello     # label value of saypro_test_value
 * series: 3           # how many series saypro_test_series has
 * slow_for: 300ms     # how long the slow collector takes
 * configured_metric: saypro_x  # a metric the config defines, returned by the value collector
 * </pre>
 */
public final class TestCollectors implements ExporterDefinition {
  public static final MetricDef VALUE = MetricDef.gauge("saypro_test_value", "A fixed value.", "greeting");
  public static final MetricDef SERIES = MetricDef.gauge("saypro_test_series", "Many series.", "index");
  public static final MetricDef THROWS = MetricDef.gauge("saypro_test_throws", "Never produced.");
  public static final MetricDef HANGS = MetricDef.gauge("saypro_test_hangs", "Never produced in time.");
  public static final MetricDef SLOW = MetricDef.counter("saypro_test_slow_total", "Collections of the slow collector.");
  public static final MetricDef UNDECLARED_SOURCE = MetricDef.gauge("saypro_test_declared", "Declared.");

  /** Counts the collections of the {@code slow} collector, across instances. */
  public final AtomicInteger slowCollections = new AtomicInteger();
  /** Released to let the {@code hangs} collector finish; it ignores interruption until then. */
  public final CountDownLatch releaseHang = new CountDownLatch(1);
  /** How long the {@code slow} collector takes. */
  public volatile Duration slowFor = Duration.ofMillis(300);

  private final String name;
  private final String oneShotDescription;

  /** The exporter {@code test}, without a one-shot mode. */
  public TestCollectors() {
    this("test", null);
  }

  private TestCollectors(String name, String oneShotDescription) {
    this.name = name;
    this.oneShotDescription = oneShotDescription;
  }

  /** The same collectors as an exporter called {@code name} that offers {@code --one-shot}. */
  public static TestCollectors withOneShot(String name) {
    return new TestCollectors(name, "collect once, print the metrics and exit");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String oneShotDescription() {
    return oneShotDescription;
  }

  @Override
  public String description() {
    return "Collectors for testing the core <b>runtime</b>";
  }

  @Override
  public int defaultPort() {
    return 9899;
  }

  @Override
  public List<CollectorSpec> collectors() {
    return List.of(
        CollectorSpec.of("value", "A fixed value", VALUE),
        CollectorSpec.of("series", "Many series", SERIES),
        CollectorSpec.of("throws", "Always throws", THROWS).disabledByDefault(),
        CollectorSpec.of("hangs", "Sleeps until released", HANGS).disabledByDefault(),
        CollectorSpec.of("slow", "Takes slowFor and counts", SLOW).disabledByDefault(),
        CollectorSpec.of("undeclared", "Returns a metric it did not declare", UNDECLARED_SOURCE).disabledByDefault());
  }

  @Override
  public Exporter create(ConfigNode config, ExporterContext context) throws ConfigException {
    String greeting = config.string("greeting", "hello");
    int series = config.integer("series", 3, 0, 1_000_000);
    String configuredName = config.string("configured_metric", null);
    MetricDef configured = configuredName == null ? null : MetricDef.gauge(configuredName, "Defined by the config.");
    if (config.has("slow_for")) {
      slowFor = config.positiveDuration("slow_for", slowFor);
    }
    Map<String, SayproCollector> collectors = new LinkedHashMap<>();
    collectors.put("value", ctx -> configured == null
        ? List.of(VALUE.points().add(42, greeting).build())
        : List.of(VALUE.points().add(42, greeting).build(), configured.points().add(7).build()));
    collectors.put("series", ctx -> {
      MetricDef.Points points = SERIES.points();
      for (int i = 0; i < series; i++) {
        points.add(i, Integer.toString(i));
      }
      return List.of(points.build());
    });
    collectors.put("throws", ctx -> {
      throw new IllegalStateException("broken on purpose");
    });
    collectors.put("hangs", ctx -> {
      // a real hang, like a socket read without timeout: interruption does not end it
      boolean released = false;
      while (!released) {
        try {
          releaseHang.await();
          released = true;
        } catch (InterruptedException ignored) {
          // keep hanging
        }
      }
      return List.of(HANGS.points().add(1).build());
    });
    collectors.put("slow", ctx -> {
      Thread.sleep(slowFor.toMillis()); // the collector's own work: this is what is being timed
      return List.of(SLOW.points().add(slowCollections.incrementAndGet()).build());
    });
    collectors.put("undeclared", ctx -> List.of(VALUE.points().add(1, "x").build()));
    collectors.keySet().removeIf(name -> !context.enabled(name));
    Map<String, SayproCollector> enabled = Map.copyOf(collectors);
    return new Exporter() {
      @Override
      public Map<String, SayproCollector> collectors() {
        return enabled;
      }

      @Override
      public Map<String, List<MetricDef>> configuredMetrics() {
        return configured == null ? Map.of() : Map.of("value", List.of(configured));
      }
    };
  }
}
