package com.saypro.monitor.marketplace.availability;

import com.saypro.monitor.marketplace.http.Header;
import com.saypro.monitor.marketplace.http.ProbeRequest;
import com.saypro.monitor.marketplace.http.TlsSettings;
import com.saypro.monitor.marketplace.journey.StepExpectations;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One critical service to check: a request, what its answer must be, and how hard to try.
 *
 * @param retries extra attempts after a failed one before the target counts as down
 * @param allAddresses check every address the host resolves to, each as its own {@code address}
 */
public record AvailabilityCheck(
    String name,
    String method,
    URI url,
    List<Header> headers,
    StepExpectations expect,
    Duration interval,
    Duration timeout,
    int retries,
    Duration retryDelay,
    boolean allAddresses,
    boolean scheduled,
    long maxBody,
    boolean followRedirects,
    int maxRedirects,
    TlsSettings tls) {
  public AvailabilityCheck {
    headers = List.copyOf(headers);
  }

  public ProbeRequest request() {
    return new ProbeRequest(method, url, headers, null, maxBody, followRedirects, maxRedirects, tls);
  }
}
