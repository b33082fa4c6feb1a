package org.ironcds.prefetch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.fhir.Fhir;

/**
 * One made-up patient's chart as a FHIR server would hold it, plus a second patient whose data must
 * never come back. Ids are distinctive so log assertions can look for them.
 */
public final class TestChart {
  public static final String PATIENT_ID = "pat-7f3e91";
  public static final String OTHER_PATIENT_ID = "pat-other-22";
  public static final String ACCESS_TOKEN = "tok-SECRET-4242-xyz";
  /** Referenced by a MedicationRequest, held only by the server. */
  public static final String IRON_MEDICATION_ID = "med-ferric-carboxymaltose";

  /** A representative lab value set: calcium, phosphate, ferritin, 25-OH vitamin D. */
  public static final List<String> LAB_CODES =
      List.of("http://loinc.org|17861-6", "http://loinc.org|2777-1", "http://loinc.org|2276-4", "http://loinc.org|1989-3");

  private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  private static final String LOINC = "http://loinc.org";

  private TestChart() {}

  public static PrefetchTemplates templates() {
    return PrefetchTemplates.load(LAB_CODES);
  }

  /** Everything the fake EHR holds, both patients. */
  public static List<IBaseResource> all() {
    List<IBaseResource> all = new ArrayList<>();
    all.add(patient());
    all.add(ironMedication());
    all.addAll(medicationRequests());
    all.addAll(medicationStatements());
    all.addAll(medicationAdministrations());
    all.addAll(observations());
    all.add(otherPatientsRequest());
    return all;
  }

  public static Patient patient() {
    Patient patient = new Patient();
    patient.setId(PATIENT_ID);
    patient.setGender(Enumerations.AdministrativeGender.FEMALE);
    return patient;
  }

  public static Medication ironMedication() {
    Medication medication = new Medication();
    medication.setId(IRON_MEDICATION_ID);
    medication.setCode(concept(RXNORM, "1546405", "ferric carboxymaltose"));
    return medication;
  }

  /** Five prescriptions, newest first: enough for three pages of two. */
  public static List<MedicationRequest> medicationRequests() {
    List<MedicationRequest> requests = new ArrayList<>();
    requests.add(medicationRequest("mr-1", MedicationRequest.MedicationRequestStatus.ACTIVE, "alendronate"));
    MedicationRequest iron = medicationRequest("mr-2", MedicationRequest.MedicationRequestStatus.COMPLETED, "iron");
    iron.setMedication(new Reference("Medication/" + IRON_MEDICATION_ID));
    requests.add(iron);
    requests.add(medicationRequest("mr-3", MedicationRequest.MedicationRequestStatus.STOPPED, "risedronate"));
    requests.add(medicationRequest("mr-4", MedicationRequest.MedicationRequestStatus.COMPLETED, "calcitriol"));
    requests.add(medicationRequest("mr-5", MedicationRequest.MedicationRequestStatus.CANCELLED, "ibandronate"));
    return requests;
  }

  public static List<MedicationStatement> medicationStatements() {
    MedicationStatement statement = new MedicationStatement();
    statement.setId("ms-1");
    statement.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
    statement.setSubject(new Reference("Patient/" + PATIENT_ID));
    statement.setMedication(concept(RXNORM, "993452", "denosumab"));
    return List.of(statement);
  }

  /** One clinic dose whose Medication is contained, so it must never be fetched. */
  public static List<MedicationAdministration> medicationAdministrations() {
    MedicationAdministration administration = new MedicationAdministration();
    administration.setId("ma-1");
    administration.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
    administration.setSubject(new Reference("Patient/" + PATIENT_ID));
    Medication zoledronic = new Medication();
    zoledronic.setId("zol");
    zoledronic.setCode(concept(RXNORM, "77655", "zoledronic acid"));
    administration.addContained(zoledronic);
    administration.setMedication(new Reference("#zol"));
    return List.of(administration);
  }

  /** Three labs in the value set and a heart rate that the lab query must not return. */
  public static List<Observation> observations() {
    return List.of(
        observation("obs-ca", "17861-6", "Calcium", 2.1),
        observation("obs-phos", "2777-1", "Phosphate", 0.6),
        observation("obs-ferritin", "2276-4", "Ferritin", 12),
        observation("obs-hr", "8867-4", "Heart rate", 72));
  }

  public static MedicationRequest otherPatientsRequest() {
    MedicationRequest request = medicationRequest("mr-other", MedicationRequest.MedicationRequestStatus.ACTIVE, "x");
    request.setSubject(new Reference("Patient/" + OTHER_PATIENT_ID));
    return request;
  }

  /** What a complete client would prefetch for each template key, as JSON. */
  public static JsonNode prefetchValue(String key) {
    switch (key) {
      case "patient":
        return json(patient());
      case "medicationRequests":
        Bundle requests = searchset(medicationRequests());
        // A careful client includes the referenced Medication, as _include would.
        requests.addEntry().setResource(ironMedication()).getSearch().setMode(Bundle.SearchEntryMode.INCLUDE);
        return json(requests);
      case "medicationStatements":
        return json(searchset(medicationStatements()));
      case "medicationAdministrations":
        return json(searchset(medicationAdministrations()));
      case "observations":
        return json(searchset(observations().stream().filter(inLabCodes()).toList()));
      default:
        throw new IllegalArgumentException(key);
    }
  }

  static Predicate<Observation> inLabCodes() {
    return observation -> LAB_CODES.contains(LOINC + "|" + observation.getCode().getCodingFirstRep().getCode());
  }

  public static Bundle searchset(List<? extends org.hl7.fhir.r4.model.Resource> resources) {
    Bundle bundle = new Bundle();
    bundle.setType(Bundle.BundleType.SEARCHSET);
    bundle.setTotal(resources.size());
    resources.forEach(r -> bundle.addEntry().setResource(r).getSearch().setMode(Bundle.SearchEntryMode.MATCH));
    return bundle;
  }

  public static JsonNode json(IBaseResource resource) {
    try {
      return new CdsHooksJson().mapper().readTree(Fhir.encode(resource));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static MedicationRequest medicationRequest(
      String id, MedicationRequest.MedicationRequestStatus status, String drug) {
    MedicationRequest request = new MedicationRequest();
    request.setId(id);
    request.setStatus(status);
    request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
    request.setSubject(new Reference("Patient/" + PATIENT_ID));
    request.setMedication(concept(RXNORM, drug, drug));
    return request;
  }

  private static Observation observation(String id, String code, String display, double value) {
    Observation observation = new Observation();
    observation.setId(id);
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.setSubject(new Reference("Patient/" + PATIENT_ID));
    observation.setCode(concept(LOINC, code, display));
    observation.setValue(new Quantity(value));
    return observation;
  }

  private static CodeableConcept concept(String system, String code, String display) {
    return new CodeableConcept(new Coding(system, code, display));
  }
}
