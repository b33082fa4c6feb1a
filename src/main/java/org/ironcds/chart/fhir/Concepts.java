package org.ironcds.chart.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ironcds.chart.Code;

/**
 * Small conversions from FHIR JSON datatypes to chart values.
 *
 * <p>No lambdas here: the JVM makes a lambda's class the first time its line runs, and the
 * warm-up's charts never reached two of them (a concept without text, an order with two dates),
 * so the first real chart paid for making them ({@code -Xlog:class+load} after ready).
 */
final class Concepts {
  private Concepts() {}

  /** The later of two optional moments. */
  static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return b.get().isAfter(a.get()) ? b : a;
  }

  /** The system-and-code codings of a CodeableConcept read from JSON. */
  static List<Code> codes(JsonNode concept) {
    List<Code> codes = new ArrayList<>();
    for (JsonNode coding : concept.path("coding")) {
      if (nonEmpty(coding.path("system")) && nonEmpty(coding.path("code"))) {
        codes.add(new Code(coding.get("system").textValue(), coding.get("code").textValue(),
            Optional.ofNullable(coding.path("display").textValue())));
      }
    }
    return codes;
  }

  private static boolean nonEmpty(JsonNode value) {
    return value.isTextual() && !value.textValue().isEmpty();
  }

  /** The concept's text, else its codings' displays, read from JSON. */
  static Optional<String> text(JsonNode concept) {
    String text = concept.path("text").textValue();
    if (text != null && !text.isBlank()) {
      return Optional.of(text);
    }
    List<String> displays = new ArrayList<>();
    for (JsonNode coding : concept.path("coding")) {
      if (coding.path("display").isTextual()) {
        displays.add(coding.get("display").textValue());
      }
    }
    String joined = String.join(" ", displays);
    return joined.isBlank() ? Optional.empty() : Optional.of(joined);
  }

  /** The moment a FHIR date, dateTime or instant names; see {@link FhirDates}. */
  static Optional<Instant> instant(String text) {
    return FhirDates.instant(text);
  }

  /** The latest moment an effective[x] in JSON (dateTime, instant or Period) speaks of. */
  static Optional<Instant> latest(JsonNode resource, String element) {
    if (resource.has(element + "DateTime")) {
      return instant(resource.path(element + "DateTime").asText());
    }
    JsonNode period = resource.path(element + "Period");
    return period.has("end") ? instant(period.path("end").asText()) : instant(period.path("start").asText());
  }
}
