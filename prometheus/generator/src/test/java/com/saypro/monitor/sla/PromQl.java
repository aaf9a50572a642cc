package com.saypro.monitor.sla;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * The metric names a PromQL expression reads: identifiers that are not functions, aggregations,
 * keywords, label names in {@code by (...)}/{@code on (...)} lists, strings, durations or matchers.
 * Small on purpose: promtool has already parsed every expression, this only finds the names.
 */
final class PromQl {
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
      "ignoring", "group_left", "group_right", "inf", "nan", "atan2", "start", "end",
      // aggregations may be followed by "by (...)" instead of their parenthesis
      "sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values", "group");
  private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

  private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
  private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");

  /** A label matcher of a selector: {@code saypro_x{label="..."}} gives ("saypro_x", "label"). */
  record LabelUse(String metric, String label) {}

  private PromQl() {}

  /** The label names matched in each {@code metric{...}} selector of an expression (or a series of a promtool test). */
  static List<LabelUse> selectorLabels(String expr) {
    List<LabelUse> uses = new ArrayList<>();
    Matcher selector = SELECTOR.matcher(STRING.matcher(expr).replaceAll("\"\""));
    while (selector.find()) {
      Matcher matcher = MATCHER.matcher(selector.group(2));
      while (matcher.find()) {
        uses.add(new LabelUse(selector.group(1), matcher.group(1)));
      }
    }
    return uses;
  }

  static Set<String> metricNames(String expr) {
    Set<String> names = new LinkedHashSet<>();
    int i = 0;
    int n = expr.length();
    while (i < n) {
      char c = expr.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        i = skipString(expr, i);
      } else if (c == '{') {
        i = skipTo(expr, i, '}');
      } else if (c == '[') {
        i = skipTo(expr, i, ']');
      } else if (c == '#') {
        i = skipTo(expr, i, '\n');
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(expr.charAt(i + 1)))) {
        while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.' || expr.charAt(i) == '^')) {
          i++;
        }
      } else if (Character.isLetter(c) || c == '_' || c == ':') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_' || expr.charAt(i) == ':')) {
          i++;
        }
        String word = expr.substring(start, i);
        int next = i;
        while (next < n && Character.isWhitespace(expr.charAt(next))) {
          next++;
        }
        boolean call = next < n && expr.charAt(next) == '(';
        if (LABEL_LISTS.contains(word)) {
          if (call) {
            i = skipTo(expr, next, ')');
          }
        } else if (!call && !KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
          names.add(word);
        }
      } else {
        i++;
      }
    }
    return names;
  }

  private static int skipString(String expr, int i) {
    char quote = expr.charAt(i);
    i++;
    while (i < expr.length() && expr.charAt(i) != quote) {
      i += expr.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  private static int skipTo(String expr, int i, char end) {
    while (i < expr.length() && expr.charAt(i) != end) {
      char c = expr.charAt(i);
      i = (c == '"' || c == '\'' || c == '`') ? skipString(expr, i) : i + 1;
    }
    return i + 1;
  }
}
