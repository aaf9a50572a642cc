package com.saypro.monitor.network;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each bad config stops start-up with exactly this message: file, line, path, value, item. */
class ConfigErrorsTest {
  private static final String T = "latency:\\n  targets:\\n    - name: shop\\n      host: 127.0.0.1\\n      port: 80\\n";

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          T      interval: 0s                                      | config.yml:6: latency.targets[0].interval: "0s" must be greater than zero (use 500ms, 5s, 1m)
          T      interval: -5s                                     | config.yml:6: latency.targets[0].interval: "-5s" is not a duration (use 500ms, 5s, 1m)
          T      timeout: 0                                        | config.yml:6: latency.targets[0].timeout: "0" must be greater than zero (use 500ms, 5s, 1m)
          T      count: 0                                          | config.yml:6: latency.targets[0].count: "0" must be between 1 and 1000
          T      resolver: corp                                    | config.yml:6: latency.targets[0].resolver: "corp" is not a configured resolver (target "shop") (none configured: add them under dns.resolvers)
          T      colour: red                                       | config.yml:6: latency.targets[0].colour: unknown key (allowed: name, host, method, port, resolver, addresses, interval, count, timeout, spacing, allow_link_local)
          T    - name: shop\\n      host: 127.0.0.2\\n      port: 81 | config.yml:6: latency.targets[1].name: "shop" is used by another target (names must be unique)
          latency:\\n  targets:\\n    - {name: a, host: 2130706433, port: 80}       | config.yml:3: latency.targets[0].host: "2130706433" is not an IP address or host name (target "a") (use 192.0.2.10, [2001:db8::1] or shop.example.com)
          latency:\\n  targets:\\n    - {name: a, host: 127.1, port: 80}            | config.yml:3: latency.targets[0].host: "127.1" is not an IP address or host name (target "a") (use 192.0.2.10, [2001:db8::1] or shop.example.com)
          latency:\\n  targets:\\n    - {name: a, host: 0x7f000001, port: 80}       | config.yml:3: latency.targets[0].host: "0x7f000001" is not an IP address or host name (target "a") (use 192.0.2.10, [2001:db8::1] or shop.example.com)
          latency:\\n  targets:\\n    - {name: a, host: 300.1.1.1, port: 80}        | config.yml:3: latency.targets[0].host: "300.1.1.1" is not an IP address or host name (target "a") (use 192.0.2.10, [2001:db8::1] or shop.example.com)
          latency:\\n  targets:\\n    - {name: a, host: 0.0.0.0, port: 80}          | config.yml:3: latency.targets[0].host: "0.0.0.0" is not a unicast address (target "a")
          latency:\\n  targets:\\n    - {name: a, host: 'http://x/', port: 80}      | config.yml:3: latency.targets[0].host: "http://x/" is not an IP address or host name (target "a") (use 192.0.2.10, [2001:db8::1] or shop.example.com)
          latency:\\n  targets:\\n    - {name: a, host: x.test}                     | config.yml:3: latency.targets[0]: missing required key "port"
          latency:\\n  targets:\\n    - {name: a, host: x.test, port: 70000}        | config.yml:3: latency.targets[0].port: "70000" must be between 1 and 65535
          latency:\\n  targets:\\n    - {name: Shop, host: x.test, port: 80}        | config.yml:3: latency.targets[0].name: "Shop" is not a valid target name (lower-case letters, digits, _ . -, at most 63)
          latency:\\n  rtt_buckets: [0.05, 0.2]                                    | config.yml:2: latency.rtt_buckets: must include 0.1 (the 100 ms latency objective the alerts use)
          latency:\\n  rtt_buckets: [0.1, 0.05]                                    | config.yml:2: latency.rtt_buckets[1]: "0.05" must be larger than the bound before it (list bounds in increasing order)
          dns:\\n  resolvers:\\n    - {name: r, address: 'localhost:53'}          | config.yml:3: dns.resolvers[0].address: "localhost:53" is not an IP address with an optional port (resolver "r") (use 127.0.0.1:53 or [::1]:53)
          dns:\\n  queries:\\n    - {name: q, resolver: nope, query: a.test}    | config.yml:3: dns.queries[0].resolver: "nope" is not a configured resolver (query "q") (none configured: add them under dns.resolvers)
          dns:\\n  resolvers: [{name: r, address: 127.0.0.1}]\\n  queries:\\n    - {name: q, resolver: r, query: a.test, type: BOGUS} | config.yml:4: dns.queries[0].type: "BOGUS" is not a DNS record type (query "q") (use A, AAAA, CNAME, MX, NS, TXT, SOA, SRV, ...)
          dns:\\n  resolvers: [{name: r, address: 127.0.0.1}]\\n  queries:\\n    - {name: q, resolver: r, query: a.test, interval: 0s} | config.yml:4: dns.queries[0].interval: "0s" must be greater than zero (use 500ms, 5s, 1m)
          dns:\\n  zones:\\n    - zone: saypro.test\\n      nameservers: []                | config.yml:3: dns.zones[0]: zone "saypro.test" has no nameservers
          pools:\\n  - name: web\\n    service: {tcp: '127.0.0.1:80'}\\n    backends: [] | config.yml:2: pools[0]: pool "web" has no backends (list at least one under "backends")
          pools:\\n  - name: web\\n    service: {tcp: '127.0.0.1:80'}                   | config.yml:2: pools[0]: pool "web" has no backends (list at least one under "backends")
          pools:\\n  - name: web\\n    service: {tcp: 'x'}\\n    backends: [{name: a, tcp: 'x:1'}] | config.yml:3: pools[0].service.tcp: "x" is not host:port (pool "web") (use 10.0.0.5:443 or web1.example.com:80)
          pools:\\n  - name: web\\n    service: {tcp: 'x:1'}\\n    backends: [{name: a, http: 'ftp://x/'}] | config.yml:4: pools[0].backends[0].http: "ftp://x/" is not an http:// or https:// URL with a host and no credentials (pool "web")
          pools:\\n  - name: web\\n    service: {tcp: 'x:1'}\\n    backends: [{name: a, tcp: 'x:1', http: 'http://x/'}] | config.yml:4: pools[0].backends[0]: set one of "tcp" (host:port) or "http" (URL) (pool "web")
          pools:\\n  - name: web\\n    service: {tcp: 'x:1'}\\n    backends: [{name: a, tcp: 'x:1'}]\\n    interval: 0s | config.yml:5: pools[0].interval: "0s" must be greater than zero (use 500ms, 5s, 1m)
          interfaces:\\n  include: '(eth'                                                | config.yml:2: interfaces.include: "(eth" is not a valid RE2 regex: missing closing )
          interfaces:\\n  speeds: {eth0: fast}                                           | config.yml:2: interfaces.speeds.eth0: "fast" is not a link speed (use 100Mbit, 1Gbit, 10Gbit or bytes per second)
          """)
  void badConfigFailsStartUpWithThisMessage(String yaml, String message) {
    String config = (yaml.startsWith("T ") ? T + yaml.substring(1) : yaml).replace("\\n", "\n");
    assertThatThrownBy(() -> ExporterTestKit.builder(new NetworkExporter()).config(config).start().close())
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }

  @org.junit.jupiter.api.Test
  void aRegexPastTheCoreCapIsRefusedBeforeCompiling() {
    // the cap every exporter's configured regexes share (ConfigNode.asRegex): RE2/J compiles long patterns slowly
    String config = "interfaces:\n  include: '" + "a".repeat(100_000) + "'\n";
    assertThatThrownBy(() -> ExporterTestKit.builder(new NetworkExporter()).config(config).start().close())
        .isInstanceOf(ConfigException.class)
        .hasMessage("config.yml:2: interfaces.include: is 100000 characters long; a regex may have at most 4096");
  }
}
