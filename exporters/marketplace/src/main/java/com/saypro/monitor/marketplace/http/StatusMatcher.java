package com.saypro.monitor.marketplace.http;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The status codes a step or check accepts: exact codes ({@code 200}) and classes ({@code 2xx}).
 * The default accepts every 2xx, as blackbox_exporter's {@code valid_status_codes} does.
 */
public record StatusMatcher(List<Integer> codes, List<Integer> classes) {
  public static final StatusMatcher SUCCESS = new StatusMatcher(List.of(), List.of(2));
  private static final Pattern CODE = Pattern.compile("[1-5][0-9][0-9]");
  private static final Pattern CLASS = Pattern.compile("[1-5]xx");

  public StatusMatcher {
    codes = List.copyOf(codes);
    classes = List.copyOf(classes);
  }

  public boolean matches(int status) {
    return codes.contains(status) || classes.contains(status / 100);
  }

  /** Parses one entry ({@code 200} or {@code 2xx}); empty when it is neither. */
  public static Optional<StatusMatcher> entry(String text) {
    if (CODE.matcher(text).matches()) {
      return Optional.of(new StatusMatcher(List.of(Integer.parseInt(text)), List.of()));
    }
    if (CLASS.matcher(text).matches()) {
      return Optional.of(new StatusMatcher(List.of(), List.of(text.charAt(0) - '0')));
    }
    return Optional.empty();
  }

  public StatusMatcher plus(StatusMatcher other) {
    List<Integer> allCodes = new java.util.ArrayList<>(codes);
    allCodes.addAll(other.codes);
    List<Integer> allClasses = new java.util.ArrayList<>(classes);
    allClasses.addAll(other.classes);
    return new StatusMatcher(allCodes, allClasses);
  }

  @Override
  public String toString() {
    List<String> parts = new java.util.ArrayList<>();
    codes.forEach(c -> parts.add(Integer.toString(c)));
    classes.forEach(c -> parts.add(c + "xx"));
    return String.join(", ", parts);
  }
}
