package com.saypro.monitor.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {
  @TempDir Path dir;

  private ConfigNode parse(String yaml) throws ConfigException {
    return new ConfigLoader(name -> name.equals("DB_PASSWORD") ? "canary-from-env" : null).parse("db.yml", yaml);
  }

  @Test
  void aSecretNeverShowsInToString() throws Exception {
    Secret secret = parse("password: ${DB_PASSWORD}").secret("password", new SecretFiles(dir)).orElseThrow();
    assertThat(secret.reveal()).isEqualTo("canary-from-env");
    assertThat(secret.toString()).isEqualTo("<secret>");
    assertThat(String.valueOf(java.util.List.of(secret))).doesNotContain("canary");
  }

  @Test
  void aSecretFileIsReadWithoutItsTrailingNewline() throws Exception {
    Files.writeString(dir.resolve("pw"), "canary-from-file\n");
    Secret secret = parse("password_file: pw").secret("password", new SecretFiles(dir)).orElseThrow();
    assertThat(secret.reveal()).isEqualTo("canary-from-file");
  }

  @Test
  void errorsNameThePathNeverTheValue() throws Exception {
    assertThatThrownBy(() -> parse("password_file: missing").secret("password", new SecretFiles(dir)))
        .hasMessage("db.yml:1: password_file: file " + dir.resolve("missing") + " does not exist");
    assertThatThrownBy(() -> parse("password: ${DB_PASSWORD}\npassword_file: pw").secret("password", new SecretFiles(dir)))
        .hasMessage("db.yml:1: set either \"password\" or \"password_file\", not both");
    // a type error on an expanded value quotes the text as written, not the secret
    assertThatThrownBy(() -> parse("count: ${DB_PASSWORD}").require("count").asInt(0, 5))
        .hasMessage("db.yml:1: count: \"${DB_PASSWORD}\" is not a whole number")
        .hasMessageNotContaining("canary");
  }
}
