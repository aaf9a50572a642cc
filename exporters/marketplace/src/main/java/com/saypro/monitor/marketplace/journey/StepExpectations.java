package com.saypro.monitor.marketplace.journey;

import com.fasterxml.jackson.core.JsonPointer;
import com.google.re2j.Pattern;
import com.saypro.monitor.marketplace.http.StatusMatcher;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a step's answer must be. A wrong status fails with reason {@code status}; everything else
 * with {@code assertion}.
 *
 * @param bodyMatches RE2/J patterns the body must contain
 * @param bodyNotMatches RE2/J patterns the body must not contain
 * @param json values at JSON pointers the body must hold
 * @param maxDuration the longest the step may take (its whole request, redirects included)
 */
public record StepExpectations(
    StatusMatcher status,
    List<Pattern> bodyMatches,
    List<Pattern> bodyNotMatches,
    List<JsonValue> json,
    Optional<Duration> maxDuration) {
  public static final StepExpectations DEFAULT =
      new StepExpectations(StatusMatcher.SUCCESS, List.of(), List.of(), List.of(), Optional.empty());

  public StepExpectations {
    bodyMatches = List.copyOf(bodyMatches);
    bodyNotMatches = List.copyOf(bodyNotMatches);
    json = List.copyOf(json);
  }

  /**
   * The value expected at a JSON pointer, compared as text ({@code 42}, {@code true}, {@code paid});
   * it may name earlier values ({@code {{product_id}}}).
   */
  public record JsonValue(JsonPointer pointer, Template expected) {}
}
