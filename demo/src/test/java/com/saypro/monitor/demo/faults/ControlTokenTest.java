package com.saypro.monitor.demo.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlTokenTest {
  @TempDir Path dir;

  @Test
  void aGeneratedTokenIsOwnerOnlyAndReusedOnTheNextStart() throws Exception {
    Path file = dir.resolve("data/fault-token");
    ControlToken first = ControlToken.resolve(Optional.empty(), name -> null, file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    String written = Files.readString(file).strip();
    assertThat(first.accepts("Bearer " + written)).isTrue();
    assertThat(first.toString()).doesNotContain(written);

    ControlToken second = ControlToken.resolve(Optional.empty(), name -> null, file);
    assertThat(second.accepts("Bearer " + written)).isTrue();
    assertThat(second.accepts("Bearer wrong")).isFalse();
  }

  @Test
  void aTokenFileWinsOverTheEnvironmentAndNothingIsGenerated() throws Exception {
    Path given = Files.writeString(dir.resolve("token"), "from-file\n");
    ControlToken token = ControlToken.resolve(Optional.of(given), name -> "from-env", dir.resolve("generated"));
    assertThat(token.accepts("Bearer from-file")).isTrue();
    assertThat(Files.exists(dir.resolve("generated"))).isFalse();
  }
}
