package org.ironcds.chart.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The raw resources of one request, sorted by type with cheap Jackson checks only, so the
 * mappers later read just what the chart needs. Bundles are flattened; a resource seen twice (the same
 * type and id in two prefetch keys) is kept once.
 */
final class ResourcePool {
  private static final Set<String> SKIPPED_OBSERVATION_STATUS = Set.of("cancelled", "entered-in-error");

  final List<ObjectNode> medicationUses = new ArrayList<>();
  final List<ObjectNode> observations = new ArrayList<>();
  private final Map<String, ObjectNode> medications = new HashMap<>();
  /** Type and id of each resource added, so a second copy is dropped. */
  private final Set<Identity> seen = new HashSet<>();
  private final Map<String, Set<String>> observationCodes;
  private Optional<ResourcePool> fallback = Optional.empty();

  /** @param observationCodes the wanted observation codes, by code system */
  ResourcePool(Map<String, Set<String>> observationCodes) {
    this.observationCodes = observationCodes;
  }

  /**
   * A resource's type and id. A record rather than {@code type + "/" + id}: no string to build per
   * resource, and the type's hash is computed once for the whole request (its text is shared).
   */
  private record Identity(String type, String id) {}

  void add(JsonNode node) {
    add(node, "");
  }

  /** @param fullUrl the Bundle entry's fullUrl, or empty */
  private void add(JsonNode node, String fullUrl) {
    if (node == null || !node.isObject()) {
      return; // NullNode / MissingNode: the client had no data for that key
    }
    ObjectNode resource = (ObjectNode) node;
    String type = resource.path("resourceType").asText("");
    if (type.equals("Bundle")) {
      for (JsonNode entry : resource.path("entry")) {
        add(entry.path("resource"), entry.path("fullUrl").asText(""));
      }
      return;
    }
    String id = resource.path("id").asText("");
    if (!id.isEmpty() && !seen.add(new Identity(type, id))) {
      return;
    }
    switch (type) {
      case "MedicationRequest", "MedicationStatement", "MedicationAdministration" -> medicationUses.add(resource);
      case "Observation" -> {
        if (isWantedObservation(resource)) {
          observations.add(resource);
        }
      }
      case "Medication" -> {
        if (!id.isEmpty()) {
          medications.put("Medication/" + id, resource);
        }
        if (!fullUrl.isEmpty()) {
          medications.put(fullUrl, resource);
        }
      }
      default -> { } // Patient and anything else: the rules read nothing from them
    }
  }

  private boolean isWantedObservation(ObjectNode observation) {
    if (SKIPPED_OBSERVATION_STATUS.contains(observation.path("status").asText(""))) {
      return false;
    }
    for (JsonNode coding : observation.path("code").path("coding")) {
      Set<String> codes = observationCodes.get(coding.path("system").asText(""));
      if (codes != null && codes.contains(coding.path("code").asText(""))) {
        return true;
      }
    }
    return false;
  }

  /** Makes Medication look-ups that miss here try {@code other} next; returns this pool. */
  ResourcePool withFallback(ResourcePool other) {
    fallback = Optional.of(other);
    return this;
  }

  /** A Medication by reference: {@code Medication/id}, an absolute URL ending so, or a fullUrl. */
  Optional<ObjectNode> medication(String reference) {
    ObjectNode direct = medications.get(reference);
    if (direct != null) {
      return Optional.of(direct);
    }
    int slash = reference.lastIndexOf("/Medication/");
    Optional<ObjectNode> byTail = slash < 0
        ? Optional.empty()
        : Optional.ofNullable(medications.get(reference.substring(slash + 1)));
    return byTail.or(() -> fallback.flatMap(other -> other.medication(reference)));
  }
}
