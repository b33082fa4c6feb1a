package org.ironcds.chart.fhir;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.ironcds.chart.DraftOrder;

/** Maps a draft MedicationRequest from the hook context to a {@link DraftOrder}. */
final class DraftOrderMapper {
  private final MedicationResolver resolver;

  DraftOrderMapper(MedicationResolver resolver) {
    this.resolver = resolver;
  }

  DraftOrder map(MedicationRequest request, List<String> selections) {
    Optional<String> id = Optional.ofNullable(request.getIdElement().getIdPart());
    CodeableConcept drug = resolver.resolve(request.getMedication(), request);
    boolean selected = selections.isEmpty() || id.map(i -> selections.contains("MedicationRequest/" + i)).orElse(false);
    return new DraftOrder(id, Concepts.codes(drug), Concepts.text(drug),
        routes(request.getDosageInstruction()),
        Concepts.instant(request.getAuthoredOnElement()), plannedStart(request),
        reference(request.getRequester()), reference(request.getEncounter()),
        Concepts.codes(request.getReasonCode()),
        request.getReasonReference().stream().map(Reference::getReference).filter(r -> r != null).toList(),
        selected);
  }

  /** The order's own start: first dosage timing event or bounds start, else the validity period start. */
  private static Optional<Instant> plannedStart(MedicationRequest request) {
    for (Dosage dosage : request.getDosageInstruction()) {
      Timing timing = dosage.getTiming();
      if (timing.hasEvent()) {
        return Concepts.instant(timing.getEvent().get(0));
      }
      if (timing.getRepeat().hasBoundsPeriod() && timing.getRepeat().getBoundsPeriod().hasStart()) {
        return Concepts.instant(timing.getRepeat().getBoundsPeriod().getStartElement());
      }
    }
    if (request.getDispenseRequest().getValidityPeriod().hasStart()) {
      return Concepts.instant(request.getDispenseRequest().getValidityPeriod().getStartElement());
    }
    return Optional.empty();
  }

  private static Optional<String> reference(Reference reference) {
    return Optional.ofNullable(reference.getReference()).filter(r -> !r.isBlank());
  }

  private static List<org.ironcds.chart.Code> routes(List<org.hl7.fhir.r4.model.Dosage> dosages) {
    return Concepts.codes(dosages.stream().map(org.hl7.fhir.r4.model.Dosage::getRoute).toList());
  }
}
