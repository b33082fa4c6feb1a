package org.ironcds.chart.fhir;

import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationReferenceRangeComponent;
import org.ironcds.chart.LabResult;
import org.ironcds.chart.Quantity;

/**
 * Maps a numeric Observation to a {@link LabResult}; an observation without a numeric value or a
 * time (cancelled, data-absent, text-only) gives nothing, since the rules can neither compare nor
 * age it.
 */
final class ObservationMapper {
  private static final String UCUM = "http://unitsofmeasure.org";

  private ObservationMapper() {}

  static Optional<LabResult> map(Observation observation) {
    String status = observation.getStatusElement().getValueAsString();
    if ("cancelled".equals(status) || "entered-in-error".equals(status) || !observation.hasValueQuantity()) {
      return Optional.empty();
    }
    Optional<Quantity> value = quantity(observation.getValueQuantity(), Optional.empty());
    Optional<Instant> when = effective(observation);
    if (value.isEmpty() || when.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new LabResult("Observation/" + observation.getIdElement().getIdPart(),
        Concepts.codes(observation.getCode()), value.get(), when.get(), referenceLow(observation, value.get())));
  }

  private static Optional<Instant> effective(Observation observation) {
    if (observation.hasEffectiveDateTimeType()) {
      return Concepts.instant(observation.getEffectiveDateTimeType());
    }
    if (observation.hasEffectivePeriod()) {
      return Concepts.instant(observation.getEffectivePeriod().getStartElement());
    }
    if (observation.hasEffectiveInstantType()) {
      return Concepts.instant(observation.getEffectiveInstantType());
    }
    return Concepts.instant(observation.getIssuedElement());
  }

  /** The first reference range with a low limit; a low without a unit takes the value's unit. */
  private static Optional<Quantity> referenceLow(Observation observation, Quantity value) {
    for (ObservationReferenceRangeComponent range : observation.getReferenceRange()) {
      if (range.hasLow() && range.getLow().hasValue()) {
        return quantity(range.getLow(), Optional.of(value.unit()));
      }
    }
    return Optional.empty();
  }

  private static Optional<Quantity> quantity(org.hl7.fhir.r4.model.Quantity q, Optional<String> fallbackUnit) {
    if (!q.hasValue()) {
      return Optional.empty();
    }
    String unit = UCUM.equals(q.getSystem()) && q.hasCode() ? q.getCode()
        : q.hasUnit() ? q.getUnit() : q.hasCode() ? q.getCode() : fallbackUnit.orElse("");
    return Optional.of(new Quantity(q.getValue().doubleValue(), unit));
  }
}
