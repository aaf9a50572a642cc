package com.saypro.monitor.marketplace.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.google.re2j.Pattern;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.marketplace.journey.Extraction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a step's {@code extract} section, a map from value name to where the value is:
 *
 * <pre>
 * extract:
 *   product_id: {json: $.results[0].id}       # or a JSON pointer: /results/0/id
 *   order: {regex: 'SP-[0-9A-Z]{10}'}         # first capture group, or the whole match without one
 *   next: {header: Location, regex: '/orders/(\d+)'}
 * </pre>
 */
final class ExtractionReader {
  private static final java.util.regex.Pattern VALUE_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private ExtractionReader() {}

  static List<Extraction> read(ConfigNode step, String owner) throws ConfigException {
    Optional<ConfigNode> section = step.get("extract");
    if (section.isEmpty()) {
      return List.of();
    }
    List<Extraction> out = new ArrayList<>();
    for (Map.Entry<String, ConfigNode> entry : section.get().asMap().entries().entrySet()) {
      String name = entry.getKey();
      ConfigNode spec = entry.getValue().asMap();
      if (!VALUE_NAME.matcher(name).matches()) {
        throw spec.error("\"" + name + "\" is not a valid value name " + owner + " (letters, digits and _)");
      }
      Optional<ConfigNode> json = spec.get("json");
      Optional<ConfigNode> regex = spec.get("regex");
      Optional<ConfigNode> header = spec.get("header");
      int sources = (json.isPresent() ? 1 : 0) + (header.isPresent() ? 1 : 0) + (regex.isPresent() && header.isEmpty() ? 1 : 0);
      if (sources != 1 || (json.isPresent() && regex.isPresent())) {
        throw spec.error("set one of \"json\", \"regex\" or \"header\" (with an optional \"regex\") " + owner);
      }
      Optional<Pattern> pattern = regex.isPresent() ? Optional.of(ExpectationsReader.regex(regex.get(), owner)) : Optional.empty();
      if (json.isPresent()) {
        JsonPointer pointer = json.get().parse(JsonPaths::parse, "is not a JSON path " + owner + " (" + JsonPaths.HINT + ")");
        out.add(new Extraction(name, Extraction.Source.JSON, Optional.of(pointer), Optional.empty(), Optional.empty()));
      } else if (header.isPresent()) {
        out.add(new Extraction(name, Extraction.Source.HEADER, Optional.empty(), pattern, Optional.of(header.get().asString())));
      } else {
        out.add(new Extraction(name, Extraction.Source.REGEX, Optional.empty(), pattern, Optional.empty()));
      }
    }
    return out;
  }
}
