package org.ironcds.chart.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Finds the CodeableConcept naming the drug of a medication resource's medication[x]: the concept
 * itself, or the code of the Medication a reference points to (contained, in a Bundle, or elsewhere
 * in the prefetch).
 */
final class DrugConcepts {
  private final ResourcePool pool;

  DrugConcepts(ResourcePool pool) {
    this.pool = pool;
  }

  /** The drug's concept; for an unresolvable reference, its display as text; else a missing node. */
  JsonNode of(ObjectNode resource) {
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
}
