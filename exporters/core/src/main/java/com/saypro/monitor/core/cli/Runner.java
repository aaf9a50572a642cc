package com.saypro.monitor.core.cli;

import com.saypro.monitor.core.config.ConfigException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs something that listens until the process is told to stop, and turns a start-up failure into
 * one clear log line and exit code 1 (a stack trace only at debug).
 */
final class Runner {
  private static final Logger log = LoggerFactory.getLogger(Runner.class);

  /** What a command starts; closing it stops it gracefully. */
  interface Service extends AutoCloseable {
    void reload();

    @Override
    void close();
  }

  /** Starts a service. */
  @FunctionalInterface
  interface Starter {
    Service start() throws ConfigException;
  }

  private Runner() {}

  static int runUntilStopped(Starter starter) {
    Service service;
    try {
      service = starter.start();
    } catch (ConfigException e) {
      log.error(e.getMessage());
      log.debug("start-up failed", e);
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      log.info("stopping");
      service.close();
      stopped.countDown();
    }, "shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    ProcessSignals.onHangup(service::reload);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** For {@code --config.check}: prints the verdict and returns the exit code. */
  static int check(String what, CheckedAction action) {
    try {
      action.run();
      System.out.println(what + ": OK");
      return 0;
    } catch (ConfigException e) {
      System.out.println(what + ": FAILED: " + e.getMessage());
      return 1;
    }
  }

  /** An action that may fail with a config error. */
  @FunctionalInterface
  interface CheckedAction {
    void run() throws ConfigException;
  }

  /** Configures logging from the flags; a bad log flag is itself a start-up error. */
  static boolean setUpLogging(CommonOptions options) {
    try {
      Logging.configure(options.logLevel(), options.logFormat());
      return true;
    } catch (ConfigException e) {
      Logging.configure(Logging.LogLevel.INFO, LogFormat.LOGFMT);
      log.error(e.getMessage());
      return false;
    }
  }
}
