package com.saypro.monitor.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One node of a parsed YAML config file: a map, a list or a scalar, with the file name, line and
 * YAML path it came from, so every error can say what and where.
 *
 * <p>Reading a key marks it as known. After an exporter has read everything it understands, {@link
 * #rejectUnknownKeys()} fails on the first key nobody read and lists the keys that are allowed there:
 * unknown keys are never silently ignored.
 *
 * <p>Not thread-safe: a tree is read once, on one thread, into immutable records.
 */
public final class ConfigNode {
  /** The shape of a node. */
  public enum Kind {
    MAP,
    LIST,
    SCALAR,
    NULL
  }

  private final String file;
  private final int line;
  private final String path;
  private final Kind kind;
  private final String raw; // scalar text as written in the file (safe to show)
  private final String value; // scalar text after ${ENV} expansion (may hold a secret)
  private final Map<String, ConfigNode> entries;
  private final List<ConfigNode> items;
  private final Set<String> askedKeys = new LinkedHashSet<>();
  private boolean delegated;

  private ConfigNode(
      String file,
      int line,
      String path,
      Kind kind,
      String raw,
      String value,
      Map<String, ConfigNode> entries,
      List<ConfigNode> items) {
    this.file = file;
    this.line = line;
    this.path = path;
    this.kind = kind;
    this.raw = raw;
    this.value = value;
    this.entries = entries;
    this.items = items;
  }

  static ConfigNode map(String file, int line, String path, Map<String, ConfigNode> entries) {
    return new ConfigNode(file, line, path, Kind.MAP, null, null, entries, List.of());
  }

  static ConfigNode list(String file, int line, String path, List<ConfigNode> items) {
    return new ConfigNode(file, line, path, Kind.LIST, null, null, Map.of(), items);
  }

  static ConfigNode scalar(String file, int line, String path, String raw, String value) {
    return new ConfigNode(file, line, path, Kind.SCALAR, raw, value, Map.of(), List.of());
  }

  static ConfigNode nullNode(String file, int line, String path) {
    return new ConfigNode(file, line, path, Kind.NULL, null, null, Map.of(), List.of());
  }

  /** An empty map standing for a file that was not given (embedded defaults apply). */
  public static ConfigNode emptyMap(String file) {
    return map(file, 1, "", new LinkedHashMap<>());
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  /** The YAML path, for example {@code targets[2].timeout}; empty for the root. */
  public String path() {
    return path;
  }

  public Kind kind() {
    return kind;
  }

  /** Where this node is, for messages: {@code database.yml:14: targets[2].timeout}. */
  public String where() {
    return path.isEmpty() ? file + ":" + line : file + ":" + line + ": " + path;
  }

  /** An error about this node: {@code file:line: path: message}. */
  public ConfigException error(String message) {
    return new ConfigException(where() + ": " + message);
  }

  /** An error about this scalar's value: {@code file:line: path: "raw" message}. */
  public ConfigException invalid(String message) {
    return error(quote(raw == null ? String.valueOf(kind).toLowerCase(Locale.ROOT) : raw) + " " + message);
  }

  // ---------------------------------------------------------------- maps

  /** The child at {@code key}, if present and not null. Marks the key as known. */
  public Optional<ConfigNode> get(String key) throws ConfigException {
    ConfigNode child = requireMap().entries.get(key);
    askedKeys.add(key);
    return child == null || child.kind == Kind.NULL ? Optional.empty() : Optional.of(child);
  }

  /** The child at {@code key}; fails naming this map when it is missing. */
  public ConfigNode require(String key) throws ConfigException {
    Optional<ConfigNode> child = get(key);
    if (child.isEmpty()) {
      throw error("missing required key \"" + key + "\"");
    }
    return child.get();
  }

  public boolean has(String key) throws ConfigException {
    return get(key).isPresent();
  }

  /** All entries in file order; every key counts as known. */
  public Map<String, ConfigNode> entries() throws ConfigException {
    Map<String, ConfigNode> map = requireMap().entries;
    askedKeys.addAll(map.keySet());
    Map<String, ConfigNode> present = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (v.kind != Kind.NULL) {
            present.put(k, v);
          }
        });
    return Collections.unmodifiableMap(present);
  }

  public String string(String key, String defaultValue) throws ConfigException {
    Optional<ConfigNode> child = get(key);
    return child.isPresent() ? child.get().asString() : defaultValue;
  }

  public String requireString(String key) throws ConfigException {
    String text = require(key).asString();
    if (text.isEmpty()) {
      throw require(key).error("must not be empty");
    }
    return text;
  }

  public boolean bool(String key, boolean defaultValue) throws ConfigException {
    Optional<ConfigNode> child = get(key);
    return child.isPresent() ? child.get().asBoolean() : defaultValue;
  }

  public int integer(String key, int defaultValue, int min, int max) throws ConfigException {
    Optional<ConfigNode> child = get(key);
    return child.isPresent() ? child.get().asInt(min, max) : defaultValue;
  }

  public double number(String key, double defaultValue, double min, double max)
      throws ConfigException {
    Optional<ConfigNode> child = get(key);
    return child.isPresent() ? child.get().asDouble(min, max) : defaultValue;
  }

  public Duration duration(String key, Duration defaultValue) throws ConfigException {
    Optional<ConfigNode> child = get(key);
    return child.isPresent() ? child.get().asDuration() : defaultValue;
  }

  /** A duration that must be positive (zero and negative intervals make no sense). */
  public Duration positiveDuration(String key, Duration defaultValue) throws ConfigException {
    Optional<ConfigNode> child = get(key);
    if (child.isEmpty()) {
      return defaultValue;
    }
    Duration d = child.get().asDuration();
    if (d.isZero()) {
      throw child.get().invalid("must be greater than zero (" + Durations.HINT + ")");
    }
    return d;
  }

  public <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue)
      throws ConfigException {
    Optional<ConfigNode> child = get(key);
    return child.isPresent() ? child.get().asEnum(type) : defaultValue;
  }

  /** The strings of a list at {@code key}, or an empty list when absent. */
  public List<String> strings(String key) throws ConfigException {
    Optional<ConfigNode> child = get(key);
    if (child.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (ConfigNode item : child.get().items()) {
      out.add(item.asString());
    }
    return List.copyOf(out);
  }

  /**
   * A secret given either inline as {@code key} (normally {@code ${ENV_VAR}}) or as a file at
   * {@code key_file}; never both. The value is never part of any message.
   */
  public Optional<Secret> secret(String key, SecretFileReader reader) throws ConfigException {
    Optional<ConfigNode> inline = get(key);
    Optional<ConfigNode> fromFile = get(key + "_file");
    if (inline.isPresent() && fromFile.isPresent()) {
      throw error("set either \"" + key + "\" or \"" + key + "_file\", not both");
    }
    if (inline.isPresent()) {
      return Optional.of(Secret.of(inline.get().asString()));
    }
    if (fromFile.isPresent()) {
      return Optional.of(reader.read(fromFile.get()));
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- lists

  /** The items of this list; a scalar or map here is an error naming the path. */
  public List<ConfigNode> items() throws ConfigException {
    if (kind == Kind.NULL) {
      return List.of();
    }
    if (kind != Kind.LIST) {
      throw error("must be a list, not " + describe());
    }
    return items;
  }

  /** The items of the list at {@code key}, each mapped; an absent key gives an empty list. */
  public <T> List<T> list(String key, ItemReader<T> reader) throws ConfigException {
    Optional<ConfigNode> child = get(key);
    if (child.isEmpty()) {
      return List.of();
    }
    List<T> out = new ArrayList<>();
    for (ConfigNode item : child.get().items()) {
      out.add(reader.read(item));
    }
    return List.copyOf(out);
  }

  /** Reads one node into a value; may throw a config error. */
  @FunctionalInterface
  public interface ItemReader<T> {
    T read(ConfigNode node) throws ConfigException;
  }

  /** Reads the file a {@code *_file} key names. */
  @FunctionalInterface
  public interface SecretFileReader {
    Secret read(ConfigNode pathNode) throws ConfigException;
  }

  // ---------------------------------------------------------------- scalars

  public String asString() throws ConfigException {
    if (kind != Kind.SCALAR) {
      throw error("must be a single value, not " + describe());
    }
    return value;
  }

  /** The longest configured regex {@link #asRegex()} accepts. */
  public static final int MAX_REGEX_LENGTH = 4096;

  /**
   * This scalar as the text of a regex, refused past {@link #MAX_REGEX_LENGTH} characters before anything compiles
   * it: RE2/J matches in linear time, but compiling is not linear in the pattern's length (10,000 characters took
   * about half a second to compile here, 100,000 over ten seconds). Real patterns are far shorter.
   */
  public String asRegex() throws ConfigException {
    String text = asString();
    if (text.length() > MAX_REGEX_LENGTH) {
      throw error("is " + text.length() + " characters long; a regex may have at most " + MAX_REGEX_LENGTH);
    }
    return text;
  }

  public boolean asBoolean() throws ConfigException {
    String text = asString();
    if (text.equals("true")) {
      return true;
    }
    if (text.equals("false")) {
      return false;
    }
    throw invalid("is not a boolean (use true or false)");
  }

  public int asInt(int min, int max) throws ConfigException {
    String text = asString();
    long parsed;
    try {
      parsed = Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw invalid("is not a whole number");
    }
    if (parsed < min || parsed > max) {
      throw invalid("must be between " + min + " and " + max);
    }
    return (int) parsed;
  }

  public double asDouble(double min, double max) throws ConfigException {
    String text = asString();
    double parsed;
    try {
      parsed = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw invalid("is not a number");
    }
    if (Double.isNaN(parsed) || parsed < min || parsed > max) {
      throw invalid("must be between " + trim(min) + " and " + trim(max));
    }
    return parsed;
  }

  public Duration asDuration() throws ConfigException {
    return Durations.parse(asString())
        .orElseThrow(() -> invalid("is not a duration (" + Durations.HINT + ")"));
  }

  /** An enum written in lower case in the file ({@code postgresql}, {@code logfmt}). */
  public <E extends Enum<E>> E asEnum(Class<E> type) throws ConfigException {
    String text = asString();
    for (E constant : type.getEnumConstants()) {
      if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
        return constant;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      allowed.add(constant.name().toLowerCase(Locale.ROOT));
    }
    throw invalid("is not one of " + String.join(", ", allowed));
  }

  /** Applies {@code parser} to this scalar; its message (if it rejects) is put after the value. */
  public <T> T parse(Function<String, Optional<T>> parser, String whatItMustBe)
      throws ConfigException {
    return parser.apply(asString()).orElseThrow(() -> invalid(whatItMustBe));
  }

  // ---------------------------------------------------------------- unknown keys

  /**
   * Marks this subtree as read and checked by someone else (an exporter's inline config inside the
   * suite file), so the parent's {@link #rejectUnknownKeys()} does not descend into it.
   */
  public ConfigNode delegate() {
    delegated = true;
    return this;
  }

  /**
   * Fails on the first key, anywhere below this node, that no reader asked for. Maps that were
   * never read at all are skipped: their parent's key is then the unknown one.
   */
  public void rejectUnknownKeys() throws ConfigException {
    if (kind == Kind.MAP) {
      for (Map.Entry<String, ConfigNode> entry : entries.entrySet()) {
        if (!askedKeys.contains(entry.getKey())) {
          ConfigNode child = entry.getValue();
          String allowed = askedKeys.isEmpty() ? "no keys are allowed here" : "allowed: " + String.join(", ", askedKeys);
          throw new ConfigException(
              child.file + ":" + child.line + ": " + child.path + ": unknown key (" + allowed + ")");
        }
        if (!entry.getValue().delegated) {
          entry.getValue().rejectUnknownKeys();
        }
      }
    } else if (kind == Kind.LIST) {
      for (ConfigNode item : items) {
        item.rejectUnknownKeys();
      }
    }
  }

  private ConfigNode requireMap() throws ConfigException {
    if (kind == Kind.MAP) {
      return this;
    }
    if (kind == Kind.NULL) {
      return map(file, line, path, Map.of());
    }
    throw error("must be a map of keys, not " + describe());
  }

  /** Checks up front that this node is a map, with a config error instead of an unchecked one. */
  public ConfigNode asMap() throws ConfigException {
    if (kind != Kind.MAP && kind != Kind.NULL) {
      throw error("must be a map of keys, not " + describe());
    }
    return kind == Kind.NULL ? map(file, line, path, new LinkedHashMap<>()) : this;
  }

  private String describe() {
    return switch (kind) {
      case MAP -> "a map";
      case LIST -> "a list";
      case NULL -> "empty";
      case SCALAR -> "the value " + quote(raw);
    };
  }

  static String quote(String text) {
    String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
    StringBuilder out = new StringBuilder("\"");
    for (char c : shown.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String trim(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
