package com.saypro.monitor.marketplace.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.marketplace.http.TlsSettings;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Whatever a target answers, an extracted value never breaks the URL or the headers it goes into. */
class TemplateProperties {
  private static final Template URL = Template.parse("http://127.0.0.1:8480/api/search?q={{q}}&page={{q}}#x")
      .template().orElseThrow();
  private static final Template PATH = Template.parse("http://127.0.0.1:8480/api/products/{{q}}").template().orElseThrow();

  @Property
  void anyValueMakesAValidUrlThatDecodesBackToIt(@ForAll String value) {
    URI uri = URI.create(URL.render(Map.of("q", value), Encoders::url));
    assertThat(uri.getHost()).isEqualTo("127.0.0.1");
    assertThat(uri.getPath()).isEqualTo("/api/search");
    String raw = uri.getRawQuery();
    String first = raw.substring(2, raw.indexOf("&page="));
    assertThat(URLDecoder.decode(first, StandardCharsets.UTF_8))
        .isEqualTo(new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
  }

  @Property
  void anyValueInAPathStaysInThatPathSegment(@ForAll String value) {
    JourneyStep step = new JourneyStep("s", "GET", PATH,
        List.of(new JourneyStep.HeaderTemplate("X-Value", Template.parse("v={{q}}").template().orElseThrow())),
        null, Optional.empty(), 1024, true, 1, StepExpectations.DEFAULT, List.of());
    var request = step.request(Map.of("q", value), TlsSettings.insecure());
    assertThat(request.uri().getRawPath()).startsWith("/api/products/");
    assertThat(request.uri().getRawPath().substring("/api/products/".length())).doesNotContain("/", "?", "#");
    assertThat(request.headers().get(0).value()).doesNotContain("\r").doesNotContain("\n");
  }

  @Property
  void templatesWithoutPlaceholdersRenderAsWritten(@ForAll String text) {
    Template.Parsed parsed = Template.parse(text);
    if (!text.contains("{{")) {
      assertThat(parsed.template()).isPresent();
      assertThat(parsed.template().get().render(Map.of(), v -> v)).isEqualTo(text);
      assertThat(parsed.template().get().references()).isEmpty();
    }
  }
}
