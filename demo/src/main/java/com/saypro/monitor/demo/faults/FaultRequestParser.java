package com.saypro.monitor.demo.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.saypro.monitor.core.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the JSON body of {@code POST /faults} into a {@link FaultSpec}. Unknown fields and fields
 * that do not fit the fault type are refused, each with a message that names the field, the value
 * and what is allowed.
 */
public final class FaultRequestParser {
  private static final Set<String> FIELDS = Set.of("target", "type", "latency_ms", "rate", "status",
      "error_code", "mode", "gateway", "start", "start_in", "duration");
  public static final List<String> DECLINE_CODES = List.of("declined", "insufficient_funds", "fraud_suspected");
  public static final List<String> GATEWAYS = List.of("sandbox", "cardpay", "walletpay");
  private static final int MAX_LATENCY_MS = 60_000;

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> routeClasses;

  /** {@code routeClasses}: the labels of the faultable route classes. */
  public FaultRequestParser(List<String> routeClasses) {
    this.routeClasses = List.copyOf(routeClasses);
  }

  public FaultSpec parse(String body) throws BadFaultRequest {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new BadFaultRequest("the body is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new BadFaultRequest("the body must be a JSON object such as {\"target\":\"checkout\",\"type\":\"latency\",\"latency_ms\":200}");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new BadFaultRequest("unknown field \"" + name + "\" (allowed: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
      }
    }
    String target = requiredText(root, "target");
    boolean isRoute = routeClasses.contains(target);
    if (!isRoute && !target.equals(Fault.GATEWAY) && !target.equals(Fault.SITE)) {
      throw new BadFaultRequest("target: \"" + target + "\" is not one of " + String.join(", ", routeClasses) + ", gateway, site");
    }
    FaultType type = type(requiredText(root, "type"));
    if ((type == FaultType.DECLINE || type == FaultType.TIMEOUT) && !target.equals(Fault.GATEWAY)) {
      throw new BadFaultRequest("type: \"" + type.label() + "\" applies only to target \"gateway\"");
    }
    only(root, "latency_ms", type == FaultType.LATENCY, "latency");
    only(root, "status", type == FaultType.ERROR, "error");
    only(root, "error_code", type == FaultType.DECLINE, "decline");
    only(root, "mode", type == FaultType.DOWN, "down");
    only(root, "rate", type != FaultType.DOWN, "latency, error, decline and timeout");
    if (root.has("gateway") && !target.equals(Fault.GATEWAY)) {
      throw new BadFaultRequest("gateway: applies only to target \"gateway\"");
    }
    int latencyMs = 0;
    if (type == FaultType.LATENCY) {
      if (!root.has("latency_ms")) {
        throw new BadFaultRequest("latency_ms: required for type \"latency\" (0.." + MAX_LATENCY_MS + ")");
      }
      latencyMs = (int) integer(root, "latency_ms", 0, MAX_LATENCY_MS);
    }
    double rate = 1.0;
    if (root.has("rate")) {
      JsonNode node = root.get("rate");
      if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 1) {
        throw new BadFaultRequest("rate: " + node + " must be a number from 0 to 1");
      }
      rate = node.asDouble();
    }
    int status = root.has("status") ? (int) integer(root, "status", 500, 599) : 500;
    String errorCode = null;
    if (type == FaultType.DECLINE) {
      errorCode = root.has("error_code") ? text(root, "error_code") : "declined";
      if (!DECLINE_CODES.contains(errorCode)) {
        throw new BadFaultRequest("error_code: \"" + errorCode + "\" is not one of " + String.join(", ", DECLINE_CODES));
      }
    }
    DownMode mode = null;
    if (type == FaultType.DOWN) {
      mode = mode(root.has("mode") ? root.get("mode").asText() : "503");
      if (mode == DownMode.REFUSED && isRoute) {
        throw new BadFaultRequest("mode: \"refused\" applies only to targets \"site\" and \"gateway\"; a route class can only answer 503");
      }
    }
    String gateway = null;
    if (root.has("gateway")) {
      gateway = text(root, "gateway");
      if (!GATEWAYS.contains(gateway)) {
        throw new BadFaultRequest("gateway: \"" + gateway + "\" is not one of " + String.join(", ", GATEWAYS));
      }
    }
    if (root.has("start") && root.has("start_in")) {
      throw new BadFaultRequest("set either \"start\" or \"start_in\", not both");
    }
    Instant start = null;
    if (root.has("start")) {
      String text = text(root, "start");
      try {
        start = Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new BadFaultRequest("start: \"" + text + "\" is not an RFC 3339 instant such as 2026-11-24T10:00:00Z");
      }
    }
    Duration startIn = root.has("start_in") ? duration(root, "start_in", true) : null;
    Duration duration = root.has("duration") ? duration(root, "duration", false) : null;
    return new FaultSpec(target, type, latencyMs, rate, status, errorCode, mode, gateway, start, startIn, duration);
  }

  private static void only(JsonNode root, String field, boolean allowed, String types) throws BadFaultRequest {
    if (root.has(field) && !allowed) {
      throw new BadFaultRequest(field + ": applies only to type " + types);
    }
  }

  private static String requiredText(JsonNode root, String field) throws BadFaultRequest {
    if (!root.has(field)) {
      throw new BadFaultRequest(field + ": required");
    }
    return text(root, field);
  }

  private static String text(JsonNode root, String field) throws BadFaultRequest {
    JsonNode node = root.get(field);
    if (!node.isTextual()) {
      throw new BadFaultRequest(field + ": " + node + " must be a string");
    }
    return node.asText();
  }

  private static long integer(JsonNode root, String field, long min, long max) throws BadFaultRequest {
    JsonNode node = root.get(field);
    if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
      throw new BadFaultRequest(field + ": " + node + " must be a whole number from " + min + " to " + max);
    }
    return node.asLong();
  }

  private static Duration duration(JsonNode root, String field, boolean zeroAllowed) throws BadFaultRequest {
    String text = text(root, field);
    Duration d = Durations.parse(text).orElse(null);
    if (d == null || d.isNegative() || (!zeroAllowed && d.isZero())) {
      throw new BadFaultRequest(field + ": \"" + text + "\" is not a " + (zeroAllowed ? "" : "positive ") + "duration (" + Durations.HINT + ")");
    }
    return d;
  }

  private static FaultType type(String text) throws BadFaultRequest {
    for (FaultType type : FaultType.values()) {
      if (type.label().equals(text)) {
        return type;
      }
    }
    throw new BadFaultRequest("type: \"" + text + "\" is not one of latency, error, decline, timeout, down");
  }

  private static DownMode mode(String text) throws BadFaultRequest {
    for (DownMode mode : DownMode.values()) {
      if (mode.label().equals(text.toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw new BadFaultRequest("mode: \"" + text + "\" is not one of 503, refused");
  }
}
