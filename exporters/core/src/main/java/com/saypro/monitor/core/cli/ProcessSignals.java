package com.saypro.monitor.core.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGHUP reloads the config, as it does for Prometheus; SIGTERM and SIGINT stop gracefully (through
 * the JVM's shutdown hooks).
 */
final class ProcessSignals {
  private static final Logger log = LoggerFactory.getLogger(ProcessSignals.class);

  private ProcessSignals() {}

  @SuppressWarnings("removal")
  static void onHangup(Runnable action) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> action.run());
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      log.debug("SIGHUP cannot be handled on this platform; use POST /-/reload");
    }
  }
}
