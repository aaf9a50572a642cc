package com.saypro.monitor.marketplace.availability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.saypro.monitor.marketplace.http.Deadline;
import com.saypro.monitor.marketplace.http.HostResolver;
import com.saypro.monitor.marketplace.http.HttpProbeClient;
import com.saypro.monitor.marketplace.http.HttpResult;
import com.saypro.monitor.marketplace.http.IpLiteral;
import com.saypro.monitor.marketplace.http.ProbeFailure;
import com.saypro.monitor.marketplace.journey.StepVerifier;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * Runs a check once: resolves the host (every address with {@code all_addresses}), and for each
 * address sends the request, retrying a failed attempt up to {@code retries} times after {@code
 * retry_delay}, so one lost packet does not page anyone. Only the last attempt decides.
 */
public final class AvailabilityChecker {
  private final HttpProbeClient client;
  private final HostResolver resolver;
  private final StepVerifier verifier;
  private final Clock clock;

  public AvailabilityChecker(HttpProbeClient client, HostResolver resolver, ObjectMapper json, Clock clock) {
    this.client = client;
    this.resolver = resolver;
    this.verifier = new StepVerifier(json);
    this.clock = clock;
  }

  /** @param deadline bounds the whole run (every address and retry), on top of each attempt's timeout */
  public CheckResult run(AvailabilityCheck check, Deadline deadline) throws InterruptedException {
    long start = System.nanoTime();
    List<TargetResult> targets = new ArrayList<>();
    if (!check.allAddresses()) {
      targets.add(checkTarget(check, null, deadline));
    } else {
      List<InetAddress> addresses;
      try {
        addresses = addresses(check, deadline.atMost(check.timeout()));
      } catch (ProbeFailure failure) {
        targets.add(new TargetResult("", Optional.of(failure.reason()), failure.getMessage(), 0,
            System.nanoTime() - start, Optional.empty(), 1));
        return new CheckResult(check.name(), targets, System.nanoTime() - start, clock.instant());
      }
      for (InetAddress address : addresses) {
        targets.add(checkTarget(check, address, deadline));
      }
    }
    return new CheckResult(check.name(), targets, System.nanoTime() - start, clock.instant());
  }

  private List<InetAddress> addresses(AvailabilityCheck check, Deadline deadline) throws ProbeFailure {
    String host = check.url().getHost();
    Optional<InetAddress> literal = IpLiteral.parse(host);
    if (literal.isPresent()) {
      return List.of(literal.get());
    }
    // the same address twice (a resolver repeating itself) would be one label value twice
    return resolver.resolve(host, deadline).stream().distinct().toList();
  }

  private TargetResult checkTarget(AvailabilityCheck check, InetAddress pinned, Deadline deadline) throws InterruptedException {
    int attempts = 0;
    while (true) {
      attempts++;
      HttpResult result = client.execute(check.request(), null, deadline.atMost(check.timeout()), pinned);
      String address = pinned != null ? pinned.getHostAddress()
          : result.address() != null ? result.address().getHostAddress() : "";
      Optional<ProbeFailure> failure = verify(check, result);
      boolean retry = failure.isPresent() && attempts <= check.retries()
          && deadline.remainingNanos() > check.retryDelay().toNanos();
      if (!retry) {
        return new TargetResult(address, failure.map(ProbeFailure::reason), failure.map(Throwable::getMessage).orElse(""),
            result.status(), result.totalNanos(), result.certificateExpiry(), attempts);
      }
      Thread.sleep(check.retryDelay().toMillis()); // a deliberate pause between attempts, not a wait for a condition
    }
  }

  private Optional<ProbeFailure> verify(AvailabilityCheck check, HttpResult result) {
    try {
      verifier.verify(check.expect(), List.of(), result, new HashMap<>());
      return Optional.empty();
    } catch (ProbeFailure failure) {
      return Optional.of(failure);
    }
  }
}
