package com.saypro.monitor.demo.logs;

/** Where log lines go: a file in production, a list in a unit test. */
@FunctionalInterface
public interface LineSink {
  /** Writes one line; the sink adds the newline. Must be safe to call from many threads. */
  void writeLine(String line);
}
