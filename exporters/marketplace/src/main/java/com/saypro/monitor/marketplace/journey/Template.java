package com.saypro.monitor.marketplace.journey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {{name}}} placeholders for values extracted by earlier steps (or the journey's
 * {@code variables}). Double braces, because {@code ${NAME}} already means an environment variable
 * in every SayPro config file. Parsed once at start-up, so a reference to an unknown value is a
 * config error, not a failing probe.
 */
public final class Template {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  private final List<String> literals; // one more than names
  private final List<String> names;

  private Template(List<String> literals, List<String> names) {
    this.literals = List.copyOf(literals);
    this.names = List.copyOf(names);
  }

  /** Parses {@code text}; empty with a reason when a {@code {{} is not a well-formed placeholder. */
  public static Parsed parse(String text) {
    List<String> literals = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    int last = 0;
    while (matcher.find()) {
      String literal = text.substring(last, matcher.start());
      if (literal.contains("{{")) {
        return new Parsed(Optional.empty(), "has a malformed {{...}} placeholder (use {{name}}, letters, digits and _)");
      }
      literals.add(literal);
      names.add(matcher.group(1));
      last = matcher.end();
    }
    String tail = text.substring(last);
    if (tail.contains("{{")) {
      return new Parsed(Optional.empty(), "has a malformed {{...}} placeholder (use {{name}}, letters, digits and _)");
    }
    literals.add(tail);
    return new Parsed(Optional.of(new Template(literals, names)), "");
  }

  /** A template without placeholders. */
  public static Template literal(String text) {
    return new Template(List.of(text), List.of());
  }

  /** The result of {@link #parse}: the template, or why it is not one. */
  public record Parsed(Optional<Template> template, String problem) {}

  /** The value names it refers to, in order of first use. */
  public Set<String> references() {
    return new LinkedHashSet<>(names);
  }

  /** The text with each placeholder replaced by its value, passed through {@code encode}. */
  public String render(Map<String, String> values, UnaryOperator<String> encode) {
    if (names.isEmpty()) {
      return literals.get(0);
    }
    StringBuilder out = new StringBuilder(literals.get(0));
    for (int i = 0; i < names.size(); i++) {
      String value = values.get(names.get(i));
      out.append(encode.apply(value == null ? "" : value)).append(literals.get(i + 1));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return render(Map.of(), v -> "") + (names.isEmpty() ? "" : " " + names);
  }
}
