package org.ironcds.chart.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
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

  private final ResourcePool pool;

  MedicationMapper(ResourcePool pool) {
    this.pool = pool;
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
    JsonNode drug = drug(resource);
    return new MedicationUse(reference, kind, active, Concepts.codes(drug), Concepts.text(drug), routes, lastDate);
  }

  /** The CodeableConcept naming the drug; for an unresolvable reference, its display as text. */
  private JsonNode drug(ObjectNode resource) {
    if (resource.has("medicationCodeableConcept")) {
      return resource.get("medicationCodeableConcept");
    }
    JsonNode reference = resource.path("medicationReference");
    String target = reference.path("reference").asText("");
    Optional<JsonNode> medication = target.isEmpty() ? Optional.empty()
        : target.startsWith("#") ? contained(resource, target.substring(1))
        : pool.medication(target).map(JsonNode.class::cast);
    // An unresolvable reference may still name the drug in its display.
    return medication.map(m -> m.path("code")).orElseGet(() -> reference.path("display").isTextual()
        ? resource.objectNode().put("text", reference.get("display").textValue()) : MissingNode.getInstance());
  }

  private static Optional<JsonNode> contained(ObjectNode owner, String id) {
    for (JsonNode resource : owner.path("contained")) {
      String containedId = resource.path("id").asText();
      if (resource.path("resourceType").asText().equals("Medication")
          && (id.equals(containedId) || ("#" + id).equals(containedId))) {
        return Optional.of(resource);
      }
    }
    return Optional.empty();
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

  private static List<Code> routes(JsonNode dosages) {
    List<Code> routes = new ArrayList<>();
    for (JsonNode dosage : dosages) {
      routes.addAll(Concepts.codes(dosage.path("route")));
    }
    return routes;
  }
}
