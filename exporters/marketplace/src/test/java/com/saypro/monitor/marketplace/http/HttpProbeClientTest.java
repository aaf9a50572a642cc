package com.saypro.monitor.marketplace.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.marketplace.testing.RawServer;
import com.saypro.monitor.marketplace.testing.TestCertificates;
import com.saypro.monitor.marketplace.testing.TestSite;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP/1.1 client against a real Jetty server and raw sockets on loopback. */
class HttpProbeClientTest {
  private static TestCertificates certificates;
  private static TestSite site;
  private static TlsSettings trustingTestCa;
  private final HttpProbeClient client =
      new HttpProbeClient(new SystemResolver(Executors.newCachedThreadPool()), "test-agent");

  @BeforeAll
  static void start() throws Exception {
    certificates = TestCertificates.create(Duration.ofDays(30));
    site = TestSite.start("127.0.0.1", certificates);
    Path ca = certificates.writeCa(Files.createTempDirectory("ca-").resolve("ca.pem"));
    trustingTestCa = TlsSettings.trusting(ca);
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
  }

  private HttpResult get(String url) {
    return get(url, Duration.ofSeconds(10));
  }

  private HttpResult get(String url, Duration timeout) {
    return client.execute(ProbeRequest.get(URI.create(url), trustingTestCa), null, Deadline.after(timeout));
  }

  /**
   * The accuracy bound: a handler that waits 200 ms adds 200 ms to the time to first byte,
   * within 5 ms, over its baseline. Each side is the fastest of 7 runs: noise on the shared test
   * machine (scheduling, GC) only ever adds time, so the minimum estimates the undisturbed value.
   */
  @Test
  void timeToFirstByteOfADelayedHandlerIs200MsAboveItsBaselineWithin5Ms() {
    get(site.http("/delay?ms=0")); // warm up both sides
    long baseline = Long.MAX_VALUE;
    long delayed = Long.MAX_VALUE;
    for (int i = 0; i < 7; i++) {
      baseline = Math.min(baseline, get(site.http("/delay?ms=0")).phases().processingNanos());
      delayed = Math.min(delayed, get(site.http("/delay?ms=200")).phases().processingNanos());
    }
    assertThat((delayed - baseline) / 1e6).isCloseTo(200.0, org.assertj.core.data.Offset.offset(5.0));
  }

  @Test
  void transferPhaseHoldsAPauseInTheMiddleOfTheBody() {
    HttpResult result = get(site.http("/slowbody?ms=150"));
    assertThat(result.ok()).isTrue();
    assertThat(result.bodyText()).isEqualTo("first part second part");
    // the pause is between the first and last body byte: transfer, not processing
    assertThat(result.phases().transferNanos() / 1e6).isBetween(140.0, 1000.0);
    assertThat(result.phases().processingNanos() / 1e6).isLessThan(140.0);
  }

  @Test
  void plainHttpToAnIpLiteralHasNoResolveAndNoTlsPhase() {
    HttpResult result = get(site.http("/ok"));
    assertThat(result.ok()).isTrue();
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.bodyText()).isEqualTo("hello world");
    assertThat(result.phases().tlsNanos()).isZero();
    assertThat(result.phases().resolveNanos()).isLessThan(Duration.ofMillis(5).toNanos());
    assertThat(result.phases().connectNanos()).isPositive();
    assertThat(result.certificateExpiry()).isEmpty();
  }

  @Test
  void httpsMeasuresTheHandshakeAndReadsTheCertificateExpiry() {
    HttpResult result = get(site.https("/ok"));
    assertThat(result.ok()).as("%s", result.failure()).isTrue();
    assertThat(result.bodyText()).isEqualTo("hello world");
    assertThat(result.phases().tlsNanos()).isPositive();
    assertThat(result.certificateExpiry()).contains(certificates.server().getNotAfter().toInstant());
  }

  @Test
  void anUntrustedCertificateFailsWithTls() {
    HttpResult result = client.execute(ProbeRequest.get(URI.create(site.https("/ok")), TlsSettings.systemDefault()), null,
        Deadline.after(Duration.ofSeconds(10)));
    assertThat(result.failure().map(ProbeFailure::reason)).contains(FailureReason.TLS);
  }

  @Test
  void insecureSkipVerifyAcceptsItAndStillReadsTheExpiry() {
    HttpResult result = client.execute(ProbeRequest.get(URI.create(site.https("/ok")), TlsSettings.insecure()), null,
        Deadline.after(Duration.ofSeconds(10)));
    assertThat(result.ok()).isTrue();
    assertThat(result.certificateExpiry()).isPresent();
  }

  @Test
  void httpsToAServerSpeakingPlainHttpFailsWithTls() {
    HttpResult result = get("https://127.0.0.1:" + site.httpPort() + "/ok");
    assertThat(result.failure().map(ProbeFailure::reason)).contains(FailureReason.TLS);
  }

  @Test
  void chunkedBodiesAreDecoded() throws Exception {
    try (RawServer chunked = new RawServer(RawServer.Mode.CHUNKED)) {
      HttpResult result = get(chunked.url("/"));
      assertThat(result.ok()).as("%s", result.failure()).isTrue();
      assertThat(result.bodyText()).isEqualTo("hello world");
    }
  }

  @Test
  void closeDelimitedAndContentLengthBodiesAreReadWhole() {
    HttpResult unsized = get(site.http("/chunked?n=300000"));
    assertThat(unsized.ok()).isTrue();
    assertThat(unsized.body()).hasSize(300_000);
    HttpResult sized = get(site.http("/bytes?n=300000"));
    assertThat(sized.ok()).isTrue();
    assertThat(sized.head().first("Content-Length")).contains("300000");
    assertThat(sized.body()).hasSize(300_000);
  }

  @Test
  void aTenMegabyteBodyFailsWithBodyTooLargeWhateverItsFraming() throws Exception {
    try (RawServer chunked = new RawServer(RawServer.Mode.CHUNKED_FOREVER)) {
      for (String url : List.of(site.http("/bytes?n=10485760"), site.http("/chunked?n=10485760"), chunked.url("/"))) {
        HttpResult result = get(url);
        assertThat(result.failure().map(ProbeFailure::reason)).as(url).contains(FailureReason.BODY_TOO_LARGE);
        assertThat(result.status()).isEqualTo(200);
      }
    }
  }

  @Test
  void redirectsAreFollowedAndALoopFailsWithRedirects() {
    HttpResult followed = get(site.http("/redirect?to=/ok"));
    assertThat(followed.ok()).isTrue();
    assertThat(followed.redirects()).isEqualTo(1);
    assertThat(followed.finalUri().getPath()).isEqualTo("/ok");
    HttpResult loop = get(site.http("/loop"));
    assertThat(loop.failure().map(ProbeFailure::reason)).contains(FailureReason.REDIRECTS);
    assertThat(loop.redirects()).isEqualTo(10);
  }

  @Test
  void redirectsAcrossSchemesAreFollowed() {
    HttpResult result = get(site.http("/redirect?to=" + site.https("/ok")));
    assertThat(result.ok()).as("%s", result.failure()).isTrue();
    assertThat(result.phases().tlsNanos()).isPositive();
  }

  @Test
  void cookiesSetBeforeARedirectAreSentAfterIt() {
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    HttpResult result = client.execute(ProbeRequest.get(URI.create(site.http("/login-redirect")), trustingTestCa), cookies,
        Deadline.after(Duration.ofSeconds(10)));
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.bodyText()).isEqualTo("session ok");
  }

  @Test
  void garbageInsteadOfHttpFailsWithStatus() throws Exception {
    try (RawServer garbage = new RawServer(RawServer.Mode.GARBAGE)) {
      HttpResult result = get(garbage.url("/"));
      assertThat(result.failure().map(ProbeFailure::reason)).contains(FailureReason.STATUS);
      assertThat(result.status()).isZero();
    }
  }

  @Test
  void aServerThatClosesWithoutAnsweringFailsWithConnect() throws Exception {
    try (RawServer closing = new RawServer(RawServer.Mode.CLOSE)) {
      assertThat(get(closing.url("/")).failure().map(ProbeFailure::reason)).contains(FailureReason.CONNECT);
    }
  }

  @Test
  void aServerThatNeverAnswersFailsWithTimeoutAtTheDeadline() throws Exception {
    try (RawServer silent = new RawServer(RawServer.Mode.SILENT)) {
      HttpResult result = get(silent.url("/"), Duration.ofMillis(500));
      assertThat(result.failure().map(ProbeFailure::reason)).contains(FailureReason.TIMEOUT);
      // bounded by the deadline, not by a read that waits forever
      assertThat(result.totalNanos()).isLessThan(Duration.ofSeconds(5).toNanos());
    }
  }

  @Test
  void aServerDrippingOneByteAtATimeStillEndsAtTheDeadline() throws Exception {
    try (RawServer drip = new RawServer(RawServer.Mode.DRIP)) {
      HttpResult result = get(drip.url("/"), Duration.ofMillis(700));
      assertThat(result.failure().map(ProbeFailure::reason)).contains(FailureReason.TIMEOUT);
      assertThat(result.status()).isEqualTo(200);
      assertThat(result.totalNanos()).isLessThan(Duration.ofSeconds(5).toNanos());
    }
  }

  @Test
  void aClosedPortFailsWithConnect() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    assertThat(get("http://127.0.0.1:" + port + "/").failure().map(ProbeFailure::reason)).contains(FailureReason.CONNECT);
  }
}
