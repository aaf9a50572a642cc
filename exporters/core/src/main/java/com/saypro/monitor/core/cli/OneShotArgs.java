package com.saypro.monitor.core.cli;

import com.saypro.monitor.core.exporter.ExporterDefinition;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The arguments of a plain {@code EXPORTER --one-shot} run, read without picocli. picocli builds its model of a
 * command by reflection over annotations, in the interpreter, at every start: about 0.15 CPU-s of a one-shot run
 * that reads 1,000,000 log lines in 1.5 (bench/logs/RESULTS.md). A one-shot run is short, so that is a tenth of it.
 *
 * <p>Only the forms a script writes are taken: the exporter, {@code --one-shot}, and each of {@code --config.file},
 * {@code --log.level} and {@code --log.format} at most once, as {@code --flag=value} or {@code --flag value}.
 * Anything else (help, version, a flag this list does not have, a flag given twice, a missing or empty value)
 * is not read here: {@link #parse} returns empty and the run goes through picocli, which parses it and fails
 * exactly as it always does. {@code OneShotArgsPropertyTest} checks that wherever this class answers, picocli
 * reads the same options.
 */
record OneShotArgs(ExporterDefinition definition, CommonOptions options) {
  private static final String[] FLAGS = {CommonOptions.CONFIG_FILE, CommonOptions.LOG_LEVEL, CommonOptions.LOG_FORMAT};

  /** The run {@code args} ask for, or empty when picocli must read them. */
  static Optional<OneShotArgs> parse(String[] args, List<ExporterDefinition> definitions) {
    if (args.length < 2) {
      return Optional.empty();
    }
    ExporterDefinition definition = null;
    for (ExporterDefinition candidate : definitions) {
      if (candidate.name().equals(args[0]) && candidate.oneShotDescription() != null) {
        definition = candidate;
      }
    }
    if (definition == null) {
      return Optional.empty();
    }
    boolean oneShot = false;
    String configFile = null;
    String logLevel = null;
    String logFormat = null;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals(ExporterCommand.ONE_SHOT)) {
        if (oneShot) {
          return Optional.empty();
        }
        oneShot = true;
        continue;
      }
      String flag = flagOf(arg);
      if (flag.isEmpty()) {
        return Optional.empty();
      }
      String value;
      if (arg.length() > flag.length()) {
        value = arg.substring(flag.length() + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        return Optional.empty();
      }
      if (value.isEmpty() || value.startsWith("-")) {
        return Optional.empty(); // picocli may read "-x" as an option, not a value: leave it to picocli
      }
      switch (flag) {
        case CommonOptions.CONFIG_FILE -> {
          if (configFile != null) {
            return Optional.empty();
          }
          configFile = value;
        }
        case CommonOptions.LOG_LEVEL -> {
          if (logLevel != null) {
            return Optional.empty();
          }
          logLevel = value;
        }
        case CommonOptions.LOG_FORMAT -> {
          if (logFormat != null) {
            return Optional.empty();
          }
          logFormat = value;
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    if (!oneShot) {
      return Optional.empty();
    }
    CommonOptions options = new CommonOptions();
    try {
      options.configFile = configFile == null ? null : Path.of(configFile);
    } catch (InvalidPathException e) {
      return Optional.empty(); // picocli says what is wrong with it
    }
    options.logLevel = logLevel == null ? CommonOptions.DEFAULT_LOG_LEVEL : logLevel;
    options.logFormat = logFormat == null ? CommonOptions.DEFAULT_LOG_FORMAT : logFormat;
    return Optional.of(new OneShotArgs(definition, options));
  }

  /** {@code --config.file} of {@code --config.file=x} or {@code --config.file}; "" for anything else. */
  private static String flagOf(String arg) {
    for (String flag : FLAGS) {
      if (arg.equals(flag) || (arg.startsWith(flag) && arg.charAt(flag.length()) == '=')) {
        return flag;
      }
    }
    return "";
  }
}
