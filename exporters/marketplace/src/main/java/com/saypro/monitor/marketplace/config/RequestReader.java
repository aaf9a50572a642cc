package com.saypro.monitor.marketplace.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.marketplace.journey.JourneyStep.HeaderTemplate;
import com.saypro.monitor.marketplace.journey.Template;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the request part of a journey step or a check: {@code method}, {@code url}, {@code
 * headers}, {@code body}, {@code timeout}, {@code max_body}, {@code follow_redirects}, {@code
 * max_redirects}. URL, header values and body may hold {@code {{name}}} placeholders; each must name
 * a value in {@code known}, and the URL must be http or https whatever the values turn out to be.
 */
final class RequestReader {
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  // the client owns these: it frames the body and closes the connection itself
  private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "transfer-encoding", "connection");
  private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /** The request part, read. */
  record Parts(
      String method,
      Template url,
      List<HeaderTemplate> headers,
      Template body,
      Optional<Duration> timeout,
      long maxBody,
      boolean followRedirects,
      int maxRedirects) {}

  private RequestReader() {}

  /**
   * @param known the values placeholders may name
   * @param owner names the journey and step (or check) in messages
   */
  static Parts read(ConfigNode node, HttpDefaults defaults, Set<String> known, String owner) throws ConfigException {
    ConfigNode methodNode = node.get("method").orElse(null);
    String method = methodNode == null ? "GET" : methodNode.asString();
    if (!METHODS.contains(method)) {
      throw methodNode.invalid("is not a supported method " + owner + " (use " + String.join(", ", sorted(METHODS)) + ")");
    }
    ConfigNode urlNode = node.require("url");
    Template url = template(urlNode, known, owner);
    checkUrl(urlNode, url, owner);
    List<HeaderTemplate> headers = new ArrayList<>();
    Optional<ConfigNode> headersNode = node.get("headers");
    if (headersNode.isPresent()) {
      for (Map.Entry<String, ConfigNode> entry : headersNode.get().asMap().entries().entrySet()) {
        String name = entry.getKey();
        if (!TOKEN.matcher(name).matches()) {
          throw entry.getValue().error("\"" + name + "\" is not a valid header name " + owner);
        }
        if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
          throw entry.getValue().error("header \"" + name + "\" is set by the prober itself " + owner);
        }
        headers.add(new HeaderTemplate(name, template(entry.getValue(), known, owner)));
      }
    }
    Optional<ConfigNode> bodyNode = node.get("body");
    Template body = bodyNode.isPresent() ? template(bodyNode.get(), known, owner) : null;
    Optional<Duration> timeout = node.has("timeout")
        ? Optional.of(node.positiveDuration("timeout", Duration.ZERO))
        : Optional.empty();
    long maxBody = node.has("max_body") ? size(node.require("max_body"), owner) : defaults.maxBody();
    boolean follow = node.bool("follow_redirects", defaults.followRedirects());
    int maxRedirects = node.integer("max_redirects", defaults.maxRedirects(), 0, 100);
    return new Parts(method, url, headers, body, timeout, maxBody, follow, maxRedirects);
  }

  static long size(ConfigNode node, String owner) throws ConfigException {
    long size = node.parse(ByteSizes::parse, "is not a size " + owner + " (" + ByteSizes.HINT + ")");
    if (size < 1 || size > (1L << 30)) {
      throw node.invalid("must be between 1 byte and 1GiB " + owner);
    }
    return size;
  }

  static Template template(ConfigNode node, Set<String> known, String owner) throws ConfigException {
    Template.Parsed parsed = Template.parse(node.asString());
    if (parsed.template().isEmpty()) {
      throw node.invalid(parsed.problem() + " " + owner);
    }
    Template template = parsed.template().get();
    for (String reference : template.references()) {
      if (!known.contains(reference)) {
        throw node.invalid(
            owner + " refers to {{" + reference + "}}, which no earlier step extracts and no variable defines"
                + (known.isEmpty() ? "" : " (known: " + String.join(", ", sorted(known)) + ")"));
      }
    }
    return template;
  }

  /** Renders the URL with a harmless stand-in for each value and checks what is left. */
  private static void checkUrl(ConfigNode node, Template url, String owner) throws ConfigException {
    URI uri;
    try {
      uri = new URI(url.render(Map.of(), value -> "x"));
    } catch (java.net.URISyntaxException e) {
      throw node.invalid("is not a valid URL " + owner);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw node.invalid("has an unsupported scheme " + owner + " (use http:// or https://)");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw node.invalid("has no host " + owner);
    }
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
