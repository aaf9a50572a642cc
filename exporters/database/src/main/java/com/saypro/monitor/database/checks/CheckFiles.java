package com.saypro.monitor.database.checks;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigLoader;
import com.saypro.monitor.core.config.ConfigNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the checks of one check file: a YAML file with a top-level {@code checks:} list. A name
 * {@code bundled:NAME} means a file shipped in the jar ({@code bundled:marketplace} is the demo
 * marketplace's integrity and business checks); anything else is a path relative to the config.
 */
public final class CheckFiles {
  public static final String BUNDLED = "bundled:";
  static final String RESOURCE_DIRECTORY = "/com/saypro/monitor/database/";

  private final ConfigLoader yaml;
  private final Path configDirectory;
  private final CheckReader reader = new CheckReader();

  public CheckFiles(ConfigLoader yaml, Path configDirectory) {
    this.yaml = yaml;
    this.configDirectory = configDirectory;
  }

  public List<CheckConfig> load(ConfigNode reference) throws ConfigException {
    String name = reference.asString();
    ConfigNode root = name.startsWith(BUNDLED) ? bundled(reference, name.substring(BUNDLED.length())) : file(reference, name);
    root = root.asMap();
    List<CheckConfig> checks = new ArrayList<>();
    for (ConfigNode item : root.require("checks").items()) {
      checks.add(reader.read(item));
    }
    root.rejectUnknownKeys();
    return checks;
  }

  private ConfigNode bundled(ConfigNode reference, String name) throws ConfigException {
    if (!name.matches("[a-z0-9_-]+")) {
      throw reference.invalid("names no bundled check file (bundled: marketplace)");
    }
    String resource = RESOURCE_DIRECTORY + name + "-checks.yml";
    try (InputStream in = CheckFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw reference.invalid("names no bundled check file (bundled: marketplace)");
      }
      return yaml.parse(BUNDLED + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw reference.error("bundled check file cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private ConfigNode file(ConfigNode reference, String name) throws ConfigException {
    if (name.isEmpty()) {
      throw reference.error("must not be empty");
    }
    Path path = configDirectory.resolve(name);
    if (!Files.isRegularFile(path)) {
      throw reference.error("check file " + path + " does not exist");
    }
    return yaml.load(path);
  }
}
