package com.saypro.monitor.marketplace.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.marketplace.http.StatusMatcher;
import com.saypro.monitor.marketplace.journey.StepExpectations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an {@code expect} section:
 *
 * <pre>
 * expect:
 *   status: [200, 3xx]          # default: any 2xx
 *   body_matches: ['Welcome']   # RE2 patterns the body must contain (one or a list)
 *   body_not_matches: ['error']
 *   json:                       # value at a JSON pointer or $.path, compared as text;
 *     $.status: succeeded       # it may name earlier values; quote paths with [ ] in {...} maps
 *     $.items[0].id: '{{product_id}}'
 *   max_duration: 1s
 * </pre>
 */
final class ExpectationsReader {
  private ExpectationsReader() {}

  /** @param owner names the journey and step (or check) in messages, e.g. {@code (journey "buy", step "pay")} */
  static StepExpectations read(ConfigNode parent, Set<String> known, String owner) throws ConfigException {
    Optional<ConfigNode> section = parent.get("expect");
    if (section.isEmpty()) {
      return StepExpectations.DEFAULT;
    }
    ConfigNode expect = section.get().asMap();
    StatusMatcher status = readStatus(expect, owner);
    List<Pattern> matches = patterns(expect, "body_matches", owner);
    List<Pattern> notMatches = patterns(expect, "body_not_matches", owner);
    List<StepExpectations.JsonValue> json = new ArrayList<>();
    Optional<ConfigNode> jsonNode = expect.get("json");
    if (jsonNode.isPresent()) {
      for (Map.Entry<String, ConfigNode> entry : jsonNode.get().asMap().entries().entrySet()) {
        JsonPointer pointer = JsonPaths.parse(entry.getKey())
            .orElseThrow(() -> entry.getValue().error(
                "\"" + entry.getKey() + "\" is not a JSON path " + owner + " (" + JsonPaths.HINT + ")"));
        json.add(new StepExpectations.JsonValue(pointer, RequestReader.template(entry.getValue(), known, owner)));
      }
    }
    Optional<Duration> maxDuration = expect.has("max_duration")
        ? Optional.of(expect.positiveDuration("max_duration", Duration.ZERO))
        : Optional.empty();
    return new StepExpectations(status, matches, notMatches, json, maxDuration);
  }

  private static StatusMatcher readStatus(ConfigNode expect, String owner) throws ConfigException {
    Optional<ConfigNode> node = expect.get("status");
    if (node.isEmpty()) {
      return StatusMatcher.SUCCESS;
    }
    List<ConfigNode> entries = node.get().kind() == ConfigNode.Kind.LIST ? node.get().items() : List.of(node.get());
    if (entries.isEmpty()) {
      throw node.get().error("must list at least one status " + owner);
    }
    StatusMatcher matcher = new StatusMatcher(List.of(), List.of());
    for (ConfigNode entry : entries) {
      matcher = matcher.plus(entry.parse(StatusMatcher::entry, "is not a status " + owner + " (use 200 or 2xx)"));
    }
    return matcher;
  }

  /** One pattern or a list of them at {@code key}, compiled with RE2/J (linear time, no backtracking). */
  static List<Pattern> patterns(ConfigNode parent, String key, String owner) throws ConfigException {
    Optional<ConfigNode> node = parent.get(key);
    if (node.isEmpty()) {
      return List.of();
    }
    List<ConfigNode> entries = node.get().kind() == ConfigNode.Kind.LIST ? node.get().items() : List.of(node.get());
    List<Pattern> out = new ArrayList<>();
    for (ConfigNode entry : entries) {
      out.add(regex(entry, owner));
    }
    return out;
  }

  static Pattern regex(ConfigNode node, String owner) throws ConfigException {
    try {
      return Pattern.compile(node.asRegex());
    } catch (PatternSyntaxException e) {
      throw node.invalid("is not a valid RE2 regex " + owner + ": " + e.getDescription());
    }
  }
}
