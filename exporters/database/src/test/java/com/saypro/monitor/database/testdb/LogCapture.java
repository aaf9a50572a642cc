package com.saypro.monitor.database.testdb;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Records every log event of the JVM (at DEBUG, stack traces included) while open, so tests can
 * assert what reached the logs and, above all, what never did.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Level previous = root.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public LogCapture() {
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.DEBUG);
  }

  /** Every event as one text: level, logger, formatted message, and the stack trace if any. */
  public synchronized String text() {
    StringBuilder out = new StringBuilder();
    for (ILoggingEvent event : new ArrayList<>(appender.list)) {
      out.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(" - ")
          .append(event.getFormattedMessage()).append('\n');
      if (event.getThrowableProxy() != null) {
        out.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
      }
    }
    return out.toString();
  }

  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    for (ILoggingEvent event : new ArrayList<>(appender.list)) {
      if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
        out.add(event.getFormattedMessage());
      }
    }
    return out;
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    root.setLevel(previous);
  }
}
