package org.ironcds.chart.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ironcds.chart.Code;
import org.ironcds.chart.DraftOrder;

/**
 * Maps a draft MedicationRequest from the hook context to a {@link DraftOrder}, reading the
 * elements the rules and the suggested replacements need straight from the parsed JSON, as the
 * history mappers do: building a HAPI resource for it cost a third of all chart work.
 */
final class DraftOrderMapper {
  private final DrugConcepts drugs;

  DraftOrderMapper(ResourcePool pool) {
    this.drugs = new DrugConcepts(pool);
  }

  DraftOrder map(ObjectNode request, List<String> selections) {
    Optional<String> id = text(request.path("id"));
    JsonNode drug = drugs.of(request);
    boolean selected = selections.isEmpty() || id.map(i -> selections.contains("MedicationRequest/" + i)).orElse(false);
    return new DraftOrder(id, Concepts.codes(drug), Concepts.text(drug),
        MedicationMapper.routes(request.path("dosageInstruction")),
        Concepts.instant(request.path("authoredOn").asText()), plannedStart(request),
        text(request.path("requester").path("reference")), text(request.path("encounter").path("reference")),
        reasonCodes(request.path("reasonCode")), reasonReferences(request.path("reasonReference")), selected);
  }

  /** The order's own start: first dosage timing event or bounds start, else the validity period start. */
  private static Optional<Instant> plannedStart(ObjectNode request) {
    for (JsonNode dosage : request.path("dosageInstruction")) {
      JsonNode timing = dosage.path("timing");
      if (timing.path("event").size() > 0) {
        return Concepts.instant(timing.path("event").get(0).asText());
      }
      JsonNode boundsStart = timing.path("repeat").path("boundsPeriod").path("start");
      if (boundsStart.isTextual()) {
        return Concepts.instant(boundsStart.textValue());
      }
    }
    return text(request.path("dispenseRequest").path("validityPeriod").path("start")).flatMap(Concepts::instant);
  }

  private static List<Code> reasonCodes(JsonNode concepts) {
    List<Code> codes = new ArrayList<>();
    for (JsonNode concept : concepts) {
      codes.addAll(Concepts.codes(concept));
    }
    return codes;
  }

  private static List<String> reasonReferences(JsonNode references) {
    List<String> out = new ArrayList<>();
    for (JsonNode reference : references) {
      text(reference.path("reference")).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<String> text(JsonNode value) {
    return value.isTextual() && !value.textValue().isBlank() ? Optional.of(value.textValue()) : Optional.empty();
  }
}
