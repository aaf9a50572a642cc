package com.saypro.monitor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shipped JVM flags. {@code exporters/launcher/jvm.options} ends the process on the first
 * {@code OutOfMemoryError}: a thread that died of one (the incident store's writer, with more open
 * incidents than the heap holds) would otherwise leave an exporter answering 503 forever, where a
 * restart (compose's {@code restart: unless-stopped}, systemd) at least shows the problem.
 * {@code exporters/launcher/jvm-oneshot.options} (for {@code logs --one-shot}) must start a JVM that prints nothing
 * of its own: its output is the metrics, piped to a file or to promtool.
 */
class JvmOptionsTest {

  /** Fills the heap in a thread that catches the error, as a long-running worker would not. */
  public static final class FillHeap {
    public static void main(String[] args) throws InterruptedException {
      Thread worker = new Thread(() -> {
        List<long[]> hoard = new ArrayList<>();
        try {
          while (true) {
            hoard.add(new long[1 << 16]);
          }
        } catch (OutOfMemoryError e) {
          hoard.clear();
          System.out.println("survived");
        }
      });
      worker.start();
      worker.join();
    }
  }

  /** Prints one line, as a one-shot run prints only its metrics. */
  public static final class PrintOk {
    public static void main(String[] args) {
      System.out.println("ok");
    }
  }

  @Test
  void theOneShotFlagsAreAcceptedAndAddNothingToTheOutput() throws IOException, InterruptedException {
    Path options = RepoRoot.find().resolve("exporters/launcher/jvm-oneshot.options");
    Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + options, "-cp", System.getProperty("java.class.path"), PrintOk.class.getName())
        .redirectErrorStream(true)
        .start();
    assertThat(java.waitFor(60, TimeUnit.SECONDS)).as("the JVM ended").isTrue();
    // an unknown, misspelt or deprecated flag makes the JVM refuse to start or print a warning
    assertThat(new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ok\n");
    assertThat(java.exitValue()).isZero();
  }

  @Test
  void anOutOfMemoryErrorEndsTheProcess() throws IOException, InterruptedException {
    Path options = RepoRoot.find().resolve("exporters/launcher/jvm.options");
    Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + options, "-Xmx24m", "-cp", System.getProperty("java.class.path"), FillHeap.class.getName())
        .redirectErrorStream(true)
        .start();
    assertThat(java.waitFor(60, TimeUnit.SECONDS)).as("the JVM ended").isTrue();
    String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(output).contains("Terminating due to java.lang.OutOfMemoryError").doesNotContain("survived");
    assertThat(java.exitValue()).isNotZero();
  }
}
