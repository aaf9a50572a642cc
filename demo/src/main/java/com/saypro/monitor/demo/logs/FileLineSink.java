package com.saypro.monitor.demo.logs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends lines to a file and flushes each one, so a log tailer (the log exporter) sees a request
 * as soon as it is answered. A failed write is reported once on stderr, not per line.
 */
public final class FileLineSink implements LineSink, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FileLineSink.class);

  private final Path file;
  private final BufferedWriter writer;
  private boolean failed;

  public FileLineSink(Path file) throws IOException {
    this.file = file;
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void writeLine(String line) {
    try {
      writer.write(line);
      writer.write('\n');
      writer.flush();
      failed = false;
    } catch (IOException e) {
      if (!failed) {
        log.error("cannot write to {}: {}", file, e.getMessage());
        failed = true;
      }
    }
  }

  @Override
  public synchronized void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
