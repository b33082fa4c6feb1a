package org.ironcds.knowledge.cards;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Timing;
import org.ironcds.cdshooks.FhirJson;
import org.ironcds.chart.Code;
import org.ironcds.chart.DraftOrder;
import org.ironcds.chart.PatientChart;
import org.ironcds.fhir.Fhir;
import org.ironcds.knowledge.cards.CardSettings.AlternativeProduct;
import org.ironcds.knowledge.cards.CardSettings.LabOrder;

/** Builds the draft FHIR resources that suggestions create, and encodes each once. */
final class OrderResources {
  static final String LOINC = "http://loinc.org";
  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  static final String SNOMED = "http://snomed.info/sct";
  static final String UCUM = "http://unitsofmeasure.org";

  private OrderResources() {}

  /** A draft lab order for the patient and encounter; {@code when} empty means "before the infusion". */
  static FhirJson labOrder(LabOrder test, PatientChart chart, DraftOrder order, Instant now, List<Instant> when,
      String note) {
    ServiceRequest request = new ServiceRequest()
        .setStatus(ServiceRequest.ServiceRequestStatus.DRAFT)
        .setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
        .setCode(new CodeableConcept(new Coding(LOINC, test.loinc(), test.display())).setText(test.display()))
        .setSubject(new Reference("Patient/" + chart.patientId()))
        .setAuthoredOnElement(new DateTimeType(Date.from(now)))
        .setRequester(new Reference(requester(chart, order)));
    encounter(chart, order).ifPresent(e -> request.setEncounter(new Reference(e)));
    request.addReasonCode().setText(note);
    if (!when.isEmpty()) {
      Timing timing = new Timing();
      when.forEach(w -> timing.addEvent(Date.from(w)));
      request.setOccurrence(timing);
    }
    return new FhirJson(Fhir.encode(request));
  }

  /** A complete draft MedicationRequest for a lower-risk product, same patient, prescriber, encounter and reason. */
  static FhirJson alternative(AlternativeProduct product, double doseMg, PatientChart chart, DraftOrder order,
      Instant now) {
    MedicationRequest request = new MedicationRequest()
        .setStatus(MedicationRequest.MedicationRequestStatus.DRAFT)
        .setIntent(MedicationRequest.MedicationRequestIntent.ORDER)
        .setMedication(new CodeableConcept(new Coding(RXNORM, product.rxnorm(), product.rxnormDisplay()))
            .setText(product.rxnormDisplay()))
        .setSubject(new Reference("Patient/" + chart.patientId()))
        .setAuthoredOnElement(new DateTimeType(Date.from(now)))
        .setRequester(new Reference(requester(chart, order)));
    encounter(chart, order).ifPresent(e -> request.setEncounter(new Reference(e)));
    for (Code reason : order.reasonCodes()) {
      request.addReasonCode(new CodeableConcept(new Coding(reason.system(), reason.code(), reason.display().orElse(null))));
    }
    order.reasonReferences().forEach(r -> request.addReasonReference(new Reference(r)));
    Dosage dosage = request.addDosageInstruction()
        .setText(product.instructions())
        .setRoute(new CodeableConcept(new Coding(SNOMED, "47625008", "Intravenous route")));
    dosage.addDoseAndRate().setDose(new org.hl7.fhir.r4.model.Quantity()
        .setValue(java.math.BigDecimal.valueOf(Math.round(doseMg))).setUnit("mg").setSystem(UCUM).setCode("mg"));
    return new FhirJson(Fhir.encode(request));
  }

  private static String requester(PatientChart chart, DraftOrder order) {
    return order.requester().orElse(chart.userId());
  }

  private static Optional<String> encounter(PatientChart chart, DraftOrder order) {
    return order.encounter().or(() -> chart.encounterId().map(e -> e.contains("/") ? e : "Encounter/" + e));
  }
}
