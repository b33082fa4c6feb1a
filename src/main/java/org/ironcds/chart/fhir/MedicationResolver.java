package org.ironcds.chart.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * Finds the code of a medication[x]: the CodeableConcept itself, or the code of the Medication a
 * reference points to (contained, in a Bundle, or elsewhere in the prefetch).
 */
final class MedicationResolver {
  private final ResourcePool pool;
  private final HapiReader reader;

  MedicationResolver(ResourcePool pool, HapiReader reader) {
    this.pool = pool;
    this.reader = reader;
  }

  CodeableConcept resolve(Type medication, DomainResource owner) {
    if (medication instanceof CodeableConcept concept) {
      return concept;
    }
    if (medication instanceof Reference reference) {
      return medication(reference, owner).map(Medication::getCode).orElseGet(() -> referenceText(reference));
    }
    return new CodeableConcept();
  }

  private Optional<Medication> medication(Reference reference, DomainResource owner) {
    if (reference.getResource() instanceof Medication resolved) {
      return Optional.of(resolved);
    }
    String target = reference.getReference();
    if (target == null || target.isEmpty()) {
      return Optional.empty();
    }
    if (target.startsWith("#")) {
      return contained(owner, target.substring(1));
    }
    return pool.medication(target).map(node -> reader.read(Medication.class, node));
  }

  private static Optional<Medication> contained(DomainResource owner, String id) {
    for (Resource resource : owner.getContained()) {
      String containedId = resource.getIdElement().getIdPart();
      if (resource instanceof Medication medication
          && (id.equals(containedId) || ("#" + id).equals(containedId))) {
        return Optional.of(medication);
      }
    }
    return Optional.empty();
  }

  /** An unresolvable reference may still name the drug in its display. */
  private static CodeableConcept referenceText(Reference reference) {
    return new CodeableConcept().setText(reference.getDisplay());
  }
}
