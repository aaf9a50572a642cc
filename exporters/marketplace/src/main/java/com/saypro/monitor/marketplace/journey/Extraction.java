package com.saypro.monitor.marketplace.journey;

import com.fasterxml.jackson.core.JsonPointer;
import com.google.re2j.Pattern;
import java.util.Optional;

/**
 * A value a step keeps for later steps: from the JSON body at a pointer ({@code json:
 * /items/0/id}), from the body through a regex's first capture group ({@code regex:
 * 'order-(\d+)'}), or from a response header, optionally narrowed by a regex ({@code header:
 * Location, regex: '/orders/(\d+)'}).
 */
public record Extraction(String name, Source source, Optional<JsonPointer> pointer, Optional<Pattern> regex, Optional<String> header) {
  /** Where the value comes from. */
  public enum Source {
    JSON,
    REGEX,
    HEADER
  }
}
