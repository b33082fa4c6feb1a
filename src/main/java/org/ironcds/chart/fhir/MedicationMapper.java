package org.ironcds.chart.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ironcds.chart.Code;
import org.ironcds.chart.MedicationUse;
import org.ironcds.chart.MedicationUse.Kind;

/**
 * Maps medication history resources (MedicationRequest, MedicationStatement,
 * MedicationAdministration) to {@link MedicationUse}s, reading the few elements the rules need
 * straight from the parsed JSON, as {@link ObservationMapper} does for lab results: status, the drug
 * (medicationCodeableConcept, or the Medication a reference points to: contained, in a Bundle, or
 * elsewhere in the prefetch), routes and dates.
 *
 * <p>Records that mean the drug was never given are dropped: entered-in-error everywhere, cancelled
 * and draft orders, not-taken and intended statements, not-done administrations.
 */
final class MedicationMapper {
  private static final Set<String> SKIPPED_REQUEST = Set.of("entered-in-error", "cancelled", "draft");
  private static final Set<String> SKIPPED_STATEMENT = Set.of("entered-in-error", "not-taken", "intended");
  private static final Set<String> SKIPPED_ADMINISTRATION = Set.of("entered-in-error", "not-done");

  private final DrugConcepts drugs;

  MedicationMapper(ResourcePool pool) {
    this.drugs = new DrugConcepts(pool);
  }

  Optional<MedicationUse> map(ObjectNode resource) {
    String type = resource.path("resourceType").asText();
    String status = resource.path("status").isTextual() ? resource.get("status").textValue() : "unknown";
    String reference = type + "/" + resource.path("id").asText();
    switch (type) {
      case "MedicationRequest":
        return SKIPPED_REQUEST.contains(status) ? Optional.empty() : Optional.of(use(reference, Kind.REQUEST,
            status.equals("active"), resource, routes(resource.path("dosageInstruction")), lastDate(resource)));
      case "MedicationStatement":
        return SKIPPED_STATEMENT.contains(status) ? Optional.empty() : Optional.of(use(reference, Kind.STATEMENT,
            status.equals("active"), resource, routes(resource.path("dosage")), Concepts.latest(resource, "effective")));
      case "MedicationAdministration":
        return SKIPPED_ADMINISTRATION.contains(status) ? Optional.empty() : Optional.of(use(reference,
            Kind.ADMINISTRATION, status.equals("in-progress"), resource,
            Concepts.codes(resource.path("dosage").path("route")), Concepts.latest(resource, "effective")));
      default:
        return Optional.empty();
    }
  }

  private MedicationUse use(String reference, Kind kind, boolean active, ObjectNode resource, List<Code> routes,
      Optional<Instant> lastDate) {
    JsonNode drug = drugs.of(resource);
    return new MedicationUse(reference, kind, active, Concepts.codes(drug), Concepts.text(drug), routes, lastDate);
  }

  /**
   * The latest date an order speaks of: authoring, end of its validity period, end of its dosage
   * bounds. A long-running order stopped last month should count from its end, not its authoring.
   */
  private static Optional<Instant> lastDate(ObjectNode request) {
    Optional<Instant> last = Concepts.instant(request.path("authoredOn").asText());
    last = Concepts.later(last,
        Concepts.instant(request.path("dispenseRequest").path("validityPeriod").path("end").asText()));
    for (JsonNode dosage : request.path("dosageInstruction")) {
      last = Concepts.later(last,
          Concepts.instant(dosage.path("timing").path("repeat").path("boundsPeriod").path("end").asText()));
    }
    return last;
  }

  static List<Code> routes(JsonNode dosages) {
    List<Code> routes = new ArrayList<>();
    for (JsonNode dosage : dosages) {
      routes.addAll(Concepts.codes(dosage.path("route")));
    }
    return routes;
  }
}
