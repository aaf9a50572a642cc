package com.saypro.monitor.marketplace.journey;

import com.saypro.monitor.marketplace.http.TlsSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A configured user journey: steps run in order on one cookie jar, each able to use the values
 * earlier steps extracted. The first failing step ends the run.
 *
 * @param name the {@code journey} label value ({@code [a-z][a-z0-9_]*})
 * @param interval how often it runs in the background
 * @param timeout the deadline of one whole run
 * @param scheduled false for journeys run only through {@code /probe}
 * @param variables constant values the steps may use, like extracted ones
 */
public record Journey(
    String name,
    Duration interval,
    Duration timeout,
    boolean scheduled,
    Map<String, String> variables,
    List<JourneyStep> steps,
    TlsSettings tls) {
  public Journey {
    variables = Map.copyOf(variables);
    steps = List.copyOf(steps);
  }

  public List<String> stepNames() {
    return steps.stream().map(JourneyStep::name).toList();
  }
}
