package com.saypro.monitor.sla;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a selector such as {@code m{route=~"a|b",status_class="5xx"}} into one concrete series that
 * matches it ({@code m{route="a",status_class="5xx"}}), for the generated promtool tests. Negative
 * matchers are left out (an absent label never equals a value).
 */
final class Selectors {
  private Selectors() {}

  record Series(String metric, Map<String, String> labels) {
    Series with(String label, String value) {
      Map<String, String> copy = new LinkedHashMap<>(labels);
      copy.put(label, value);
      return new Series(metric, copy);
    }

    String text() {
      if (labels.isEmpty()) {
        return metric;
      }
      List<String> parts = new ArrayList<>();
      labels.forEach((k, v) -> parts.add(k + "=\"" + v + "\""));
      return metric + "{" + String.join(",", parts) + "}";
    }
  }

  static Series example(String selector) {
    int brace = selector.indexOf('{');
    if (brace < 0) {
      return new Series(selector, new LinkedHashMap<>());
    }
    return new Series(selector.substring(0, brace), exampleLabels(selector.substring(brace + 1, selector.length() - 1)));
  }

  static Map<String, String> exampleLabels(String matchers) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String matcher : split(matchers)) {
      String m = matcher.trim();
      if (m.isEmpty()) {
        continue;
      }
      int op = indexOfOperator(m);
      String name = m.substring(0, op).trim();
      String operator = m.substring(op).startsWith("=~") ? "=~" : m.substring(op).startsWith("!") ? "!" : "=";
      String value = m.substring(m.indexOf('"') + 1, m.lastIndexOf('"'));
      if (operator.equals("=")) {
        labels.put(name, value);
      } else if (operator.equals("=~")) {
        labels.put(name, value.split("\\|")[0]);
      }
    }
    return labels;
  }

  private static int indexOfOperator(String matcher) {
    for (int i = 0; i < matcher.length(); i++) {
      char c = matcher.charAt(i);
      if (c == '=' || c == '!') {
        return i;
      }
    }
    throw new IllegalArgumentException("not a label matcher: " + matcher);
  }

  private static List<String> split(String matchers) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < matchers.length(); i++) {
      char c = matchers.charAt(i);
      if (c == '"' && (i == 0 || matchers.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        out.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    out.add(current.toString());
    return out;
  }
}
