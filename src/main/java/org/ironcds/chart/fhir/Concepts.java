package org.ironcds.chart.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
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

  static Optional<Instant> instant(Date date) {
    return Optional.ofNullable(date).map(Date::toInstant);
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
      return instant(dateTime.getValue());
    }
    if (effective instanceof Period period) {
      return period.hasEnd() ? instant(period.getEnd()) : instant(period.getStart());
    }
    return Optional.empty();
  }

}
