package com.saypro.monitor.marketplace.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The status and headers of a response, with case-insensitive lookup. */
public record ResponseHead(int status, List<Header> headers) {
  public ResponseHead {
    headers = List.copyOf(headers);
  }

  public Optional<String> first(String name) {
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase(name)) {
        return Optional.of(header.value());
      }
    }
    return Optional.empty();
  }

  public List<String> all(String name) {
    List<String> out = new ArrayList<>();
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase(name)) {
        out.add(header.value());
      }
    }
    return out;
  }

  /** The headers as the {@link java.net.CookieHandler} API wants them. */
  public Map<String, List<String>> asMap() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (Header header : headers) {
      map.computeIfAbsent(header.name(), k -> new ArrayList<>()).add(header.value());
    }
    return map;
  }
}
