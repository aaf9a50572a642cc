package com.saypro.monitor.marketplace;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each bad config gives exactly this message: file, line, path, value, and the journey and step. */
class ConfigErrorsTest {
  private static final String STEP = "journeys:\\n  - name: buy\\n    steps:\\n      - name: home\\n        url: http://127.0.0.1/\\n";

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          STEP      - name: pay\\n        url: http://127.0.0.1/orders/{{order}}                                   | config.yml:7: journeys[0].steps[1].url: "http://127.0.0.1/orders/{{order}}" (journey "buy", step "pay") refers to {{order}}, which no earlier step extracts and no variable defines
          STEP        extract: {id: {json: '$.id'}}\\n      - name: pay\\n        url: http://x/{{od}}                     | config.yml:8: journeys[0].steps[1].url: "http://x/{{od}}" (journey "buy", step "pay") refers to {{od}}, which no earlier step extracts and no variable defines (known: id)
          STEP      - name: pay\\n        url: http://x/\\n        extract: {id: {regex: '(unclosed'}}            | config.yml:8: journeys[0].steps[1].extract.id.regex: "(unclosed" is not a valid RE2 regex (journey "buy", step "pay"): missing closing )
          STEP      - name: pay\\n        url: http://x/\\n        expect: {body_matches: '*'}                    | config.yml:8: journeys[0].steps[1].expect.body_matches: "*" is not a valid RE2 regex (journey "buy", step "pay"): missing argument to repetition operator
          STEP      - name: pay\\n        url: http://x/\\n        extract: {id: {json: 'id'}}                    | config.yml:8: journeys[0].steps[1].extract.id.json: "id" is not a JSON path (journey "buy", step "pay") (use a JSON pointer like /results/0/id or a path like $.results[0].id)
          STEP      - name: pay\\n        url: http://x/\\n        expect: {json: {'$.a[x]': 1}}                  | config.yml:8: journeys[0].steps[1].expect.json.$.a[x]: "$.a[x]" is not a JSON path (journey "buy", step "pay") (use a JSON pointer like /results/0/id or a path like $.results[0].id)
          STEP      - name: pay\\n        url: ftp://127.0.0.1/file                                            | config.yml:7: journeys[0].steps[1].url: "ftp://127.0.0.1/file" has an unsupported scheme (journey "buy", step "pay") (use http:// or https://)
          STEP      - name: pay\\n        url: /relative                                                        | config.yml:7: journeys[0].steps[1].url: "/relative" has an unsupported scheme (journey "buy", step "pay") (use http:// or https://)
          STEP      - name: pay\\n        url: http://x/{{ order                                                | config.yml:7: journeys[0].steps[1].url: "http://x/{{ order" has a malformed {{...}} placeholder (use {{name}}, letters, digits and _) (journey "buy", step "pay")
          STEP      - name: home\\n        url: http://x/                                                       | config.yml:6: journeys[0].steps[1].name: "home" is used by another step (names must be unique) (journey "buy")
          STEP      - name: Pay\\n        url: http://x/                                                        | config.yml:6: journeys[0].steps[1].name: "Pay" is not a valid step name (lower-case letters, digits and _, starting with a letter, at most 63) (journey "buy")
          STEP      - name: pay\\n        url: http://x/\\n        method: get                                    | config.yml:8: journeys[0].steps[1].method: "get" is not a supported method (journey "buy", step "pay") (use DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT)
          STEP      - name: pay\\n        url: http://x/\\n        expect: {status: 2xxx}                         | config.yml:8: journeys[0].steps[1].expect.status: "2xxx" is not a status (journey "buy", step "pay") (use 200 or 2xx)
          STEP      - name: pay\\n        url: http://x/\\n        headers: {Host: x}                             | config.yml:8: journeys[0].steps[1].headers.Host: header "Host" is set by the prober itself (journey "buy", step "pay")
          STEP      - name: pay\\n        url: http://x/\\n        max_body: 2MB                                  | config.yml:8: journeys[0].steps[1].max_body: "2MB" is not a size (journey "buy", step "pay") (use a number of bytes or 512KiB, 2MiB, 1GiB)
          STEP      - name: pay\\n        url: http://x/\\n        extract: {id: {json: /a, regex: b}}            | config.yml:8: journeys[0].steps[1].extract.id: set one of "json", "regex" or "header" (with an optional "regex") (journey "buy", step "pay")
          STEP      - name: pay\\n        url: http://x/\\n        expct: {status: 200}                           | config.yml:8: journeys[0].steps[1].expct: unknown key (allowed: name, method, url, headers, body, timeout, max_body, follow_redirects, max_redirects, expect, extract)
          journeys:\\n  - name: buy\\n    steps: []                                                            | config.yml:3: journeys[0].steps: journey "buy" has no steps
          journeys:\\n  - name: buy                                                                              | config.yml:2: journeys[0]: missing required key "steps"
          STEP  - name: buy\\n    steps: [{name: a, url: 'http://x/'}]                                           | config.yml:6: journeys[1].name: "buy" is used by another journey (names must be unique)
          availability:\\n  checks:\\n    - name: gw\\n      url: gopher://x/                                  | config.yml:4: availability.checks[0].url: "gopher://x/" has an unsupported scheme (check "gw") (use http:// or https://)
          availability:\\n  checks:\\n    - name: gw\\n      url: http://x/{{id}}                              | config.yml:4: availability.checks[0].url: "http://x/{{id}}" (check "gw") refers to {{id}}, which no earlier step extracts and no variable defines
          availability:\\n  retries: 11                                                                      | config.yml:2: availability.retries: "11" must be between 0 and 10
          availability:\\n  checks:\\n    - name: gw\\n      url: https://x/\\n      tls: {ca_file: missing.pem} | config.yml:5: availability.checks[0].tls.ca_file: "missing.pem" cannot be read (NoSuchFileException)
          dns_server: localhost:53                                                                         | config.yml:1: dns_server: "localhost:53" is not an IP address with an optional port (use 127.0.0.1:53 or [::1]:53)
          duration_buckets: [0.5, 0.1]                                                                     | config.yml:1: duration_buckets[1]: "0.1" must be larger than the bound before it (list bounds in increasing order)
          """)
  void badConfigFailsStartUpWithThisMessage(String yaml, String message) {
    String config = yaml.replace("STEP", STEP).replace("\\n", "\n");
    assertThatThrownBy(() -> ExporterTestKit.builder(new MarketplaceExporter()).config(config).start().close())
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }
}
