package com.saypro.monitor.incidents.silences;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.saypro.monitor.core.config.ConfigNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An Alertmanager silence, with Alertmanager's matching rules: every matcher must hold; a missing
 * label has the empty value; regular expressions are RE2 (Go's syntax) and anchored at both ends. A regex longer
 * than {@link ConfigNode#MAX_REGEX_LENGTH} characters, or one RE2/J refuses, matches nothing: such a silence
 * acknowledges no incident (the exporter never acknowledges on a matcher it cannot evaluate).
 */
public record Silence(String id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy) {
  public Silence {
    matchers = List.copyOf(matchers);
  }

  /** One matcher: {@code name=value}, {@code name!=value}, {@code name=~regex} or {@code name!~regex}. */
  public record Matcher(String name, String value, boolean regex, boolean equal, Pattern pattern) {
    public static Matcher of(String name, String value, boolean regex, boolean equal) {
      Pattern pattern = null;
      // RE2/J matches in linear time but compiles a very long pattern in super-linear time (10 s for 100,000
      // characters): past the cap every configured regex has, the matcher matches nothing, as an invalid one does
      if (regex && value.length() <= ConfigNode.MAX_REGEX_LENGTH) {
        try {
          pattern = Pattern.compile("^(?:" + value + ")$");
        } catch (PatternSyntaxException e) {
          pattern = null; // Alertmanager would not have accepted it; such a matcher matches nothing
        }
      }
      return new Matcher(name, value, regex, equal, pattern);
    }

    boolean matches(Map<String, String> labels) {
      String actual = labels.getOrDefault(name, "");
      boolean hit;
      if (regex) {
        if (pattern == null) {
          return false;
        }
        hit = pattern.matcher(actual).matches();
      } else {
        hit = value.equals(actual);
      }
      return hit == equal;
    }
  }

  public boolean matches(Map<String, String> labels) {
    if (matchers.isEmpty()) {
      return false;
    }
    for (Matcher matcher : matchers) {
      if (!matcher.matches(labels)) {
        return false;
      }
    }
    return true;
  }
}
