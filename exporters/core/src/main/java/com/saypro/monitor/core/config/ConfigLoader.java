package com.saypro.monitor.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML config files into {@link ConfigNode} trees.
 *
 * <p>Safe by construction: the YAML is only tokenised, never bound to arbitrary classes; aliases,
 * duplicate keys and second documents are refused; files are capped at {@value #MAX_BYTES} bytes.
 * {@code ${NAME}} in a value is replaced by the environment variable {@code NAME} ({@code $$} is a
 * literal {@code $}); an unset variable is an error.
 */
public final class ConfigLoader {
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  private final Function<String, String> environment;
  private final YAMLFactory yaml;

  public ConfigLoader(Function<String, String> environment) {
    this.environment = environment;
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // duplicates are found below, with their path
    options.setMaxAliasesForCollections(0);
    options.setCodePointLimit(MAX_BYTES);
    options.setNestingDepthLimit(64);
    this.yaml = YAMLFactory.builder().loaderOptions(options).build();
  }

  /** A loader that expands {@code ${NAME}} from this process' environment. */
  public static ConfigLoader withSystemEnvironment() {
    return new ConfigLoader(System::getenv);
  }

  /** Reads and parses {@code file}; the messages name it by its file name. */
  public ConfigNode load(Path file) throws ConfigException {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new ConfigException(file + ": is a directory, not a config file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new ConfigException(file + ": is larger than " + (MAX_BYTES >> 20) + " MiB");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such file");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    return parse(name, new String(bytes, StandardCharsets.UTF_8));
  }

  /** Parses YAML text; {@code name} is used in messages. Empty text is an empty map. */
  public ConfigNode parse(String name, String text) throws ConfigException {
    try (JsonParser parser = yaml.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return ConfigNode.emptyMap(name);
      }
      ConfigNode root = read(parser, name, "");
      if (parser.nextToken() != null) {
        throw new ConfigException(
            name + ":" + line(parser.currentTokenLocation()) + ": only one YAML document is allowed");
      }
      if (root.kind() == ConfigNode.Kind.NULL) {
        return ConfigNode.emptyMap(name);
      }
      return root.asMap();
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      String problem = e.getOriginalMessage();
      int cut = problem.indexOf('\n');
      problem = cut > 0 ? problem.substring(0, cut) : problem;
      throw new ConfigException(
          name + (where == null ? "" : ":" + line(where)) + ": not valid YAML: " + problem);
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot be read: " + e.getMessage());
    }
  }

  private ConfigNode read(JsonParser parser, String file, String path)
      throws IOException, ConfigException {
    int line = line(parser.currentTokenLocation());
    if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
      throw new ConfigException(
          file + ":" + line + ": " + orRoot(path) + ": YAML aliases are not supported");
    }
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          int keyLine = line(parser.currentTokenLocation());
          String childPath = path.isEmpty() ? key : path + "." + key;
          if (entries.containsKey(key)) {
            throw new ConfigException(file + ":" + keyLine + ": " + childPath + ": duplicate key");
          }
          parser.nextToken();
          entries.put(key, read(parser, file, childPath));
        }
        return ConfigNode.map(file, line, path, entries);
      }
      case START_ARRAY -> {
        List<ConfigNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(parser, file, path + "[" + items.size() + "]"));
        }
        return ConfigNode.list(file, line, path, items);
      }
      case VALUE_NULL -> {
        return ConfigNode.nullNode(file, line, path);
      }
      default -> {
        String raw = parser.getText();
        return ConfigNode.scalar(file, line, path, raw, expand(raw, file, line, path));
      }
    }
  }

  /** Replaces {@code ${NAME}} with the environment variable; {@code $$} stands for {@code $}. */
  private String expand(String raw, String file, int line, String path) throws ConfigException {
    if (raw.indexOf('$') < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '$' || i + 1 >= raw.length()) {
        out.append(c);
      } else if (raw.charAt(i + 1) == '$') {
        out.append('$');
        i++;
      } else if (raw.charAt(i + 1) == '{') {
        int close = raw.indexOf('}', i + 2);
        String name = close < 0 ? "" : raw.substring(i + 2, close);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          throw new ConfigException(
              file + ":" + line + ": " + orRoot(path) + ": " + ConfigNode.quote(raw)
                  + " has a malformed ${...} reference (use ${NAME}, or $$ for a literal $)");
        }
        String value = environment.apply(name);
        if (value == null) {
          throw new ConfigException(
              file + ":" + line + ": " + orRoot(path) + ": environment variable " + name
                  + " is not set");
        }
        out.append(value);
        i = close;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String orRoot(String path) {
    return path.isEmpty() ? "(top level)" : path;
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : location.getLineNr();
  }
}
