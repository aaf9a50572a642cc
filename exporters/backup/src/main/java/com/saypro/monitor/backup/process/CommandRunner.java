package com.saypro.monitor.backup.process;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

/**
 * Runs a {@link Command} with {@link ProcessBuilder}: no shell, stdin from a file or closed, output
 * drained on their own threads with only a bounded part kept, and the process (with its children)
 * killed at the timeout or when the caller is interrupted.
 */
public final class CommandRunner {
  private static final int STDERR_KEEP = 8 * 1024;

  public CommandResult run(Command command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command.argv());
    builder.environment().putAll(command.environment());
    builder.redirectInput(command.stdin().isPresent() ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(devNull()));
    long start = System.nanoTime();
    Process process = builder.start();
    Capture stdout = new Capture(process.getInputStream(), command.maxStdoutBytes(), false);
    Capture stderr = new Capture(process.getErrorStream(), STDERR_KEEP, true);
    AtomicReference<String> refused = new AtomicReference<>();
    Thread feeder = null;
    if (command.stdin().isPresent()) {
      feeder = thread("stdin", () -> feed(command.stdin().get(), command.filter().orElse(StdinFilter.NONE), process, refused));
    }
    boolean finished;
    try {
      finished = process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      kill(process);
      throw e;
    }
    if (!finished) {
      kill(process);
    }
    stdout.join();
    stderr.join();
    if (feeder != null) {
      feeder.join(5_000);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new CommandResult(finished && refused.get() == null ? process.exitValue() : -1,
        stdout.text(), stderr.text(), !finished, stdout.truncated.get(), refused.get(), elapsed);
  }

  private static void feed(Path file, StdinFilter filter, Process process, AtomicReference<String> refused) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = gzipped(file) ? new GZIPInputStream(raw, 64 * 1024) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 64 * 1024);
        OutputStream out = process.getOutputStream();
        Writer writer = new OutputStreamWriter(out, StandardCharsets.ISO_8859_1)) {
      // ISO-8859-1 maps every byte to one char and back, so dumps in any encoding pass unchanged
      String line;
      while ((line = reader.readLine()) != null) {
        String reason = filter.refuse(line);
        if (reason != null) {
          refused.set(reason);
          kill(process);
          return;
        }
        writer.write(line);
        writer.write('\n');
      }
    } catch (IOException e) {
      // the process ended (or the file vanished): its exit code tells the rest; a broken gzip is a bad dump
      if (process.isAlive()) {
        refused.compareAndSet(null, "the dump cannot be read to the end (" + e.getClass().getSimpleName() + ")");
        kill(process);
      }
    }
  }

  static boolean gzipped(Path file) {
    return file.getFileName().toString().endsWith(".gz");
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static java.io.File devNull() {
    return new java.io.File("/dev/null");
  }

  private static Thread thread(String name, Runnable body) {
    Thread t = new Thread(body, "backup-command-" + name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Drains a stream, keeping the first (stdout) or last (stderr) bytes up to a limit. */
  private static final class Capture {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final AtomicBoolean truncated = new AtomicBoolean();
    private final Thread thread;
    private final byte[] tail;
    private long total;

    Capture(InputStream in, int limit, boolean keepTail) {
      this.tail = keepTail ? new byte[limit] : null;
      this.thread = thread("output", () -> drain(in, limit));
    }

    private void drain(InputStream in, int limit) {
      byte[] buffer = new byte[8192];
      try (in) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          synchronized (this) {
            if (tail != null) {
              for (int i = 0; i < n; i++) {
                tail[(int) ((total + i) % tail.length)] = buffer[i];
              }
            } else {
              int room = limit - kept.size();
              kept.write(buffer, 0, Math.min(n, room));
              if (n > room) {
                truncated.set(true);
              }
            }
            total += n;
          }
        }
      } catch (IOException e) {
        // the process was killed: what was read is what there is
      }
    }

    void join() throws InterruptedException {
      thread.join(10_000);
    }

    synchronized String text() {
      if (tail == null) {
        return kept.toString(StandardCharsets.UTF_8);
      }
      int length = (int) Math.min(total, tail.length);
      byte[] out = new byte[length];
      long from = total - length;
      for (int i = 0; i < length; i++) {
        out[i] = tail[(int) ((from + i) % tail.length)];
      }
      return new String(out, StandardCharsets.UTF_8);
    }
  }
}
