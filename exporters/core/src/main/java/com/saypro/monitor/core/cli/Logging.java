package com.saypro.monitor.core.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/** Sets up logging from {@code --log.level} and {@code --log.format}: one line per event, on stderr. */
public final class Logging {
  /** Levels as Prometheus' exporters name them. */
  public enum LogLevel {
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  private Logging() {}

  public static void configure(LogLevel level, LogFormat format) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J binding: leave it to its own config
    }
    configure(context, level, format);
  }

  static void configure(LoggerContext context, LogLevel level, LogFormat format) {
    context.reset();
    LogLines layout = new LogLines(format, level == LogLevel.DEBUG);
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level.name().toLowerCase(Locale.ROOT)));
    root.addAppender(appender);
    // Jetty and HikariCP are chatty at INFO; their warnings still show.
    Level libraries = level == LogLevel.DEBUG ? Level.DEBUG : Level.WARN;
    context.getLogger("org.eclipse.jetty").setLevel(libraries);
    context.getLogger("com.zaxxer.hikari").setLevel(libraries);
  }
}
