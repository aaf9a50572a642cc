package com.saypro.monitor.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.TestCollectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each bad config file gives exactly this one-line message, naming file, line, path and value. */
class ConfigErrorsTest {
  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          greetin: hi                                   | config.yml:1: greetin: unknown key (allowed: collectors, scrape, jvm_metrics, greeting, series, configured_metric, slow_for)
          series: many                                  | config.yml:1: series: "many" is not a whole number
          series: -1                                    | config.yml:1: series: "-1" must be between 0 and 1000000
          collectors:\\n  nope: {}                      | config.yml:2: collectors.nope: unknown collector (known: value, series, throws, hangs, slow, undeclared)
          collectors:\\n  value: {enabled: yes}         | config.yml:2: collectors.value.enabled: "yes" is not a boolean (use true or false)
          collectors:\\n  value: {min_interval: 5x}     | config.yml:2: collectors.value.min_interval: "5x" is not a duration (use 500ms, 5s, 1m)
          collectors:\\n  value: {enabld: true}         | config.yml:2: collectors.value.enabld: unknown key (allowed: enabled, min_interval, timeout)
          collectors:\\n  value: on                     | config.yml:2: collectors.value: must be a map of keys, not the value "on"
          collectors: [value]                           | config.yml:1: collectors: must be a map of keys, not a list
          scrape:\\n  timeout_offset: 1h1h              | config.yml:2: scrape.timeout_offset: "1h1h" is not a duration (use 500ms, 5s, 1m)
          scrape:\\n  default_timeout: 0                | config.yml:2: scrape.default_timeout: "0" must be greater than zero (use 500ms, 5s, 1m)
          scrape:\\n  default_timeout: 11m              | config.yml:2: scrape.default_timeout: "11m" must be at most 10m
          jvm_metrics: 1                                | config.yml:1: jvm_metrics: "1" is not a boolean (use true or false)
          greeting: ${NOT_SET_ANYWHERE}                 | config.yml:1: greeting: environment variable NOT_SET_ANYWHERE is not set
          greeting: ${bad name}                         | config.yml:1: greeting: "${bad name}" has a malformed ${...} reference (use ${NAME}, or $$ for a literal $)
          greeting: [a, b]                              | config.yml:1: greeting: must be a single value, not a list
          series: 1\\nseries: 2                         | config.yml:2: series: duplicate key
          a: &x 1\\nb: *x                               | config.yml:2: b: YAML aliases are not supported
          greeting: "unclosed                           | config.yml:1: not valid YAML: while scanning a quoted scalar
          - just\\n- a list                             | config.yml:1: must be a map of keys, not a list
          series: 1\\n---\\nseries: 2                   | config.yml:3: only one YAML document is allowed
          """)
  void badConfigFileGivesThisMessage(String yaml, String message) {
    String config = yaml.replace("\\n", "\n");
    assertThatThrownBy(() -> ExporterTestKit.builder(new TestCollectors()).config(config).start().close())
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          greeting: ${GREETING}     | from env
          greeting: $${GREETING}    | ${GREETING}
          greeting: cost $$5        | cost $5
          """)
  void environmentVariablesAreExpanded(String yaml, String expected) throws Exception {
    try (ExporterTestKit kit = ExporterTestKit.builder(new TestCollectors()).config(yaml).env("GREETING", "from env").start()) {
      assertThat(kit.scrape().value("saypro_test_value", "greeting", expected)).isEqualTo(42.0);
    }
  }
}
