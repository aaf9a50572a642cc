package com.saypro.monitor.core.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A parsed Prometheus text exposition, for assertions: {@code scrape.value("saypro_db_up",
 * "target", "orders")}. Handles the escaping of label values that the text format defines.
 */
public final class Scrape {
  /** One sample line. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final String text;
  private final List<Sample> samples;
  private final Map<String, String> types;

  private Scrape(String text, List<Sample> samples, Map<String, String> types) {
    this.text = text;
    this.samples = samples;
    this.types = types;
  }

  public static Scrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ");
        types.put(parts[2], parts[3]);
      } else if (!line.isBlank() && !line.startsWith("#")) {
        samples.add(parseSample(line));
      }
    }
    return new Scrape(text, List.copyOf(samples), types);
  }

  private static Sample parseSample(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    Map<String, String> labels = new LinkedHashMap<>();
    String name;
    int rest;
    if (brace >= 0 && brace < space) {
      name = line.substring(0, brace);
      int i = brace + 1;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        String label = line.substring(i, eq).trim();
        StringBuilder value = new StringBuilder();
        int j = eq + 2; // skip ="
        while (line.charAt(j) != '"') {
          char c = line.charAt(j);
          if (c == '\\') {
            char next = line.charAt(++j);
            value.append(next == 'n' ? '\n' : next);
          } else {
            value.append(c);
          }
          j++;
        }
        labels.put(label, value.toString());
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        }
      }
      rest = i + 2;
    } else {
      name = line.substring(0, space);
      rest = space + 1;
    }
    String[] valueAndTime = line.substring(rest).trim().split(" ");
    return new Sample(name, labels, parseValue(valueAndTime[0]));
  }

  private static double parseValue(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  public String text() {
    return text;
  }

  public List<Sample> samples() {
    return samples;
  }

  /** Metric family names from the {@code # TYPE} lines. */
  public Set<String> families() {
    return new LinkedHashSet<>(types.keySet());
  }

  public String type(String family) {
    return types.get(family);
  }

  /** Samples of {@code name} whose labels include all of {@code labelPairs} (name, value, ...). */
  public List<Sample> find(String name, String... labelPairs) {
    List<Sample> out = new ArrayList<>();
    for (Sample sample : samples) {
      if (sample.name().equals(name) && matches(sample.labels(), labelPairs)) {
        out.add(sample);
      }
    }
    return out;
  }

  public OptionalDouble maybe(String name, String... labelPairs) {
    List<Sample> found = find(name, labelPairs);
    return found.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(found.get(0).value());
  }

  /** The value of the one sample matching; fails when there is none or more than one. */
  public double value(String name, String... labelPairs) {
    List<Sample> found = find(name, labelPairs);
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one sample " + name + " " + String.join(",", labelPairs) + " but found " + found.size() + " in:\n" + text);
    }
    return found.get(0).value();
  }

  private static boolean matches(Map<String, String> labels, String... pairs) {
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (!pairs[i + 1].equals(labels.get(pairs[i]))) {
        return false;
      }
    }
    return true;
  }
}
