package com.saypro.monitor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import com.saypro.monitor.core.cli.LogbackDefaults;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The runnable jar configures logback itself (no logback.xml search): one logfmt line per event on stderr, at info. */
class LogbackDefaultsTest {

    @Test
    void theJarListsItsOwnConfiguratorForLogback() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LogbackDefaults.class);
    }

    @Test
    void itSetsUpWhatTheDefaultFlagsAsk() {
        LoggerContext context = new LoggerContext();
        LogbackDefaults defaults = new LogbackDefaults();
        defaults.setContext(context);

        assertThat(defaults.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        ConsoleAppender<?> appender = (ConsoleAppender<?>) root.iteratorForAppenders().next();
        assertThat(appender.getTarget()).isEqualTo("System.err");
        assertThat(((LayoutWrappingEncoder<?>) appender.getEncoder()).getLayout().getClass().getSimpleName())
                .isEqualTo("LogLines");
        assertThat(context.getLogger("org.eclipse.jetty").getLevel()).isEqualTo(Level.WARN);
    }
}
