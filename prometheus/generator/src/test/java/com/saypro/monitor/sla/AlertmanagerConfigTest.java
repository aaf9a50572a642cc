package com.saypro.monitor.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** amtool check-config and the routing tree, one case per severity and team. */
class AlertmanagerConfigTest {
  private final Path alertmanager = RepoRoot.find().resolve("alertmanager");

  @Test
  void configIsValid() {
    Tools.Result result = Tools.run(alertmanager, 60, "amtool", "check-config", "alertmanager.yml");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("4 inhibit rules").contains("1 templates");
  }

  @Test
  void brokenCopyIsRejected(@TempDir Path dir) throws Exception {
    String config = Files.readString(alertmanager.resolve("alertmanager.yml"), StandardCharsets.UTF_8);
    String broken = config.replace("receiver: oncall-pager", "receiver: no-such-receiver");
    assertThat(broken).isNotEqualTo(config);
    Files.writeString(dir.resolve("alertmanager.yml"), broken, StandardCharsets.UTF_8);

    Tools.Result result = Tools.run(dir, 60, "amtool", "check-config", "alertmanager.yml");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("no-such-receiver");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "alertname=CheckoutErrorBudgetBurn severity=critical team=payments | incidents,oncall-pager",
      "alertname=DatabaseDown severity=critical team=database          | incidents,oncall-pager",
      "alertname=BackendDown severity=warning team=marketplace          | incidents,tickets",
      "alertname=DataIntegrityViolation severity=warning team=database  | incidents,tickets",
      "alertname=TLSCertificateExpiryCritical severity=critical team=security | incidents,security,oncall-pager",
      "alertname=BruteForceAttack severity=warning team=security        | incidents,security,tickets",
      "alertname=Watchdog severity=info team=platform                   | incidents",
      "alertname=SomethingInformational severity=info team=platform     | incidents,null",
      "alertname=NetworkTargetUnreachable severity=critical team=network | incidents,oncall-pager",
  })
  void routesBySeverityAndTeam(String labels, String receivers) {
    String[] command = ("amtool config routes test --config.file=alertmanager.yml --verify.receivers=" + receivers.trim()
        + " " + labels.trim()).split(" ");
    Tools.Result result = Tools.run(alertmanager, 60, command);
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains(receivers.trim());
  }

  @Test
  void aWrongExpectationFails() {
    Tools.Result result = Tools.run(alertmanager, 60, "amtool", "config", "routes", "test", "--config.file=alertmanager.yml",
        "--verify.receivers=incidents,tickets", "severity=critical", "team=payments");
    assertThat(result.exitCode()).isNotZero();
  }

  @Test
  void templatesCarrySummaryRunbookAndDashboard() {
    Tools.Result result = Tools.run(alertmanager, 60, "amtool", "template", "render", "--template.glob=templates/*.tmpl",
        "--template.text={{ template \"saypro.text\" . }}");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("Runbook: ").contains("Dashboard: ");
  }
}
