package org.ironcds.chart.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import org.ironcds.chart.LabResult;
import org.ironcds.chart.Quantity;

/**
 * Maps a numeric Observation to a {@link LabResult}, reading the few elements the rules need
 * straight from the parsed JSON. A typical history holds dozens of lab results and building a HAPI
 * object for each cost more than everything else in a call; the elements read here are plain
 * (status, code, valueQuantity, effective[x], referenceRange.low), so nothing of HAPI's model is
 * needed to interpret them.
 *
 * <p>An observation without a numeric value or a time (cancelled, data-absent, text-only, a
 * malformed date) gives nothing, since the rules can neither compare nor age it.
 */
final class ObservationMapper {
  private static final String UCUM = "http://unitsofmeasure.org";

  private ObservationMapper() {}

  static Optional<LabResult> map(JsonNode observation) {
    String status = observation.path("status").asText();
    if (status.equals("cancelled") || status.equals("entered-in-error")) {
      return Optional.empty();
    }
    Optional<Quantity> value = quantity(observation.path("valueQuantity"), Optional.empty());
    Optional<Instant> when = effective(observation);
    if (value.isEmpty() || when.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new LabResult("Observation/" + observation.path("id").asText(),
        Concepts.codes(observation.path("code")), value.get(), when.get(), referenceLow(observation, value.get())));
  }

  private static Optional<Instant> effective(JsonNode observation) {
    for (String field : new String[] {"effectiveDateTime", "effectiveInstant"}) {
      if (observation.has(field)) {
        return Concepts.instant(observation.path(field).asText());
      }
    }
    if (observation.has("effectivePeriod")) {
      return Concepts.instant(observation.path("effectivePeriod").path("start").asText());
    }
    return Concepts.instant(observation.path("issued").asText());
  }

  /** The first reference range with a low limit; a low without a unit takes the value's unit. */
  private static Optional<Quantity> referenceLow(JsonNode observation, Quantity value) {
    for (JsonNode range : observation.path("referenceRange")) {
      Optional<Quantity> low = quantity(range.path("low"), Optional.of(value.unit()));
      if (low.isPresent()) {
        return low;
      }
    }
    return Optional.empty();
  }

  private static Optional<Quantity> quantity(JsonNode q, Optional<String> fallbackUnit) {
    JsonNode number = q.path("value");
    if (!number.isNumber() || !Double.isFinite(number.doubleValue())) {
      return Optional.empty();
    }
    String code = q.path("code").textValue();
    String unit = q.path("unit").textValue();
    String chosen = UCUM.equals(q.path("system").textValue()) && code != null ? code
        : unit != null ? unit : code != null ? code : fallbackUnit.orElse("");
    return Optional.of(new Quantity(number.doubleValue(), chosen));
  }
}
