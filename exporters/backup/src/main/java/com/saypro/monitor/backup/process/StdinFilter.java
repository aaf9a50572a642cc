package com.saypro.monitor.backup.process;

/**
 * Inspects each line a restore streams into a client program. Returning a reason stops the
 * restore: plain SQL dumps can switch databases ({@code \connect}, {@code USE}), and a drill must
 * never write anywhere but its scratch database.
 */
@FunctionalInterface
public interface StdinFilter {
  /** Null to pass the line, else why the dump is refused. */
  String refuse(String line);

  StdinFilter NONE = line -> null;
}
