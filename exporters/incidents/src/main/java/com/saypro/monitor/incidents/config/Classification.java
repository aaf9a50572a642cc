package com.saypro.monitor.incidents.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import java.util.List;
import java.util.Set;

/**
 * Turns an alert's free-form {@code severity} and {@code team} label values into the bounded label
 * values of the metrics: a severity not in the SLA table is {@code other}, a team not listed is
 * {@code other}, a missing team is {@code none}. So the series count is fixed by the config, never
 * by what alerts happen to carry.
 *
 * @param severityLabel the alert label holding the severity ({@code severity})
 * @param teamLabel the alert label holding the owning team ({@code team})
 * @param teams the team names that get their own series
 */
public record Classification(String severityLabel, String teamLabel, Set<String> teams, Set<String> severities) {
  public static final String OTHER = "other";
  public static final String NONE = "none";

  public Classification {
    teams = Set.copyOf(teams);
    severities = Set.copyOf(severities);
  }

  static Classification read(ConfigNode root, Set<String> severities) throws ConfigException {
    String severityLabel = labelName(root, "severity_label", "severity");
    String teamLabel = labelName(root, "team_label", "team");
    List<String> teams = root.strings("teams");
    for (int i = 0; i < teams.size(); i++) {
      String team = teams.get(i);
      ConfigNode item = root.require("teams").items().get(i);
      if (team.isEmpty() || team.equals(OTHER) || team.equals(NONE) || team.length() > 64) {
        throw item.invalid("is not a team name (1 to 64 characters; \"other\" and \"none\" are reserved)");
      }
    }
    if (teams.size() > 100) {
      throw root.require("teams").error("lists " + teams.size() + " teams; at most 100 keep the series count bounded");
    }
    return new Classification(severityLabel, teamLabel, Set.copyOf(teams), severities);
  }

  private static String labelName(ConfigNode root, String key, String defaultValue) throws ConfigException {
    String name = root.string(key, defaultValue);
    if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
      throw root.require(key).invalid("is not a Prometheus label name");
    }
    return name;
  }

  public String severity(String rawValue) {
    return severities.contains(rawValue) ? rawValue : OTHER;
  }

  public String team(String rawValue) {
    if (rawValue == null || rawValue.isEmpty()) {
      return NONE;
    }
    return teams.contains(rawValue) ? rawValue : OTHER;
  }
}
