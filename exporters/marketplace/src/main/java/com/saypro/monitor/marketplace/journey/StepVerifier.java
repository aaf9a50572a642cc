package com.saypro.monitor.marketplace.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.saypro.monitor.marketplace.http.FailureReason;
import com.saypro.monitor.marketplace.http.HttpResult;
import com.saypro.monitor.marketplace.http.ProbeFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a step's answer against its expectations and extracts its values. Failure details name the
 * assertion (from the config), never the body or an extracted value, which may be private.
 */
public final class StepVerifier {
  private final ObjectMapper json;

  public StepVerifier(ObjectMapper json) {
    this.json = json;
  }

  /** Verifies {@code result}; on success puts the extracted values into {@code values}. */
  public void verify(StepExpectations expect, List<Extraction> extractions, HttpResult result, Map<String, String> values)
      throws ProbeFailure {
    if (result.failure().isPresent()) {
      throw result.failure().get();
    }
    if (!expect.status().matches(result.status())) {
      throw new ProbeFailure(FailureReason.STATUS, "status " + result.status() + " is not one of " + expect.status());
    }
    Optional<Duration> max = expect.maxDuration();
    if (max.isPresent() && result.totalNanos() > max.get().toNanos()) {
      throw new ProbeFailure(FailureReason.ASSERTION,
          String.format("took %.3f s, more than max_duration %s", result.totalNanos() / 1e9, max.get()));
    }
    String text = null;
    for (int i = 0; i < expect.bodyMatches().size(); i++) {
      text = text == null ? result.bodyText() : text;
      if (!expect.bodyMatches().get(i).matcher(text).find()) {
        throw new ProbeFailure(FailureReason.ASSERTION, "body does not match expect.body_matches[" + i + "]");
      }
    }
    for (int i = 0; i < expect.bodyNotMatches().size(); i++) {
      text = text == null ? result.bodyText() : text;
      if (expect.bodyNotMatches().get(i).matcher(text).find()) {
        throw new ProbeFailure(FailureReason.ASSERTION, "body matches expect.body_not_matches[" + i + "]");
      }
    }
    JsonNode document = null;
    for (StepExpectations.JsonValue expected : expect.json()) {
      document = document == null ? parse(result) : document;
      JsonNode node = document.at(expected.pointer());
      if (node.isMissingNode()) {
        throw new ProbeFailure(FailureReason.ASSERTION, "JSON body has nothing at " + expected.pointer());
      }
      if (!text(node).equals(expected.expected().render(values, value -> value))) {
        throw new ProbeFailure(FailureReason.ASSERTION, "JSON value at " + expected.pointer() + " is not the expected one");
      }
    }
    for (Extraction extraction : extractions) {
      String value = switch (extraction.source()) {
        case JSON -> {
          document = document == null ? parse(result) : document;
          JsonNode node = document.at(extraction.pointer().orElseThrow());
          yield node.isMissingNode() || node.isNull() ? null : text(node);
        }
        case REGEX -> firstGroup(extraction.regex().orElseThrow(), text == null ? (text = result.bodyText()) : text);
        case HEADER -> {
          Optional<String> header = result.head().first(extraction.header().orElseThrow());
          yield header.isEmpty() ? null
              : extraction.regex().isPresent() ? firstGroup(extraction.regex().get(), header.get()) : header.get();
        }
      };
      if (value == null) {
        throw new ProbeFailure(FailureReason.ASSERTION, "value \"" + extraction.name() + "\" to extract was not found");
      }
      values.put(extraction.name(), value);
    }
  }

  private JsonNode parse(HttpResult result) throws ProbeFailure {
    try {
      JsonNode node = json.readTree(result.body());
      if (node == null || node.isMissingNode()) {
        throw new ProbeFailure(FailureReason.ASSERTION, "body is empty, not JSON");
      }
      return node;
    } catch (IOException e) {
      throw new ProbeFailure(FailureReason.ASSERTION, "body is not JSON");
    }
  }

  private static String text(JsonNode node) {
    return node.isValueNode() ? node.asText() : node.toString();
  }

  private static String firstGroup(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      return null;
    }
    return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
  }
}
