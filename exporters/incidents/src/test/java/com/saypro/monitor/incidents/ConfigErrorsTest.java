package com.saypro.monitor.incidents;

import com.saypro.monitor.core.testkit.Ports;
import com.saypro.monitor.core.testkit.Await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each bad config gives exactly this one-line message; the embedded defaults start cleanly. */
class ConfigErrorsTest {
  private static final String AUTH = "webhook: {auth: {bearer_token_file: webhook.token}}\n";

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          storage: {type: sqlite}                                          | config.yml:1: missing required key "webhook"
          webhook: {}                                                      | config.yml:1: webhook: missing required key "auth" (bearer_token_file, basic_auth, or unauthenticated: true)
          webhook: {auth: {}}                                              | config.yml:1: webhook.auth: set exactly one of bearer_token_file, basic_auth or unauthenticated: true
          webhook: {auth: {bearer_token_file: nope.token}}                 | config.yml:1: webhook.auth.bearer_token_file: file FOLDER/nope.token does not exist
          webhook: {auth: {unauthenticated: true, bearer_token_file: webhook.token}} | config.yml:1: webhook.auth: set exactly one of bearer_token_file, basic_auth or unauthenticated: true
          webhook: {auth: {basic_auth: {username: a}}}                     | config.yml:1: webhook.auth.basic_auth: missing required key "password_file" (or "password")
          AUTH storage: {type: oracle}                                     | config.yml:2: storage.type: "oracle" is not one of sqlite, postgresql, mysql
          AUTH storage: {type: postgresql}                                 | config.yml:2: storage: missing required key "url"
          AUTH storage: {type: postgresql, url: 'jdbc:mysql://x/y'}        | config.yml:2: storage.url: "jdbc:mysql://x/y" must start with jdbc:postgresql:// for storage type postgresql
          AUTH storage: {type: postgresql, url: 'jdbc:postgresql://h/d?password=hunter2'} | config.yml:2: storage.url: must not contain a password: use password_file
          AUTH webhook2: 1                                                 | config.yml:2: webhook2: unknown key (allowed: collectors, scrape, jvm_metrics, storage, webhook, acknowledge, alertmanager, heartbeat_alertname, sla, severity_label, team_label, teams)
          AUTH alertmanager: {urls: ['ftp://am:9093']}                     | config.yml:2: alertmanager.urls[0]: "ftp://am:9093" is not an http(s) URL of an Alertmanager (for example http://127.0.0.1:9093; credentials go in bearer_token_file)
          AUTH alertmanager: {urls: []}                                    | config.yml:2: alertmanager.urls: must list at least one Alertmanager (or remove the alertmanager section)
          AUTH alertmanager: {urls: ['http://a:1'], poll_interval: 0s}     | config.yml:2: alertmanager.poll_interval: "0s" must be greater than zero (use 500ms, 5s, 1m)
          AUTH sla: {severities: {critical: {acknowledge_within: soon}}}   | config.yml:2: sla.severities.critical.acknowledge_within: "soon" is not a duration (use 500ms, 5s, 1m)
          AUTH sla: {severities: {critical: {respond_within: 15m}}}        | config.yml:2: sla.severities.critical.respond_within: unknown key (allowed: acknowledge_within, resolve_within)
          AUTH teams: [payments, other]                                    | config.yml:2: teams[1]: "other" is not a team name (1 to 64 characters; "other" and "none" are reserved)
          AUTH severity_label: 'sev-level'                                 | config.yml:2: severity_label: "sev-level" is not a Prometheus label name
          """)
  void badConfigGivesThisMessage(String yaml, String message) throws Exception {
    Path folder = IncidentsKit.folder();
    String config = yaml.replace("AUTH ", AUTH);
    assertThatThrownBy(() -> ExporterTestKit.builder(new IncidentsExporter()).directory(folder).config(config).start().close())
        .isInstanceOf(ConfigException.class)
        .hasMessage(message.replace("FOLDER", folder.toString()));
  }

  @Test
  void theEmbeddedDefaultsStartOnAFreshMachine() throws Exception {
    // the embedded defaults, as a file in a scratch folder: their store path is relative to it
    String defaults;
    try (var in = IncidentsExporter.class.getResourceAsStream(new IncidentsExporter().defaultConfigResource())) {
      defaults = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Path folder = IncidentsKit.folder();
    try (ExporterTestKit kit = ExporterTestKit.builder(new IncidentsExporter()).directory(folder).config(defaults).start()) {
      assertThat(folder.resolve("saypro-incidents.db")).exists();
      var scrape = kit.scrape();
      assertThat(scrape.value("saypro_scrape_collector_success", "collector", "sla")).isEqualTo(1);
      assertThat(scrape.value("saypro_incidents_sla_target_seconds", "severity", "critical", "sla", "acknowledge")).isEqualTo(900);
      assertThat(scrape.value("saypro_incidents_sla_target_seconds", "severity", "warning", "sla", "acknowledge")).isEqualTo(7200);
      assertThat(scrape.value("saypro_incidents_sla_target_seconds", "severity", "high", "sla", "resolve")).isEqualTo(7200);
      // no Alertmanager on 127.0.0.1:9093 is an error metric, never a crash
      assertThat(scrape.maybe("saypro_incidents_silence_poll_success")).isPresent();
      assertThat(kit.get("/incidents").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anUnreachableAlertmanagerIsAnErrorMetric() throws Exception {
    int closedPort = Ports.free();
    String config = IncidentsKit.config("alertmanager: {urls: ['http://127.0.0.1:" + closedPort + "'], poll_interval: 100ms}\n");
    try (IncidentsKit exporter = IncidentsKit.start(IncidentsKit.folder(), config, java.time.Clock.systemUTC())) {
      Await.until("a failed silence poll", java.time.Duration.ofSeconds(30),
          () -> exporter.scrape().value("saypro_incidents_silence_poll_failures_total") >= 2);
      assertThat(exporter.scrape().value("saypro_incidents_silence_poll_success")).isZero();
      assertThat(exporter.kit().get("/incidents").body()).contains("last poll failed: no Alertmanager answered: http://127.0.0.1:" + closedPort);
    }
  }
}
