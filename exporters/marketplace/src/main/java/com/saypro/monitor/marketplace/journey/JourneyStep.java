package com.saypro.monitor.marketplace.journey;

import com.saypro.monitor.marketplace.http.Header;
import com.saypro.monitor.marketplace.http.ProbeRequest;
import com.saypro.monitor.marketplace.http.TlsSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request of a journey, what it must answer, and what to keep from the answer.
 *
 * @param body the request body template, or {@code null} for none
 * @param timeout this step's own limit, within the journey's deadline
 */
public record JourneyStep(
    String name,
    String method,
    Template url,
    List<HeaderTemplate> headers,
    Template body,
    Optional<Duration> timeout,
    long maxBody,
    boolean followRedirects,
    int maxRedirects,
    StepExpectations expect,
    List<Extraction> extract) {
  public JourneyStep {
    headers = List.copyOf(headers);
    extract = List.copyOf(extract);
  }

  /** A header whose value may hold placeholders. */
  public record HeaderTemplate(String name, Template value) {}

  /**
   * The request with {@code values} filled in (URL-encoded in the URL, line breaks removed in
   * headers).
   *
   * @throws IllegalArgumentException when the URL the values make has no usable host
   */
  public ProbeRequest request(Map<String, String> values, TlsSettings tls) {
    URI uri = URI.create(url.render(values, Encoders::url));
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("no host in the URL");
    }
    List<Header> rendered = new ArrayList<>();
    for (HeaderTemplate header : headers) {
      rendered.add(new Header(header.name(), header.value().render(values, Encoders::header)));
    }
    byte[] bytes = body == null ? null : body.render(values, Encoders::raw).getBytes(StandardCharsets.UTF_8);
    return new ProbeRequest(method, uri, rendered, bytes, maxBody, followRedirects, maxRedirects, tls);
  }
}
