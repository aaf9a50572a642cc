package com.saypro.monitor.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The committed rules, alerts and dashboards, read as plain trees for the consistency tests. */
final class Config {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  record Rule(Path file, JsonNode node) {
    boolean isAlert() {
      return node.has("alert");
    }

    String name() {
      return node.has("alert") ? node.get("alert").asText() : node.get("record").asText();
    }

    String expr() {
      return node.get("expr").asText();
    }

    String label(String name) {
      JsonNode labels = node.path("labels");
      return labels.has(name) ? labels.get(name).asText() : null;
    }

    String annotation(String name) {
      JsonNode annotations = node.path("annotations");
      return annotations.has(name) ? annotations.get(name).asText() : null;
    }
  }

  /** A dashboard panel's query, with the dashboard's uid and the panel's title. */
  record Query(String dashboard, String panel, String expr) {}

  private Config() {}

  static List<Rule> rules(Path root) {
    List<Rule> rules = new ArrayList<>();
    try {
      for (Path file : PromtoolTest.files(root.resolve("prometheus/rules"), ".yml")) {
        for (JsonNode group : YAML.readTree(file.toFile()).get("groups")) {
          for (JsonNode rule : group.get("rules")) {
            rules.add(new Rule(file, rule));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rules;
  }

  static List<JsonNode> dashboards(Path root) {
    List<JsonNode> out = new ArrayList<>();
    try {
      for (Path file : PromtoolTest.files(root.resolve("grafana/dashboards"), ".json")) {
        out.add(JSON.readTree(file.toFile()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static List<Query> queries(Path root) {
    List<Query> queries = new ArrayList<>();
    for (JsonNode dashboard : dashboards(root)) {
      for (JsonNode panel : dashboard.get("panels")) {
        for (JsonNode target : panel.get("targets")) {
          queries.add(new Query(dashboard.get("uid").asText(), panel.get("title").asText(), target.get("expr").asText()));
        }
      }
    }
    return queries;
  }

  /** A dashboard query with Grafana's variables replaced, as Prometheus receives it. */
  static String expand(String expr) {
    return expr.replace("$__rate_interval", "1m").replace("$__interval", "15s").replace("$__range", "1h")
        .replace("$job", ".*").replace("$instance", ".*");
  }
}
