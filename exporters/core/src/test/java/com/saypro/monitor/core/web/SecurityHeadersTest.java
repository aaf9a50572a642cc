package com.saypro.monitor.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.TestCollectors;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configured response headers are on every answer, refusals and errors included. */
class SecurityHeadersTest {
  private static final String CONFIG = "http_server_config:\n  headers:\n"
      + "    X-Frame-Options: deny\n"
      + "    X-Content-Type-Options: nosniff\n"
      + "    Content-Security-Policy: default-src 'self'\n"
      + "    Strict-Transport-Security: max-age=31536000\n"
      + "basic_auth_users:\n  alice: '" + HttpsClient.hash("pw") + "'\n";

  @Test
  void headersAreOnOkUnauthorizedAndNotFound() throws Exception {
    try (ExporterTestKit kit = ExporterTestKit.builder(new TestCollectors()).webConfig(CONFIG).start()) {
      String alice = HttpsClient.basic("alice", "pw");
      HttpResponse<String> ok = kit.get("/metrics", "Authorization", alice);
      HttpResponse<String> unauthorized = kit.get("/metrics");
      HttpResponse<String> notFound = kit.get("/no-such-page", "Authorization", alice);

      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(unauthorized.statusCode()).isEqualTo(401);
      assertThat(notFound.statusCode()).isEqualTo(404);
      for (HttpResponse<String> response : List.of(ok, unauthorized, notFound)) {
        assertThat(response.headers().firstValue("X-Frame-Options")).as("%s", response).contains("deny");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as("%s", response).contains("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy")).as("%s", response).contains("default-src 'self'");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as("%s", response).contains("max-age=31536000");
      }
    }
  }

  @Test
  void theRateLimitAnswers429WithTheHeaders() throws Exception {
    String config = "rate_limit:\n  burst: 2\n  interval: 1h\nhttp_server_config:\n  headers:\n    X-Frame-Options: sameorigin\n";
    try (ExporterTestKit kit = ExporterTestKit.builder(new TestCollectors()).webConfig(config).start()) {
      assertThat(kit.get("/-/healthy").statusCode()).isEqualTo(200);
      assertThat(kit.get("/-/healthy").statusCode()).isEqualTo(200);

      HttpResponse<String> limited = kit.get("/-/healthy");

      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("X-Frame-Options")).contains("sameorigin");
    }
  }
}
