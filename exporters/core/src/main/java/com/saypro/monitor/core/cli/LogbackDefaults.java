package com.saypro.monitor.core.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration until the command line is read: what {@link Logging#configure} sets up for the default
 * flags (info, logfmt, stderr). The runnable jar lists it in {@code META-INF/services}, so logback takes it instead
 * of searching the class path for {@code logback.xml} and running its XML configurator: that search and set-up was
 * some 50 ms of interpreted start-up in every run, for a configuration the flags replace at once anyway.
 */
public final class LogbackDefaults extends ContextAwareBase implements Configurator {
  @Override
  public ExecutionStatus configure(LoggerContext context) {
    Logging.configure(context, Logging.LogLevel.INFO, LogFormat.LOGFMT);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
