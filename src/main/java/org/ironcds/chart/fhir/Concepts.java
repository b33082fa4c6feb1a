package org.ironcds.chart.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Type;
import org.ironcds.chart.Code;

/** Small conversions from HAPI datatypes to chart values. */
final class Concepts {
  private Concepts() {}

  static List<Code> codes(CodeableConcept concept) {
    List<Code> codes = new ArrayList<>();
    for (Coding coding : concept.getCoding()) {
      if (coding.hasSystem() && coding.hasCode()) {
        codes.add(new Code(coding.getSystem(), coding.getCode(), Optional.ofNullable(coding.getDisplay())));
      }
    }
    return codes;
  }

  static List<Code> codes(List<CodeableConcept> concepts) {
    List<Code> codes = new ArrayList<>();
    concepts.forEach(c -> codes.addAll(codes(c)));
    return codes;
  }

  /** The concept's text, else its codings' displays, for the text fallback of matching. */
  static Optional<String> text(CodeableConcept concept) {
    if (concept.hasText()) {
      return Optional.of(concept.getText());
    }
    String displays = String.join(" ", concept.getCoding().stream()
        .filter(Coding::hasDisplay).map(Coding::getDisplay).toList());
    return Optional.of(displays).filter(d -> !d.isBlank());
  }

  /**
   * The moment a FHIR date or dateTime names. A date without a time ({@code 2026-11-05}, or just a
   * year or month) is read as the start of that day in UTC, not in the JVM's default zone as HAPI
   * would, so "same day" and window checks do not depend on where the service runs.
   */
  static Optional<Instant> instant(BaseDateTimeType value) {
    if (value == null || value.getValue() == null) {
      return Optional.empty();
    }
    if (value.getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
      LocalDate day = LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay());
      return Optional.of(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    return Optional.of(value.getValue().toInstant());
  }

  /** The later of two optional moments. */
  static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.filter(x -> x.isAfter(a.get())).or(() -> a);
  }

  /** The latest moment an effective[x] (dateTime or Period) speaks of. */
  static Optional<Instant> latest(Type effective) {
    if (effective instanceof DateTimeType dateTime) {
      return instant(dateTime);
    }
    if (effective instanceof Period period) {
      return period.hasEnd() ? instant(period.getEndElement()) : instant(period.getStartElement());
    }
    return Optional.empty();
  }

  // JSON forms, for resources read straight from the parsed request (see ObservationMapper).

  /** The system-and-code codings of a CodeableConcept read from JSON. */
  static List<Code> codes(JsonNode concept) {
    List<Code> codes = new ArrayList<>();
    for (JsonNode coding : concept.path("coding")) {
      if (coding.path("system").isTextual() && coding.path("code").isTextual()) {
        codes.add(new Code(coding.get("system").textValue(), coding.get("code").textValue(),
            Optional.ofNullable(coding.path("display").textValue())));
      }
    }
    return codes;
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
    return Optional.of(String.join(" ", displays)).filter(d -> !d.isBlank());
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
