package com.saypro.monitor.marketplace.journey;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.saypro.monitor.marketplace.http.Deadline;
import com.saypro.monitor.marketplace.http.FailureReason;
import com.saypro.monitor.marketplace.http.HttpProbeClient;
import com.saypro.monitor.marketplace.http.HttpResult;
import com.saypro.monitor.marketplace.http.PhaseTimings;
import com.saypro.monitor.marketplace.http.ProbeFailure;
import com.saypro.monitor.marketplace.http.ProbeRequest;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a journey once, like a customer: one cookie jar for the whole run, steps in order, each
 * step's extracted values available to the next, the first failure ending the run. Steps after a
 * failure do not run and are not counted as attempts.
 */
public final class JourneyRunner {
  private final HttpProbeClient client;
  private final StepVerifier verifier;
  private final Clock clock;

  public JourneyRunner(HttpProbeClient client, ObjectMapper json, Clock clock) {
    this.client = client;
    this.verifier = new StepVerifier(json);
    this.clock = clock;
  }

  public JourneyResult run(Journey journey, Deadline deadline) {
    long start = System.nanoTime();
    Map<String, String> values = new HashMap<>(journey.variables());
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    List<StepResult> results = new ArrayList<>();
    for (JourneyStep step : journey.steps()) {
      StepResult result = runStep(journey, step, values, cookies, deadline);
      results.add(result);
      if (!result.success()) {
        break;
      }
    }
    return new JourneyResult(journey.name(), results, System.nanoTime() - start, clock.instant());
  }

  private StepResult runStep(
      Journey journey, JourneyStep step, Map<String, String> values, CookieManager cookies, Deadline deadline) {
    if (deadline.passed()) {
      return new StepResult(step.name(), Optional.of(FailureReason.TIMEOUT), "journey deadline passed before this step",
          0, PhaseTimings.ZERO, 0);
    }
    Deadline stepDeadline = step.timeout().map(deadline::atMost).orElse(deadline);
    ProbeRequest request;
    try {
      request = step.request(values, journey.tls());
    } catch (IllegalArgumentException e) {
      // values are percent-encoded, so only a value used as the host can break the URL
      return new StepResult(step.name(), Optional.of(FailureReason.ASSERTION),
          "the URL built from earlier values is not valid", 0, PhaseTimings.ZERO, 0);
    }
    HttpResult result = client.execute(request, cookies, stepDeadline);
    try {
      verifier.verify(step.expect(), step.extract(), result, values);
      return new StepResult(step.name(), Optional.empty(), "", result.status(), result.phases(), result.totalNanos());
    } catch (ProbeFailure failure) {
      return new StepResult(step.name(), Optional.of(failure.reason()), failure.getMessage(), result.status(),
          result.phases(), result.totalNanos());
    }
  }
}
