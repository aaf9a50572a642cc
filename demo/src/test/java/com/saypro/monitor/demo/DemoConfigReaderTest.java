package com.saypro.monitor.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigLoader;
import com.saypro.monitor.demo.db.Dialect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The demo's config: defaults, a full file, and messages that name file, line and path. */
class DemoConfigReaderTest {
  private final ConfigLoader loader = new ConfigLoader(Map.of("DB_PASSWORD", "s3cret")::get);

  private DemoConfig read(String yaml) throws ConfigException {
    return new DemoConfigReader(Path.of("/etc/demo")).read(loader.parse("demo.yml", yaml));
  }

  @Test
  void defaultsNeedNothing() throws ConfigException {
    DemoConfig config = read("{}");
    assertThat(config.front().port()).isEqualTo(8480);
    assertThat(config.backends()).extracting(b -> b.port()).containsExactly(8491, 8492, 8493);
    assertThat(config.database().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/saypro_demo");
    assertThat(config.accessLog()).isEqualTo(Path.of("/etc/demo/demo-data/logs/access.log"));
  }

  @Test
  void readsAFullFile() throws ConfigException {
    DemoConfig config = read("""
        listen_address: 127.0.0.1:9080
        backends: [127.0.0.1:9091, 127.0.0.1:9092]
        gateway: {listen_address: 127.0.0.1:9082, timeout: 500ms, hang: 5s}
        control: {listen_address: 127.0.0.1:9081, token_file: token}
        database: {url: "jdbc:mariadb://db:3306/shop", user: shop, password: "${DB_PASSWORD}", pool_size: 4}
        data_dir: /var/lib/demo
        logs: {access_log: /var/log/demo/access.log}
        """);
    assertThat(config.backends()).hasSize(2);
    assertThat(config.gatewayTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.tokenFile()).contains(Path.of("/etc/demo/token"));
    assertThat(config.database().dialect()).isEqualTo(Dialect.MYSQL);
    assertThat(config.database().password().orElseThrow().reveal()).isEqualTo("s3cret");
    assertThat(config.database().toString()).doesNotContain("s3cret");
    assertThat(config.accessLog()).isEqualTo(Path.of("/var/log/demo/access.log"));
    assertThat(config.appLog()).isEqualTo(Path.of("/var/lib/demo/logs/app.log"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      database: {url: "jdbc:oracle:thin:@x"}  | demo.yml:1: database.url: "jdbc:oracle:thin:@x" a JDBC URL starting with jdbc:postgresql:, jdbc:mysql: or jdbc:mariadb:
      database: {pool_size: 0}               | demo.yml:1: database.pool_size: "0"
      gateway: {timeout: 0s}                 | demo.yml:1: gateway.timeout: "0s" must be greater than zero
      backends: []                           | demo.yml:1: backends: must list 1 to 16 backend addresses
      listen_address: nowhere                | demo.yml:1: listen_address: "nowhere" host:port
      colour: red                            | demo.yml:1: colour: unknown key
      """)
  void refusesBadConfig(String yaml, String message) {
    assertThatThrownBy(() -> read(yaml)).isInstanceOf(ConfigException.class).hasMessageStartingWith(message);
  }
}
